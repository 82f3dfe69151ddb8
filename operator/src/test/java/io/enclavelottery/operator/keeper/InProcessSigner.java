package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.LotteryDeployer;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.chain.tx.BlockWait;
import io.enclavelottery.chain.tx.Eip1559TransactionSender;
import io.enclavelottery.chain.tx.FeePolicy;
import io.enclavelottery.chain.tx.ReceiptPolicy;
import io.enclavelottery.chain.tx.SendResult;
import io.enclavelottery.chain.tx.Web3jTransactionRpc;
import io.enclavelottery.enclave.client.RemoteSigner;
import io.enclavelottery.enclave.nsm.SoftwareNsm;
import io.enclavelottery.enclave.signer.EnclaveSigner;
import io.enclavelottery.enclave.signer.FeeCaps;
import io.enclavelottery.enclave.signer.NsmRandom;
import io.enclavelottery.enclave.signer.OperatorKeyCustody;
import io.enclavelottery.enclave.signer.SignerAttestation;
import io.enclavelottery.enclave.signer.SignerSettings;
import io.enclavelottery.enclave.signer.http.SignerServer;
import java.math.BigInteger;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The enclave signer on the software NSM, served on loopback ports in this process, with the system
 * clock: its operator key is generated first, so a lottery can be deployed with that operator
 * before the signer is bound to the lottery's address; or it waits for a given operator's key to be
 * injected.
 */
public final class InProcessSigner implements AutoCloseable {

  public static final Duration MARGIN = Duration.ofSeconds(1);

  private static final BigInteger GWEI = BigInteger.TEN.pow(9);

  private final SoftwareNsm nsm = new SoftwareNsm();
  private final OperatorKeyCustody keys;
  private final Clock clock;
  private SignerServer server;

  /** A signer that generates its key. */
  public InProcessSigner() {
    this(Clock.systemUTC());
  }

  /**
   * A signer that generates its key and releases seeds by {@code clock} (its own clock, which a
   * test moves along with the chain's).
   */
  InProcessSigner(Clock clock) {
    this.keys = OperatorKeyCustody.generate(new NsmRandom(nsm));
    this.clock = clock;
  }

  /** A signer that waits for the key of {@code operator} to be injected. */
  InProcessSigner(String operator) {
    this.keys = OperatorKeyCustody.awaitInjection(operator, new NsmRandom(nsm));
    this.clock = Clock.systemUTC();
  }

  /** The generated operator address. */
  public String operator() {
    return keys.operatorAddress();
  }

  /** Binds the signer to {@code contract} on {@code chainId} and serves it on free ports. */
  public InProcessSigner serve(long chainId, String contract) {
    return serve(chainId, contract, 0, 0);
  }

  /** Binds the signer to {@code contract} on {@code chainId} and serves it on these ports. */
  InProcessSigner serve(long chainId, String contract, int signingPort, int attestationPort) {
    SignerSettings settings =
        new SignerSettings(
            chainId,
            contract,
            new FeeCaps(
                GWEI.multiply(BigInteger.valueOf(500)),
                GWEI.multiply(BigInteger.valueOf(50)),
                BigInteger.valueOf(3_000_000)),
            MARGIN);
    server =
        SignerServer.start(
            new EnclaveSigner(settings, keys, nsm, clock),
            new SignerAttestation(nsm, keys, settings),
            new SignerServer.Listen("127.0.0.1", signingPort),
            new SignerServer.Listen("127.0.0.1", attestationPort));
    return this;
  }

  /**
   * Stops this signer and serves {@code fresh} for {@code contract} on its ports: the enclave
   * restarted behind the same bridges.
   */
  InProcessSigner restartAs(InProcessSigner fresh, long chainId, String contract) {
    int signing = signingPort();
    int attestation = attestationPort();
    close();
    return fresh.serve(chainId, contract, signing, attestation);
  }

  int signingPort() {
    return server.signingPort();
  }

  int attestationPort() {
    return server.attestationPort();
  }

  public URI signingUrl() {
    return URI.create("http://127.0.0.1:" + server.signingPort() + "/");
  }

  public URI attestationUrl() {
    return URI.create("http://127.0.0.1:" + server.attestationPort() + "/");
  }

  /** Keeper settings for this signer: the software NSM trusted (development) or not. */
  public OperatorSigning.Enclave signing(boolean trustSoftwareNsm) {
    return signing(trustSoftwareNsm, Optional.empty());
  }

  /** Keeper settings for this signer that hand it {@code keyToInject} when it waits for a key. */
  OperatorSigning.Enclave signing(boolean trustSoftwareNsm, Optional<SigningKey> keyToInject) {
    return new OperatorSigning.Enclave(
        signingUrl(),
        attestationUrl(),
        softwarePcrs(),
        trustSoftwareNsm,
        Duration.ofSeconds(10),
        keyToInject);
  }

  /**
   * Deploys a lottery on {@code chain} operated by this signer's generated address, funds that
   * address, serves the signer for the lottery and has the signer's {@code /sign} shorten the
   * rounds to 12 s of betting and a draw window from 4 s to 20 s after the end (past the signer's 1
   * s margin even when the chain's clock runs a little ahead); returns the lottery's address.
   */
  public String deployAndServe(KeeperChain chain) {
    String lottery =
        new LotteryDeployer(chain.web3j(), chain.anvil().httpUrl())
            .deploy(
                chain.anvil().account(0).key(), LotteryDeployer.Options.forLocalChain(operator()))
            .address();
    chain.call("anvil_setBalance", operator(), "0x56bc75e2d63100000"); // 100 ether
    serve(LocalAnvil.CHAIN_ID, lottery);
    Eip1559TransactionSender sender =
        new Eip1559TransactionSender(
            new Web3jTransactionRpc(chain.web3j()),
            new RemoteSigner(signingUrl(), Duration.ofSeconds(10)),
            LocalAnvil.CHAIN_ID,
            RevertDecoder.lottery(),
            FeePolicy.defaults(),
            ReceiptPolicy.defaults().withPollInterval(Duration.ofMillis(100)),
            Clock.systemUTC(),
            BlockWait.fixedInterval());
    Web3jLotteryContract contract = chain.contract(lottery);
    for (ContractCall call :
        List.of(
            contract.updateBettingDuration(Duration.ofSeconds(12)),
            contract.updateDrawDelays(Duration.ofSeconds(4), Duration.ofSeconds(20)))) {
      SendResult result = sender.send(call);
      if (!result.succeeded()) {
        throw new IllegalStateException(result.describe());
      }
    }
    return lottery;
  }

  /** The software NSM's PCRs as hex, as a keeper expects them. */
  public static Map<Integer, String> softwarePcrs() {
    Map<Integer, String> hex = new TreeMap<>();
    SoftwareNsm.defaultPcrs()
        .forEach((index, value) -> hex.put(index, HexFormat.of().formatHex(value)));
    return hex;
  }

  @Override
  public void close() {
    if (server != null) {
      server.close();
    }
  }
}
