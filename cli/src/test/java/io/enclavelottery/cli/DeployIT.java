package io.enclavelottery.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.contract.LotterySettings;
import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.io.IOException;
import java.math.BigInteger;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.http.HttpService;

/** {@code lottery deploy} against a real Anvil, run in-process. */
class DeployIT {

  @AutoClose private static LocalAnvil anvil;
  private static DevAccount publisher;
  private static DevAccount operator;
  private static String publisherKey;

  @TempDir Path temp;

  @BeforeAll
  static void startChain() {
    anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine());
    publisher = anvil.account(0);
    operator = anvil.account(1);
    publisherKey = LocalChain.publicTestKey(publisher);
  }

  @Test
  void deploysSetsTheOperatorDepositsTheBondAndPrintsTheAddressLast() {
    CliRun run =
        deploy(
            Map.of(PublisherKeyOptions.ENV_VAR, publisherKey),
            anvil.httpUrl(),
            operator.address(),
            "--commission",
            "250",
            "--reveal-penalty-bps",
            "2000",
            "--bond",
            "2.5",
            "--operator-change-delay",
            "60");

    assertThat(run.exitCode()).as(run.err()).isZero();
    String address = run.lastOutLine();
    assertThat(address).matches("0x[0-9a-f]{40}");
    assertThat(run.outLines()).containsExactly(address);
    try (Web3jLotteryContract lottery = Web3jLotteryContract.connect(anvil.httpUrl(), address)) {
      assertThat(lottery.hasCode()).isTrue();
      LotterySettings settings = lottery.settings();
      assertThat(settings.publisher()).isEqualTo(publisher.address());
      assertThat(settings.operator()).isEqualTo(operator.address());
      assertThat(settings.operatorBond()).isEqualTo(LotteryPlay.ether("2.5"));
      assertThat(settings.publisherCommissionBps()).isEqualTo(250);
      assertThat(settings.revealPenaltyBps()).isEqualTo(2000);
      assertThat(settings.operatorChangeDelay()).isEqualTo(Duration.ofSeconds(60));
    }
  }

  @Test
  void readsThePublisherKeyFromAFile() throws IOException {
    Path keyFile = ownerOnly(temp.resolve("publisher.key"));
    Files.writeString(keyFile, publisherKey + "\n");

    CliRun run =
        deploy(
            Map.of(),
            anvil.httpUrl(),
            operator.address(),
            "--publisher-key-file",
            keyFile.toString());

    assertThat(run.exitCode()).as(run.err()).isZero();
    try (Web3jLotteryContract lottery =
        Web3jLotteryContract.connect(anvil.httpUrl(), run.lastOutLine())) {
      assertThat(lottery.settings().publisher()).isEqualTo(publisher.address());
      assertThat(lottery.settings().operatorBond()).isEqualTo(LotteryPlay.ether("1"));
    }
  }

  @Test
  void neverTakesTheKeyAsAnArgument() throws IOException {
    BigInteger nonceBefore = nonce(publisher.address());

    CliRun run =
        deploy(Map.of(), anvil.httpUrl(), operator.address(), "--publisher-key", publisherKey);

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("'--publisher-key'");
    assertThat(run.out() + run.err()).doesNotContain(publisherKey.substring(2));
    assertThat(nonce(publisher.address())).isEqualTo(nonceBefore);
  }

  @Test
  void aMissingKeyIsOneLineWithoutAStackTrace() {
    CliRun run = deploy(Map.of(), anvil.httpUrl(), operator.address());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .isEqualTo(
            "lottery: no publisher key: set LOTTERY_PUBLISHER_KEY or pass --publisher-key-file");
    assertThat(run.out()).isEmpty();
  }

  @Test
  void aFileThatHoldsNoKeyIsOneLineAndNotEchoed() throws IOException {
    Path notAKey = ownerOnly(temp.resolve("notes.txt"));
    String content = "this is not a private key, but it is secret 1234";
    Files.writeString(notAKey, content);

    CliRun run =
        deploy(
            Map.of(),
            anvil.httpUrl(),
            operator.address(),
            "--publisher-key-file",
            notAKey.toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("does not hold a private key");
    assertThat(run.err()).doesNotContain(content);
  }

  @Test
  void aMissingKeyFileIsOneLine() {
    CliRun run =
        deploy(
            Map.of(),
            anvil.httpUrl(),
            operator.address(),
            "--publisher-key-file",
            temp.resolve("absent.key").toString());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines()).singleElement().asString().contains("does not exist");
  }

  @Test
  void anUnreachableRpcIsOneLine() {
    CliRun run =
        deploy(
            Map.of(PublisherKeyOptions.ENV_VAR, publisherKey),
            "http://127.0.0.1:1",
            operator.address());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .startsWith("lottery: cannot reach the RPC at http://127.0.0.1:1");
    assertThat(run.err()).doesNotContain(publisherKey.substring(2));
  }

  @Test
  void thePublisherCannotBeTheOperator() {
    CliRun run =
        deploy(
            Map.of(PublisherKeyOptions.ENV_VAR, publisherKey),
            anvil.httpUrl(),
            publisher.address());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.UNUSABLE_INPUT);
    assertThat(run.errLines())
        .singleElement()
        .asString()
        .contains("must differ from the publisher");
  }

  @Test
  void aPublisherWithoutFundsFailsBeforeSending() {
    String emptyAccountKey = "0x" + "11".repeat(32);

    CliRun run =
        deploy(
            Map.of(PublisherKeyOptions.ENV_VAR, emptyAccountKey),
            anvil.httpUrl(),
            operator.address());

    assertThat(run.exitCode()).isEqualTo(ExitCodes.FAILED);
    assertThat(run.errLines()).singleElement().asString().contains("holds 0 ETH");
    assertThat(run.err()).doesNotContain("11".repeat(32));
  }

  /** {@code lottery deploy --rpc rpc --operator operator more…} with only {@code environment}. */
  private static CliRun deploy(
      Map<String, String> environment, String rpc, String operator, String... more) {
    List<String> args = new ArrayList<>(List.of("deploy", "--rpc", rpc, "--operator", operator));
    args.addAll(List.of(more));
    return CliRun.withEnvironment(environment, args.toArray(String[]::new));
  }

  private static Path ownerOnly(Path file) throws IOException {
    return Files.createFile(
        file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
  }

  private static BigInteger nonce(String address) throws IOException {
    Web3j web3j = Web3j.build(new HttpService(anvil.httpUrl()));
    try {
      return web3j
          .ethGetTransactionCount(address, DefaultBlockParameterName.LATEST)
          .send()
          .getTransactionCount();
    } finally {
      web3j.shutdown();
    }
  }
}
