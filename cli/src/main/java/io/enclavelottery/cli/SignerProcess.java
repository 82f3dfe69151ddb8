package io.enclavelottery.cli;

import io.enclavelottery.enclave.nsm.Nsm;
import io.enclavelottery.enclave.nsm.NsmException;
import io.enclavelottery.enclave.nsm.NsmFactory;
import io.enclavelottery.enclave.signer.EnclaveSigner;
import io.enclavelottery.enclave.signer.NsmRandom;
import io.enclavelottery.enclave.signer.OperatorKeyCustody;
import io.enclavelottery.enclave.signer.SignerAttestation;
import io.enclavelottery.enclave.signer.http.SignerServer;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The signer wired for {@code lottery signer}: the NSM ({@code /dev/nsm}, or the software one when
 * allowed), the operator key's custody over the NSM's randomness, the signer and its two HTTP
 * listeners. Closing it stops the listeners; the key and seeds die with the process.
 */
final class SignerProcess implements AutoCloseable {

  static final String NOT_SECURE =
      "SOFTWARE NSM: NOT SECURE. Keys, seeds and attestations of this signer protect nothing;"
          + " for development only.";

  private static final Logger LOG = LoggerFactory.getLogger(SignerProcess.class);

  private final Nsm nsm;
  private final OperatorKeyCustody keys;
  private final SignerServer server;

  private SignerProcess(Nsm nsm, OperatorKeyCustody keys, SignerServer server) {
    this.nsm = nsm;
    this.keys = keys;
    this.server = server;
  }

  /**
   * The NSM and the operator key's custody, before the signer is bound to a contract and served:
   * dev mode deploys its lottery with the generated operator address in between.
   */
  record Unbound(Nsm nsm, OperatorKeyCustody keys) {

    /** Binds the signer to {@code config}'s chain and contract and serves it on its ports. */
    SignerProcess serve(SignerConfig config) {
      SignerServer server =
          SignerServer.start(
              new EnclaveSigner(config.settings(), keys, nsm, Clock.systemUTC()),
              new SignerAttestation(nsm, keys, config.settings()),
              new SignerServer.Listen(config.host(), config.signingPort()),
              new SignerServer.Listen(config.host(), config.attestationPort()));
      return new SignerProcess(nsm, keys, server);
    }
  }

  /**
   * Opens the NSM and makes the operator key's custody: generated, or waiting for the key of {@code
   * injectedOperator}.
   *
   * @param openNsm opens the NSM, given whether the software one is allowed
   * @throws CommandFailure when there is no usable NSM
   */
  static Unbound open(
      boolean softwareNsm, Optional<String> injectedOperator, Function<Boolean, Nsm> openNsm) {
    Nsm nsm;
    try {
      nsm = openNsm.apply(softwareNsm);
    } catch (NsmException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
    if (!nsm.secure()) {
      LOG.warn(NOT_SECURE);
    }
    NsmRandom random = new NsmRandom(nsm);
    OperatorKeyCustody keys =
        injectedOperator
            .map(operator -> OperatorKeyCustody.awaitInjection(operator, random))
            .orElseGet(() -> OperatorKeyCustody.generate(random));
    return new Unbound(nsm, keys);
  }

  /**
   * Starts the signer.
   *
   * @param openNsm opens the NSM, given whether the software one is allowed
   * @throws CommandFailure when there is no usable NSM
   */
  static SignerProcess start(SignerConfig config, Function<Boolean, Nsm> openNsm) {
    return open(config.softwareNsm(), config.injectedOperator(), openNsm).serve(config);
  }

  /** Starts the signer on the NSM {@link NsmFactory} picks. */
  static SignerProcess start(SignerConfig config) {
    return start(config, NsmFactory::open);
  }

  boolean secure() {
    return nsm.secure();
  }

  OperatorKeyCustody keys() {
    return keys;
  }

  int signingPort() {
    return server.signingPort();
  }

  int attestationPort() {
    return server.attestationPort();
  }

  @Override
  public void close() {
    server.close();
  }
}
