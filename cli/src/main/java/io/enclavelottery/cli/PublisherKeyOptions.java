package io.enclavelottery.cli;

import io.enclavelottery.chain.signer.KeyLoadException;
import io.enclavelottery.chain.signer.KeySource;
import io.enclavelottery.chain.signer.SigningKey;
import java.nio.file.Path;
import java.util.function.Function;
import picocli.CommandLine.Option;

/**
 * Where the publisher's key comes from: the environment variable {@value #ENV_VAR} or a file. There
 * is deliberately no option taking the key itself: arguments show in the process list.
 */
final class PublisherKeyOptions {

  /** The environment variable that holds the publisher's key. */
  static final String ENV_VAR = "LOTTERY_PUBLISHER_KEY";

  @Option(
      names = "--publisher-key-file",
      paramLabel = "PATH",
      description =
          "File holding the publisher's private key (hex). Without it the key is read from the"
              + " environment variable "
              + ENV_VAR
              + ".")
  private Path keyFile;

  /**
   * Loads the key.
   *
   * @throws CommandFailure with {@link ExitCodes#UNUSABLE_INPUT} when there is none or it cannot be
   *     read; the message never contains what was read
   */
  SigningKey load(Function<String, String> environment) {
    if (keyFile == null && environment.apply(ENV_VAR) == null) {
      throw CommandFailure.unusableInput(
          "no publisher key: set " + ENV_VAR + " or pass --publisher-key-file");
    }
    try {
      return keyFile != null
          ? new KeySource.KeyFile(keyFile).load()
          : new KeySource.EnvironmentVariable(ENV_VAR).loadFrom(environment);
    } catch (KeyLoadException e) {
      throw CommandFailure.unusableInput(e.getMessage());
    }
  }
}
