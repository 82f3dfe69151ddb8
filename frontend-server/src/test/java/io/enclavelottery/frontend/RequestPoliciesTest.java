package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.frontend.http.AddressBlock;
import io.enclavelottery.frontend.http.HttpSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The per-client rate limit (client address from {@code X-Forwarded-For} only behind a trusted
 * proxy) and CORS, on the real routes and a real listener.
 */
class RequestPoliciesTest {

  private RoutesHarness harness;

  @AfterEach
  void stop() {
    harness.close();
  }

  @Test
  void aClientOverItsRateGets429AndForgedForwardingDoesNotHelp() {
    harness = limited(List.of());
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/status", "10.9.9." + i).statusCode()).isEqualTo(200);
    }
    HttpResponse<String> refused = get("/api/status", "10.9.9.99");
    assertThat(refused.statusCode()).isEqualTo(429);
    assertThat(refused.headers().firstValue("Retry-After")).isPresent();
    assertThat(HttpProbe.parse(refused.body()).get("error").asText()).contains("too many");
    assertThat(harness.http.get("/health").statusCode()).as("probes are exempt").isEqualTo(200);
    assertThat(harness.http.get("/ready").statusCode()).isEqualTo(200);
  }

  @Test
  void behindATrustedProxyEachForwardedClientHasItsOwnRate() {
    harness = limited(List.of(AddressBlock.parse("127.0.0.0/8")));
    for (int i = 0; i < 5; i++) {
      assertThat(get("/api/status", "203.0.113.7").statusCode()).isEqualTo(200);
    }
    assertThat(get("/api/status", "203.0.113.7").statusCode()).isEqualTo(429);
    assertThat(get("/api/status", "203.0.113.8").statusCode()).isEqualTo(200);
    // a forged leftmost entry is ignored: the proxy appended the real client on the right
    assertThat(get("/api/status", "198.51.100.1, 203.0.113.7").statusCode()).isEqualTo(429);
    // garbage in the header: the proxy itself is the client
    assertThat(get("/api/status", "not-an-ip").statusCode()).isEqualTo(200);
  }

  @Test
  void corsIsClosedByDefault() {
    harness = new RoutesHarness(HttpSettings.defaults().withRateLimit(Optional.empty()));
    harness.publishReadyView();
    HttpResponse<String> response =
        harness.http.send(request("/api/status").header("Origin", "https://evil.example"));
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
  }

  @Test
  void configuredOriginsMayCallTheApi() {
    harness =
        new RoutesHarness(
            HttpSettings.defaults()
                .withRateLimit(Optional.empty())
                .withCorsOrigins(List.of("https://lottery.example")));
    harness.publishReadyView();
    HttpResponse<String> allowed =
        harness.http.send(request("/api/status").header("Origin", "https://lottery.example"));
    assertThat(allowed.headers().firstValue("Access-Control-Allow-Origin"))
        .contains("https://lottery.example");
    HttpResponse<String> other =
        harness.http.send(request("/api/status").header("Origin", "https://evil.example"));
    assertThat(other.headers().firstValue("Access-Control-Allow-Origin")).isEmpty();
    HttpResponse<String> preflight = preflight("https://lottery.example");
    assertThat(preflight.statusCode()).isEqualTo(204);
    assertThat(preflight.headers().firstValue("Access-Control-Allow-Methods")).contains("GET");
    assertThat(preflight("https://evil.example").statusCode()).isEqualTo(403);
  }

  private RoutesHarness limited(List<AddressBlock> proxies) {
    RoutesHarness limited =
        new RoutesHarness(
            HttpSettings.defaults()
                .withRateLimit(Optional.of(new HttpSettings.RateLimit(0.001, 5)))
                .withTrustedProxies(proxies));
    limited.publishReadyView();
    return limited;
  }

  private HttpResponse<String> get(String path, String forwardedFor) {
    return harness.http.send(request(path).header("X-Forwarded-For", forwardedFor));
  }

  private HttpResponse<String> preflight(String origin) {
    return harness.http.send(
        request("/api/status")
            .method("OPTIONS", HttpRequest.BodyPublishers.noBody())
            .header("Origin", origin)
            .header("Access-Control-Request-Method", "GET"));
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + harness.port + path));
  }
}
