package io.enclavelottery.cli;

import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.enclave.nsm.NsmFactory;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import io.enclavelottery.operator.keeper.OperatorSigning;
import java.net.URI;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Dev mode's enclave signer ({@code lottery dev --enclave}): the real signer on the software NSM in
 * this process, its key generated before the lottery is deployed (so that the lottery can name it
 * as operator), served once the lottery's address is known, on free loopback ports. The keeper uses
 * it as it would a Nitro enclave, trusting the software NSM (NOT SECURE, said everywhere).
 */
final class DevSigner implements AutoCloseable {

  /** Seeds are released this long after betting ends by the signer's clock (the chain's, here). */
  static final Duration RELEASE_MARGIN = Duration.ofSeconds(2);

  private static final Duration TIMEOUT = Duration.ofSeconds(10);

  private final SignerProcess.Unbound unbound;
  private SignerProcess serving;

  private DevSigner(SignerProcess.Unbound unbound) {
    this.unbound = unbound;
  }

  /** Opens the software NSM and generates the operator key. */
  static DevSigner open() {
    return new DevSigner(SignerProcess.open(true, Optional.empty(), NsmFactory::open));
  }

  /** The generated operator address. */
  String operator() {
    return unbound.keys().operatorAddress();
  }

  /** Binds the signer to {@code contract} on the local chain and serves it. */
  void serve(String contract) {
    Map<String, String> environment =
        Map.of(
            SignerConfig.CHAIN_ID,
            Long.toString(LocalAnvil.CHAIN_ID),
            SignerConfig.CONTRACT,
            contract,
            SignerConfig.SOFTWARE_NSM,
            "true",
            SignerConfig.PORT,
            "0",
            SignerConfig.ATTESTATION_PORT,
            "0",
            SignerConfig.MARGIN,
            Long.toString(RELEASE_MARGIN.toSeconds()));
    serving = unbound.serve(SignerConfig.from(environment::get));
  }

  /** How the keeper reaches and checks it: the software NSM's PCRs, trusted for development. */
  OperatorSigning.Enclave signing() {
    Map<Integer, String> pcrs = new TreeMap<>();
    SoftwareNsm.defaultPcrs()
        .forEach((index, value) -> pcrs.put(index, HexFormat.of().formatHex(value)));
    return new OperatorSigning.Enclave(
        url(serving.signingPort()),
        url(serving.attestationPort()),
        pcrs,
        true,
        TIMEOUT,
        Optional.empty());
  }

  @Override
  public void close() {
    if (serving != null) {
      serving.close();
    }
  }

  private static URI url(int port) {
    return URI.create("http://127.0.0.1:" + port + "/");
  }
}
