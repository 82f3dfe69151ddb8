package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.freePort;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.enclavelottery.chain.contract.Web3jLotteryContract;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.web3j.protocol.Web3j;
import org.web3j.protocol.http.HttpService;

/** The shaded jar as a user runs it: a separate process, real signals, a real environment. */
class LotteryJarIT {

  @Test
  void chainRunsUntilSigtermAndLeavesNoProcessBehind() throws Exception {
    int port = freePort();
    try (RunningProcess chain =
        RunningProcess.lotteryJar(Map.of(), "chain", "--port", Integer.toString(port))) {
      await()
          .atMost(Duration.ofSeconds(30))
          .until(() -> chain.out().contains("Press Ctrl-C to stop.") || !chain.process().isAlive());
      assertThat(chain.out())
          .as("stderr: %s", chain.err())
          .contains("  HTTP       http://127.0.0.1:" + port, "  WebSocket  ws://127.0.0.1:" + port)
          .anyMatch(line -> line.startsWith("Private keys: Anvil's PUBLIC test keys"));
      Web3j web3j = Web3j.build(new HttpService("http://127.0.0.1:" + port));
      try {
        assertThat(web3j.ethChainId().send().getChainId().longValue())
            .isEqualTo(LocalAnvil.CHAIN_ID);
      } finally {
        web3j.shutdown();
      }
      List<ProcessHandle> children = chain.process().descendants().toList();
      assertThat(children).isNotEmpty();

      chain.process().toHandle().destroy(); // SIGTERM; Process.destroy() would close the pipes

      chain.awaitExit(30);
      assertThat(children).noneMatch(ProcessHandle::isAlive);
      assertThat(listening(port)).isFalse();
      assertThat(chain.err()).contains("lottery: anvil stopped");
    }
  }

  @Test
  void deployReadsTheKeyFromTheEnvironmentAndEndsWithTheAddress() throws Exception {
    try (LocalAnvil anvil = LocalAnvil.start(LocalAnvil.Options.defaults().automine())) {
      String key = LocalChain.publicTestKey(anvil.account(0));
      Map<String, String> environment = Map.of(PublisherKeyOptions.ENV_VAR, key);
      String[] deploy = {
        "deploy", "--rpc", anvil.httpUrl(), "--operator", anvil.account(1).address()
      };

      // one after the other: both deploy from the same account
      try (RunningProcess quiet = RunningProcess.lotteryJar(environment, deploy)) {
        assertThat(quiet.awaitExit(60)).as("stderr: %s", quiet.err()).isZero();
        assertThat(quiet.out()).singleElement().asString().matches("0x[0-9a-f]{40}");
        assertThat(quiet.err()).isEmpty();
      }
      try (RunningProcess verbose = RunningProcess.lotteryJar(environment, with(deploy, "-v"))) {
        assertThat(verbose.awaitExit(60)).as("stderr: %s", verbose.err()).isZero();
        assertThat(verbose.out()).hasSizeGreaterThan(1);
        String address = verbose.out().get(verbose.out().size() - 1);
        assertThat(address).matches("0x[0-9a-f]{40}");
        assertThat(String.join("\n", verbose.out())).contains("deployed at " + address);
        try (Web3jLotteryContract lottery =
            Web3jLotteryContract.connect(anvil.httpUrl(), address)) {
          assertThat(lottery.operator()).isEqualTo(anvil.account(1).address());
        }
        assertThat(String.join("\n", verbose.out()) + verbose.err())
            .doesNotContain(key.substring(2));
      }
    }
  }

  @Test
  void badInputIsOneLineOnStandardErrorAndExitTwo() throws Exception {
    try (RunningProcess run =
        RunningProcess.lotteryJar(
            Map.of(),
            "verify-draw",
            "--rpc",
            "http://127.0.0.1:1",
            "--contract",
            "0x12",
            "--round",
            "1")) {
      assertThat(run.awaitExit(30)).isEqualTo(ExitCodes.UNUSABLE_INPUT);
      assertThat(run.err()).singleElement().asString().startsWith("lottery: ");
      assertThat(run.out()).isEmpty();
    }
  }

  private static String[] with(String[] args, String extra) {
    String[] all = java.util.Arrays.copyOf(args, args.length + 1);
    all[args.length] = extra;
    return all;
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket(InetAddress.getLoopbackAddress(), port)) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
