package io.enclavelottery.cli;

import io.enclavelottery.chain.signer.KeyLoadException;
import io.enclavelottery.chain.signer.KeySource;
import io.enclavelottery.chain.signer.SigningKey;
import io.enclavelottery.enclave.attestation.AttestationDocument;
import io.enclavelottery.enclave.attestation.MalformedAttestationException;
import io.enclavelottery.enclave.client.KeyInjectionClient;
import io.enclavelottery.enclave.client.SignerCallFailed;
import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code lottery signer inject-key}: the publisher's side of key injection. Encrypts the operator
 * key to the signer's injection key (docs/ENCLAVE.md) and posts it, once. The injection key should
 * come from an attestation document verified first with {@code lottery verify-attestation}.
 */
@Command(
    name = "inject-key",
    mixinStandardHelpOptions = true,
    description = {
      "Encrypts the operator key to a signer's injection key (ECIES on secp384r1) and hands it to"
          + " the signer, which accepts one key, of its configured operator, once.",
      "The key is read from the environment variable "
          + InjectKeyCommand.ENV_VAR
          + " or from --operator-key-file, never from an argument."
    })
final class InjectKeyCommand implements Callable<Integer> {

  /** The environment variable that holds the operator's key. */
  static final String ENV_VAR = "LOTTERY_OPERATOR_KEY";

  @Spec private CommandSpec spec;

  @ParentCommand private SignerCommand parent;

  @Option(
      names = "--signer",
      required = true,
      paramLabel = "URL",
      description = "The signer's signing port, e.g. http://127.0.0.1:9000/")
  private URI signer;

  @Option(
      names = "--attestation",
      paramLabel = "FILE",
      description =
          "An attestation document of this signer (raw CBOR or base64), verified beforehand with"
              + " lottery verify-attestation: its public_key is encrypted to. Without it the key"
              + " is encrypted to what /api/get_pub_key says, which nothing authenticates.")
  private Path attestation;

  @Option(
      names = "--operator-key-file",
      paramLabel = "PATH",
      description = "File holding the operator's private key (hex); default: " + ENV_VAR + ".")
  private Path keyFile;

  @Override
  public Integer call() {
    SigningKey key = loadKey();
    KeyInjectionClient client =
        new KeyInjectionClient(
            signer.toString().endsWith("/") ? signer : URI.create(signer + "/"),
            Duration.ofSeconds(30),
            new SecureRandom());
    PrintWriter out = spec.commandLine().getOut();
    try {
      byte[] injectionKey;
      if (attestation != null) {
        injectionKey = attestedKey();
      } else {
        out.println(
            "WARNING: encrypting to the key the signer reports, unauthenticated; pass"
                + " --attestation with a verified document in production.");
        injectionKey = client.publicKey();
      }
      String operator = client.inject(key, injectionKey);
      out.println("The signer at " + signer + " now signs for operator " + operator);
      return ExitCodes.OK;
    } catch (SignerCallFailed e) {
      throw new CommandFailure(ExitCodes.FAILED, e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
  }

  private byte[] attestedKey() {
    try {
      return AttestationDocument.parse(Files.readAllBytes(attestation))
          .publicKey()
          .orElseThrow(
              () ->
                  CommandFailure.unusableInput(
                      "the attestation document " + attestation + " carries no public key"));
    } catch (IOException e) {
      throw CommandFailure.unusableInput("cannot read " + attestation);
    } catch (MalformedAttestationException e) {
      throw CommandFailure.unusableInput(attestation + ": " + e.getMessage());
    }
  }

  private SigningKey loadKey() {
    try {
      if (keyFile != null) {
        return new KeySource.KeyFile(keyFile).load();
      }
      if (parent.environment().apply(ENV_VAR) == null) {
        throw CommandFailure.unusableInput(
            "no operator key: set " + ENV_VAR + " or pass --operator-key-file");
      }
      return new KeySource.EnvironmentVariable(ENV_VAR).loadFrom(parent.environment());
    } catch (KeyLoadException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
  }
}
