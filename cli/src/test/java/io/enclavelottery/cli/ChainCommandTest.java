package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argument checks of {@code lottery chain}, which fail before any node starts. */
class ChainCommandTest {

  @ParameterizedTest
  @CsvSource({
    "--port, 70000, --port must be within 0..65535",
    "--port, -1, --port must be within 0..65535",
    "--port, abc, '--port'",
    "--block-time, 0, --block-time must be more than 0",
    "--block-time, -2, --block-time must be more than 0",
    "--block-time, NaN, --block-time must be more than 0",
  })
  void badArgumentsAreOneLineUsageErrors(String option, String value, String reason) {
    CliRun run = CliRun.of("chain", option, value);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().startsWith("lottery: ").contains(reason);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aPortInUseIsReportedBeforeStarting() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      CliRun run = CliRun.of("chain", "--port", Integer.toString(taken.getLocalPort()));

      assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
      assertThat(run.errLines()).singleElement().asString().contains("is in use");
    }
  }
}
