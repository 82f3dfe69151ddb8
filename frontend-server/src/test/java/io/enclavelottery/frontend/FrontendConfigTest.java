package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The server's configuration from environment variables: defaults, and one problem per bad one. */
class FrontendConfigTest {

  private static final Map<String, String> MINIMAL =
      Map.of(
          "BLOCKCHAIN_RPC_URL", "http://127.0.0.1:8545",
          "BLOCKCHAIN_CONTRACT_ADDRESS", "0x5FbDB2315678afecb367f032d93F642f64180aa3");

  @TempDir Path dir;

  @Test
  void defaultsMatchTheSeedSystem() {
    FrontendConfig config = FrontendConfig.fromEnvironment(MINIMAL::get);
    assertThat(config.port()).isEqualTo(6080);
    assertThat(config.host()).isEqualTo("0.0.0.0");
    assertThat(config.contract()).isEqualTo("0x5fbdb2315678afecb367f032d93f642f64180aa3");
    assertThat(config.expectedChainId()).isEmpty();
    assertThat(config.startBlock()).isEmpty();
    assertThat(config.confirmations()).isZero();
    assertThat(config.pollInterval()).isEqualTo(Duration.ofSeconds(2));
    assertThat(config.viewLimits().historyCapacity()).isEqualTo(50);
    assertThat(config.viewLimits().feedCapacity()).isEqualTo(200);
    assertThat(config.http().rateLimit()).isPresent();
    assertThat(config.http().corsOrigins()).as("CORS closed").isEmpty();
    assertThat(config.http().trustedProxies()).isEmpty();
    assertThat(config.http().staticDir()).isEmpty();
  }

  @Test
  void everyVariableIsRead() {
    var env = new java.util.HashMap<>(MINIMAL);
    env.putAll(
        Map.ofEntries(
            Map.entry("BLOCKCHAIN_CHAIN_ID", "31337"),
            Map.entry("SERVER_HOST", "127.0.0.1"),
            Map.entry("SERVER_PORT", "7000"),
            Map.entry("EVENTMGR_HISTORY_CAPACITY", "7"),
            Map.entry("EVENTMGR_FEED_CAPACITY", "9"),
            Map.entry("EVENTMGR_POLL_INTERVAL_SECONDS", "0.5"),
            Map.entry("EVENTMGR_START_BLOCK", "123"),
            Map.entry("EVENTMGR_CONFIRMATIONS", "3"),
            Map.entry("HEALTH_MAX_LAG_BLOCKS", "4"),
            Map.entry("SERVER_RATE_LIMIT_PER_SECOND", "0"),
            Map.entry("SERVER_TRUSTED_PROXIES", "10.0.0.0/8, 192.168.1.1"),
            Map.entry("SERVER_CORS_ORIGINS", "https://a.example, http://b.example:8080"),
            Map.entry("SERVER_STATIC_DIR", dir.toString()),
            Map.entry("APP_LOG_LEVEL", "debug")));
    FrontendConfig config = FrontendConfig.fromEnvironment(env::get);
    assertThat(config.expectedChainId()).contains(31337L);
    assertThat(config.port()).isEqualTo(7000);
    assertThat(config.viewLimits()).isEqualTo(new io.enclavelottery.frontend.view.ViewLimits(7, 9));
    assertThat(config.pollInterval()).isEqualTo(Duration.ofMillis(500));
    assertThat(config.startBlock()).contains(123L);
    assertThat(config.confirmations()).isEqualTo(3);
    assertThat(config.maxLagBlocks()).isEqualTo(4);
    assertThat(config.http().rateLimit()).as("0 turns the limit off").isEmpty();
    assertThat(config.http().trustedProxies()).hasSize(2);
    assertThat(config.http().corsOrigins())
        .containsExactly("https://a.example", "http://b.example:8080");
    assertThat(config.http().staticDir()).isEqualTo(Optional.of(dir));
    assertThat(config.logLevel()).isEqualTo("DEBUG");
  }

  @Test
  void everyBadVariableIsNamedOnce() {
    Map<String, String> env =
        Map.of(
            "BLOCKCHAIN_RPC_URL", "https://user:hunter2@",
            "BLOCKCHAIN_CONTRACT_ADDRESS", "0x12",
            "BLOCKCHAIN_CHAIN_ID", "zero",
            "SERVER_PORT", "-1",
            "EVENTMGR_POLL_INTERVAL_SECONDS", "0.001",
            "EVENTMGR_CONFIRMATIONS", "1000",
            "SERVER_CORS_ORIGINS", "https://ok.example, javascript:alert(1)",
            "SERVER_STATIC_DIR", dir.resolve("missing").toString(),
            "APP_LOG_LEVEL", "LOUD");
    ConfigException e =
        catchThrowableOfType(ConfigException.class, () -> FrontendConfig.fromEnvironment(env::get));
    assertThat(e.problems())
        .hasSize(9)
        .anySatisfy(p -> assertThat(p).startsWith("BLOCKCHAIN_RPC_URL must be"))
        .anySatisfy(p -> assertThat(p).startsWith("BLOCKCHAIN_CONTRACT_ADDRESS must be"))
        .anySatisfy(p -> assertThat(p).startsWith("BLOCKCHAIN_CHAIN_ID must be"))
        .anySatisfy(p -> assertThat(p).startsWith("SERVER_PORT must be"))
        .anySatisfy(p -> assertThat(p).startsWith("EVENTMGR_POLL_INTERVAL_SECONDS must be"))
        .anySatisfy(p -> assertThat(p).startsWith("EVENTMGR_CONFIRMATIONS must be"))
        .anySatisfy(p -> assertThat(p).contains("javascript:alert(1)"))
        .anySatisfy(p -> assertThat(p).startsWith("SERVER_STATIC_DIR must be"))
        .anySatisfy(p -> assertThat(p).startsWith("APP_LOG_LEVEL must be"));
    assertThat(e.getMessage()).doesNotContain("hunter2");
  }
}
