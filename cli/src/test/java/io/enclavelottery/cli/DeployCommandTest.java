package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argument checks of {@code lottery deploy}, which fail before any chain is asked. */
class DeployCommandTest {

  private static final String OPERATOR = "0x70997970C51812dc3A010C7d01b50e0d17dc79C8";
  private static final String UNREACHABLE = "http://127.0.0.1:1";
  private static final Map<String, String> WITH_KEY =
      Map.of(PublisherKeyOptions.ENV_VAR, "0x" + "ab".repeat(32));

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "--commission | 1001 | --commission must be within 0..1000",
        "--commission | -1 | --commission must be within 0..1000",
        "--reveal-penalty-bps | 10001 | --reveal-penalty-bps must be within 0..10000",
        "--bond | -1 | --bond must not be negative",
        "--bond | 0.0000000000000000001 | --bond has more than 18 decimals",
        "--bond | 0 | --bond 0 with a reveal penalty",
        "--bond | lots | '--bond'",
        "--operator-change-delay | 59 | --operator-change-delay must be within 60..2592000",
        "--operator-change-delay | 2592001 | --operator-change-delay must be within 60..2592000",
        "--operator | 0x0000000000000000000000000000000000000000 | must not be the zero address",
        "--operator | 0x1234 | not an address",
        "--operator | 0x70997970c51812dc3A010C7d01b50e0d17dc79C8 | checksum",
        "--rpc | 127.0.0.1:8545 | an RPC URL starts with http://",
        "--rpc | ftp://example.org | an RPC URL starts with http://",
      })
  void badValuesAreOneLineUsageErrors(String option, String value, String reason) {
    CliRun run = CliRun.withEnvironment(WITH_KEY, deployWith(option, value));

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().startsWith("lottery: ").contains(reason);
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aPenaltyOfZeroAllowsNoBond() {
    CliRun run =
        CliRun.withEnvironment(WITH_KEY, deployWith("--bond", "0", "--reveal-penalty-bps", "0"));

    // past validation: only the unreachable node stops it
    assertThat(run.errLines()).singleElement().asString().contains("cannot reach the RPC");
  }

  @Test
  void missingRequiredOptionsAreNamed() {
    CliRun run = CliRun.withEnvironment(WITH_KEY, "deploy");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("--rpc", "--operator");
  }

  @Test
  void aMisspelledOptionIsNamedRatherThanTheRequiredOneItMissed() {
    CliRun run =
        CliRun.withEnvironment(WITH_KEY, "deploy", "--rpc", UNREACHABLE, "--oprator", OPERATOR);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("unknown option '--oprator'");
  }

  @Test
  void anEnvironmentVariableThatHoldsNoKeyIsNotEchoed() {
    String notAKey = "hunter2-but-longer";

    CliRun run = CliRun.withEnvironment(Map.of(PublisherKeyOptions.ENV_VAR, notAKey), deployWith());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("LOTTERY_PUBLISHER_KEY does not hold a private key")
        .doesNotContain(notAKey);
  }

  @Test
  void theKeyIsCheckedBeforeTheNetwork() {
    CliRun run = CliRun.withEnvironment(Map.of(), deployWith());

    assertThat(run.errLines()).singleElement().asString().contains("no publisher key");
  }

  private static String[] deployWith(String... extra) {
    List<String> args =
        new ArrayList<>(List.of("deploy", "--rpc", UNREACHABLE, "--operator", OPERATOR));
    for (int i = 0; i < extra.length; i += 2) {
      int existing = args.indexOf(extra[i]);
      if (existing >= 0) {
        args.set(existing + 1, extra[i + 1]);
      } else {
        args.add(extra[i]);
        args.add(extra[i + 1]);
      }
    }
    return args.toArray(String[]::new);
  }
}
