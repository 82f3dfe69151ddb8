package io.enclavelottery.cli;

import static io.enclavelottery.cli.LocalHttp.freePort;
import static io.enclavelottery.cli.LocalHttp.get;
import static io.enclavelottery.cli.LocalHttp.status;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.devnet.CountingRpcProxy;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.frontend.FrontendConfig;
import io.enclavelottery.operator.keeper.KeeperChain;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code lottery run}'s keeper and feed on one chain follower, in one process as {@link RunCommand}
 * starts them, against a real Anvil reached over HTTP through a {@link CountingRpcProxy}: a quiet
 * block costs the whole process one {@code eth_getLogs} (the tests mine blocks one at a time, each
 * once both have taken the last one in, and print the requests per block for docs/BENCHMARKS.md),
 * and both come back after the node was down.
 */
class RunOneFollowerIT {

  private static final Duration PATIENCE = Duration.ofSeconds(60);
  private static final int WARM_UP_BLOCKS = 3;
  private static final int QUIET_BLOCKS = 20;
  private static final ObjectMapper JSON = new ObjectMapper();

  private KeeperChain chain;
  private LocalAnvil restarted;
  private CountingRpcProxy proxy;
  private StandaloneRun run;
  private int confirmations;

  @TempDir Path temp;

  @BeforeEach
  void startChain() {
    chain = KeeperChain.start(Duration.ofMinutes(5));
    proxy = CountingRpcProxy.start(chain.anvil().httpUrl());
  }

  @AfterEach
  void stop() {
    if (run != null) {
      run.close();
    }
    proxy.close();
    chain.close();
    if (restarted != null) {
      restarted.close();
    }
  }

  @Test
  void aQuietBlockCostsTheWholeProcessOneLogQuery() throws Exception {
    startRun(0);
    countQuietBlocks();
  }

  @Test
  void aFeedWithConfirmationsSharesTheKeepersFollowerToo() throws Exception {
    startRun(2);
    countQuietBlocks();
  }

  @Test
  void theKeeperAndTheFeedBothComeBackAfterTheNodeWasDown() throws Exception {
    startRun(0);
    chain.bet(0);
    await().atMost(PATIENCE).until(() -> betCount() == 1);

    int port = chain.anvil().port();
    Path state = temp.resolve("state.json");
    chain.anvil().dumpState(state);
    chain.anvil().close();
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                json("/api/health").path("status").asText().equals("degraded")
                    && !json("/health").path("status").asText().equals("healthy"));
    assertThat(betCount()).as("the feed serves what it knew").isEqualTo(1);

    restarted = LocalAnvil.start(LocalAnvil.Options.defaults().withPort(port).withLoadState(state));
    chain.bet(1);
    // the second player's bet reaches the feed and wakes the keeper, which commits the seed
    await().atMost(PATIENCE).until(() -> betCount() == 2);
    await().atMost(PATIENCE).until(() -> chain.contract().round().seedCommitted());
    await()
        .atMost(PATIENCE)
        .until(
            () ->
                json("/api/health").path("status").asText().equals("healthy")
                    && json("/health").path("status").asText().equals("healthy"));
  }

  /** Starts {@code lottery run}'s process on the proxy, the feed showing events that deep. */
  private void startRun(int feedConfirmations) throws IOException {
    confirmations = feedConfirmations;
    String key = LocalChain.publicTestKey(chain.operator());
    Map<String, String> environment =
        Map.of(
            "BLOCKCHAIN_RPC_URL",
            proxy.url(),
            "BLOCKCHAIN_CHAIN_ID",
            "31337",
            "BLOCKCHAIN_CONTRACT_ADDRESS",
            chain.lottery(),
            "BLOCKCHAIN_OPERATOR_PRIVATE_KEY",
            key,
            "EVENTMGR_POLL_INTERVAL_SECONDS",
            "0.2",
            "EVENTMGR_CONFIRMATIONS",
            Integer.toString(feedConfirmations),
            "SERVER_HOST",
            "127.0.0.1",
            "SERVER_PORT",
            Integer.toString(freePort()));
    run =
        StandaloneRun.start(
            RunConfig.from(environment::get), FrontendConfig.fromEnvironment(environment::get));
    await().atMost(PATIENCE).until(() -> status(run.port(), "/ready") == 200);
    await().atMost(PATIENCE).until(() -> json("/health").path("keeper").asText().equals("running"));
  }

  /** Counts the requests of {@value #QUIET_BLOCKS} quiet blocks: one log query each. */
  private void countQuietBlocks() throws IOException {
    chain.pauseMining();
    // the keeper's first delivery of logs wakes it for one look: let that happen before counting
    mineQuietBlocks(WARM_UP_BLOCKS);
    proxy.reset();
    mineQuietBlocks(QUIET_BLOCKS);
    Map<String, Long> requests = proxy.byMethod();
    System.out.printf(
        "lottery run (feed at %d confirmations), %d quiet blocks over HTTP, 0.2 s polls:"
            + " %d requests, %.2f per block %s%n",
        confirmations,
        QUIET_BLOCKS,
        proxy.total(),
        (double) proxy.total() / QUIET_BLOCKS,
        requests);
    assertThat(requests.getOrDefault("eth_getLogs", 0L)).isEqualTo(QUIET_BLOCKS);
  }

  /** Mines {@code blocks} empty blocks, each once the process has taken in the one before. */
  private void mineQuietBlocks(int blocks) throws IOException {
    long head = chain.web3j().ethBlockNumber().send().getBlockNumber().longValueExact();
    await().atMost(PATIENCE).until(() -> tookIn(head));
    for (int i = 1; i <= blocks; i++) {
      chain.anvil().rpc("evm_mine");
      long mined = head + i;
      await().atMost(PATIENCE).until(() -> tookIn(mined));
    }
  }

  /**
   * Whether the follower has delivered {@code block} to every follow and the feed's view has
   * applied it, or the block {@code confirmations} below it.
   */
  private boolean tookIn(long block) throws IOException, InterruptedException {
    JsonNode keeper = json("/health");
    return keeper.path("latestBlock").asLong() == block
        && keeper.path("lagBlocks").asLong() == 0
        && json("/api/health").path("viewBlock").asLong() == block - confirmations;
  }

  private long betCount() throws IOException, InterruptedException {
    return json("/api/status").path("betCount").asLong();
  }

  private JsonNode json(String path) throws IOException, InterruptedException {
    return JSON.readTree(get(run.port(), path).body());
  }
}
