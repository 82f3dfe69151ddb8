package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class LotteryCommandTest {

  private static final String SOME_KEY =
      "ac0974bec39a17e36ba4a6b4d238ff944bacb478cbed5efcae784d7bf4f2ff80";

  @Test
  void helpListsTheCommandsAndExitsZero() {
    CliRun run = CliRun.of("--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).contains("Usage: lottery", "chain", "deploy", "verify-draw");
    assertThat(run.err()).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"chain", "deploy", "verify-draw"})
  void everyCommandAnswersHelp(String command) {
    CliRun run = CliRun.of(command, "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out()).startsWith("Usage: lottery " + command);
  }

  @Test
  void versionComesFromTheBuild() {
    CliRun run = CliRun.of("--version");

    assertThat(run.exitCode()).isZero();
    assertThat(run.outLines().get(0)).matches("lottery \\d+\\.\\d+\\.\\d+.*");
  }

  @Test
  void noCommandIsAOneLineUsageError() {
    CliRun run = CliRun.of();

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("lottery: missing command")
        .contains("dev, chain, deploy, run, operator, serve, signer");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void unknownCommandIsAOneLineUsageError() {
    CliRun run = CliRun.of("frobnicate");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).hasSize(1);
  }

  @Test
  void aKeyGivenAsAnArgumentIsRefusedWithoutEchoingIt() {
    CliRun run = CliRun.of("deploy", "--publisher-key", "0x" + SOME_KEY);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("unknown option '--publisher-key'", "never from arguments")
        .doesNotContain(SOME_KEY);
    assertThat(run.out()).doesNotContain(SOME_KEY);
  }

  @Test
  void aKeyJoinedToAnOptionIsNotEchoedEither() {
    CliRun run = CliRun.of("deploy", "--key=" + SOME_KEY, SOME_KEY);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.err()).contains("'--key'").doesNotContain(SOME_KEY);
  }

  @Test
  void aKeyGivenWhereAnAddressBelongsIsNotEchoed() {
    CliRun run =
        CliRun.of(
            "verify-draw",
            "--rpc",
            "http://127.0.0.1:1",
            "--contract",
            "0x" + SOME_KEY,
            "--round",
            "1");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("--contract")
        .doesNotContain(SOME_KEY);
  }
}
