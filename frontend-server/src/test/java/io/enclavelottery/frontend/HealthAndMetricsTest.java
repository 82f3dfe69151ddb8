package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.chain.follower.FollowerState;
import io.enclavelottery.chain.follower.FollowerStatus;
import io.enclavelottery.frontend.http.HttpSettings;
import java.math.BigInteger;
import java.net.http.HttpResponse;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Health, readiness, the player endpoint's chain reads and the Prometheus metrics. */
class HealthAndMetricsTest {

  private RoutesHarness harness;

  @BeforeEach
  void start() {
    harness = new RoutesHarness(HttpSettings.defaults().withRateLimit(Optional.empty()));
  }

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void readinessIs503UntilTheFirstBackfillIsDone() {
    HttpResponse<String> before = harness.http.get("/ready");
    assertThat(before.statusCode()).isEqualTo(503);
    assertThat(HttpProbe.parse(before.body()).get("error").asText()).contains("not ready");
    assertThat(harness.http.get("/api/round/player?player=" + RoutesHarness.PLAYER).statusCode())
        .isEqualTo(503);
    assertThat(harness.http.get("/api/contract/config").statusCode()).isEqualTo(503);
    harness.publishReadyView();
    assertThat(harness.http.get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void healthIsDegradedWhileTheChainIsUnreachableAndAnErrorOnceTheFollowerStopped() {
    harness.publishReadyView();
    JsonNode healthy = harness.http.json("/health");
    assertThat(healthy.get("status").asText()).isEqualTo("healthy");
    assertThat(healthy.get("chainId").asLong()).isEqualTo(31337);
    assertThat(healthy.get("version").asText()).isEqualTo("test");
    assertThat(harness.http.json("/api/health")).isEqualTo(healthy);

    harness.follower.set(status(FollowerState.DISCONNECTED, 10));
    HttpResponse<String> degraded = harness.http.get("/health");
    assertThat(degraded.statusCode()).isEqualTo(200);
    assertThat(HttpProbe.parse(degraded.body()).get("status").asText()).isEqualTo("degraded");

    harness.follower.set(status(FollowerState.FOLLOWING, 50));
    JsonNode lagging = harness.http.json("/health");
    assertThat(lagging.get("status").asText()).isEqualTo("degraded");
    assertThat(lagging.get("lagBlocks").asLong()).isEqualTo(40);

    harness.follower.set(status(FollowerState.STOPPED, 10));
    assertThat(harness.http.get("/health").statusCode()).isEqualTo(503);
  }

  @Test
  void aPlayersBetChanceAndWhatIsOwedAreAnswered() {
    harness.publishReadyView();
    harness.contract.putPendingWithdrawal(RoutesHarness.PLAYER, BigInteger.valueOf(77));
    JsonNode player = harness.http.json("/api/round/player?player=" + RoutesHarness.PLAYER);
    assertThat(player.get("amount").asText()).isEqualTo("1000");
    assertThat(player.get("chance").asDouble()).isEqualTo(1.0);
    assertThat(player.at("/owed/pendingWithdrawal").asText()).isEqualTo("77");
    assertThat(player.at("/owed/total").asText()).isEqualTo("77");
  }

  @Test
  void metricsTimeRequestsByRouteTemplateNotByRawPath() {
    harness.publishReadyView();
    harness.http.get("/api/status");
    harness.http.get("/api/rounds/1/verification");
    harness.http.get("/api/rounds/123456/verification");
    harness.http.get("/api/made-up-" + System.nanoTime());
    HttpResponse<String> metrics = harness.http.get("/metrics");
    assertThat(metrics.statusCode()).isEqualTo(200);
    assertThat(metrics.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
    assertThat(metrics.body())
        .contains("http_server_requests_seconds_count{method=\"GET\",route=\"/api/status\"")
        .contains("route=\"/api/rounds/{id}/verification\"")
        .contains("route=\"unmatched\"")
        .doesNotContain("made-up")
        .doesNotContain("123456");
  }

  private static FollowerStatus status(FollowerState state, long head) {
    return new FollowerStatus(state, head, 10, Optional.empty(), 1, 0);
  }
}
