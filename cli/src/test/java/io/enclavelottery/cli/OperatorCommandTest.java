package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code lottery operator}'s help and its one-line refusals of options it cannot use. */
class OperatorCommandTest {

  @Test
  void helpNamesEveryOptionAndTheProbes() {
    CliRun run = CliRun.of("operator", "--help");

    assertThat(run.exitCode()).isZero();
    assertThat(run.out())
        .contains(
            "--namespace",
            "--health-port",
            "--[no-]metrics",
            "--[no-]leader-election",
            "--lease-name",
            "--lease-namespace",
            "--identity",
            "--[no-]server-side-apply",
            "--trust-software-nsm",
            "/healthz",
            "/readyz",
            "POD_NAME");
  }

  @Test
  void aPortOutOfRangeIsOneLine() {
    assertRefused(
        "lottery: --health-port 70000 is not a port (0 to 65535)",
        "operator",
        "--health-port",
        "70000");
  }

  @Test
  void aPortThatIsNoNumberIsOneLine() {
    CliRun run = CliRun.of("operator", "--health-port", "http");

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("lottery: Invalid value for option '--health-port'");
  }

  @Test
  void aNamespaceThatIsNoKubernetesNameIsOneLine() {
    assertRefused(
        "lottery: --namespace \"Lottery_1\" is not a Kubernetes name: lower-case letters, digits"
            + " and '-', starting and ending with a letter or digit, at most 63 characters",
        "operator",
        "-n",
        "lottery",
        "-n",
        "Lottery_1");
  }

  @Test
  void aLeaseNameThatIsNoKubernetesNameIsOneLine() {
    assertRefused(
        "lottery: --lease-name \"Lottery.Lease\" is not a Kubernetes name: lower-case letters,"
            + " digits and '-' or '.', starting and ending with a letter or digit, at most 253"
            + " characters",
        "operator",
        "--lease-name",
        "Lottery.Lease");
  }

  @Test
  void aBlankIdentityIsOneLine() {
    assertRefused("lottery: --identity must not be blank", "operator", "--identity", " ");
  }

  private static void assertRefused(String line, String... args) {
    CliRun run = CliRun.of(args);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).containsExactly(line);
    assertThat(run.out()).isEmpty();
  }
}
