package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Argument checks of {@code lottery verify-draw}: unusable input exits 2 with one line. */
class VerifyDrawCommandTest {

  private static final String CONTRACT = "0x5FbDB2315678afecb367f032d93F642f64180aa3";

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "http://127.0.0.1:1 | " + CONTRACT + " | 1 | cannot reach the RPC at http://127.0.0.1:1",
        "127.0.0.1:1 | " + CONTRACT + " | 1 | an RPC URL starts with http://",
        "http://127.0.0.1:1 | 0xabc | 1 | not an address",
        "http://127.0.0.1:1 | " + CONTRACT + " | 0 | --round must be 1 or more",
        "http://127.0.0.1:1 | " + CONTRACT + " | one | '--round'",
      })
  void unusableInputExitsTwo(String rpc, String contract, String round, String reason) {
    CliRun run = CliRun.of("verify-draw", "--rpc", rpc, "--contract", contract, "--round", round);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().startsWith("lottery: ").contains(reason);
    assertThat(run.out()).isEmpty();
  }
}
