package io.enclavelottery.frontend;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.enclavelottery.frontend.http.HttpSettings;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Malformed and hostile requests against the real routes on a real listener: each gets a JSON error
 * with the right status (never a 500), no path leaves the static folder, and the server answers
 * normally afterwards.
 */
class HostileRequestsTest {

  private static final String SECRET = "TOP-SECRET-OUTSIDE-THE-UI";

  @TempDir Path dir;

  private RoutesHarness harness;

  @BeforeEach
  void start() throws Exception {
    Path ui = Files.createDirectories(dir.resolve("ui"));
    Files.writeString(ui.resolve("index.html"), "<!doctype html><title>lottery</title>");
    Files.createDirectories(ui.resolve("assets"));
    Files.writeString(ui.resolve("assets/index-3f9a1c2b.js"), "console.log(1);\n".repeat(200));
    Files.writeString(dir.resolve("secret.txt"), SECRET);
    Files.writeString(dir.resolve("ui2.txt"), SECRET);
    harness =
        new RoutesHarness(
            HttpSettings.defaults().withRateLimit(Optional.empty()).withStaticDir(Optional.of(ui)));
    harness.publishReadyView();
  }

  @AfterEach
  void stop() {
    assertThat(harness.http.get("/health").statusCode()).as("still up").isEqualTo(200);
    harness.close();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/round/player",
        "/api/round/player?player=",
        "/api/round/player?player=xyz",
        "/api/round/player?player=0x123",
        "/api/round/player?player=0xZZf79bf6eb2c4f870365e785982e1f101e93b906",
        "/api/round/player?player=90f79bf6eb2c4f870365e785982e1f101e93b906",
        "/api/round/player?player=0x90f79bf6eb2c4f870365e785982e1f101e93b90600",
        "/api/round/player?player=0x90f79bf6eb2c4f870365e785982e1f101e93b906&player=0x90f79bf6eb2c4f870365e785982e1f101e93b906",
        "/api/round/player?player=%00%01%02",
        "/api/history?limit=-1",
        "/api/history?limit=0",
        "/api/history?limit=abc",
        "/api/history?limit=1e3",
        "/api/history?limit=",
        "/api/activities?limit=-99999999999999999999999",
        "/api/round/participants?limit=0x10",
        "/api/round/participants?limit=%20%20",
        "/api/rounds/abc/verification",
        "/api/rounds/-1/verification",
        "/api/rounds/99999999999999999999999/verification",
        "/api/attestation",
        "/api/attestation?nonce=zz",
        "/api/attestation?nonce=abc",
      })
  void badQueryValuesGet400WithAMessage(String path) {
    HttpResponse<String> response = harness.http.get(path);
    assertThat(response.statusCode()).as(path).isEqualTo(400);
    assertThat(jsonError(response)).isNotBlank();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "/api/history?limit=99999999999999999999999999",
        "/api/activities?limit=1000000",
        "/api/round/participants?limit=2147483648"
      })
  void hugeLimitsAreClamped(String path) {
    assertThat(harness.http.get(path).statusCode()).as(path).isEqualTo(200);
  }

  @Test
  void unknownThingsAre404AsJson() {
    for (String path :
        List.of(
            "/api/nope",
            "/api",
            "/api/",
            "/api/round/status/extra",
            "/missing.js",
            "/assets/nothing-12345678.css",
            "/api/rounds/0/verification",
            "/api/rounds/2/verification",
            "/api/attestation?nonce=00ff")) {
      HttpResponse<String> response = harness.http.get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(404);
      assertThat(jsonError(response)).as(path).isNotBlank();
    }
    assertThat(jsonError(harness.http.get("/api/attestation?nonce=00ff")))
        .isEqualTo("no signer configured");
  }

  @ParameterizedTest
  @MethodSource("io.enclavelottery.frontend.EscapeAttempts#paths")
  void noPathLeavesTheStaticFolder(String target) {
    String answer = RawHttp.get(harness.port, target);
    int status = RawHttp.status(answer);
    assertThat(answer).as(target).doesNotContain(SECRET).doesNotContain("root:x:0:0");
    assertThat(status).as(target).isNotEqualTo(500).isNotZero();
  }

  @Test
  void unknownPagesFallBackToTheAppAndHashedAssetsAreCachedForLong() {
    HttpResponse<String> page = harness.http.get("/rounds/12");
    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("<title>lottery</title>");
    assertThat(page.headers().firstValue("Cache-Control")).contains("no-cache");
    assertThat(page.headers().firstValue("Content-Security-Policy").orElseThrow())
        .contains("script-src 'self'")
        .contains("frame-ancestors 'none'");
    HttpResponse<String> asset =
        harness.http.send(
            HttpRequest.newBuilder(uri("/assets/index-3f9a1c2b.js"))
                .header("Accept-Encoding", "gzip"));
    assertThat(asset.statusCode()).isEqualTo(200);
    assertThat(asset.headers().firstValue("Cache-Control"))
        .contains("public, max-age=31536000, immutable");
    assertThat(asset.headers().firstValue("Content-Encoding")).contains("gzip");
  }

  @Test
  void wrongMethodsGet405() {
    for (String method : List.of("POST", "PUT", "DELETE", "PATCH")) {
      for (String path : List.of("/api/status", "/health", "/", "/index.html", "/some/page")) {
        HttpResponse<String> response =
            harness.http.send(
                HttpRequest.newBuilder(uri(path))
                    .method(method, HttpRequest.BodyPublishers.noBody()));
        assertThat(response.statusCode()).as(method + " " + path).isEqualTo(405);
        assertThat(jsonError(response)).isNotBlank();
      }
    }
    assertThat(
            RawHttp.status(
                RawHttp.exchange(
                    harness.port,
                    "FOO /api/status HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n")))
        .isIn(400, 405);
  }

  @Test
  void oversizedBodiesGet413() {
    // the 413 answers the declared length, before the body is read: sending only the head keeps
    // the test from racing the server's close against a client still writing a megabyte (which
    // a reset can cut off before the client reads the answer)
    String declared =
        RawHttp.exchange(
            harness.port,
            "POST /api/status HTTP/1.1\r\nHost: x\r\nContent-Length: "
                + (1 << 20)
                + "\r\nConnection: close\r\n\r\n");
    assertThat(RawHttp.status(declared)).isEqualTo(413);
    assertThat(declared).contains("application/json").contains("too large");
    String chunked =
        RawHttp.exchange(
            harness.port,
            "POST /api/status HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\n"
                + "5\r\nhello\r\n0\r\n\r\n");
    assertThat(RawHttp.status(chunked)).isEqualTo(413);
  }

  @Test
  void oversizedAndMalformedHeadsNeverGet500() {
    String hugeHeader =
        RawHttp.exchange(
            harness.port,
            "GET /api/status HTTP/1.1\r\nHost: x\r\nX-Big: " + "a".repeat(64 * 1024) + "\r\n\r\n");
    assertThat(RawHttp.status(hugeHeader)).isNotEqualTo(500).isNotEqualTo(200);
    String manyHeaders =
        RawHttp.exchange(
            harness.port,
            "GET /api/status HTTP/1.1\r\nHost: x\r\n" + "X-A: b\r\n".repeat(500) + "\r\n");
    assertThat(RawHttp.status(manyHeaders)).isNotEqualTo(500).isNotEqualTo(200);
    String longUrl = RawHttp.get(harness.port, "/api/status?x=" + "a".repeat(100_000));
    assertThat(RawHttp.status(longUrl)).isNotEqualTo(500).isNotEqualTo(200);
    String garbage = RawHttp.exchange(harness.port, "\u0000\u0001GARBAGE\r\n\r\n");
    assertThat(RawHttp.status(garbage)).isNotEqualTo(500);
    String manyParameters =
        RawHttp.get(harness.port, "/api/history?" + "a=1&".repeat(1_000) + "limit=1");
    assertThat(RawHttp.status(manyParameters)).isNotEqualTo(500);
  }

  @Test
  void everyResponseCarriesTheSecurityHeaders() {
    for (String path : List.of("/api/status", "/api/nope", "/", "/health")) {
      HttpResponse<String> response = harness.http.get(path);
      assertThat(response.headers().firstValue("X-Content-Type-Options")).contains("nosniff");
      assertThat(response.headers().firstValue("X-Frame-Options")).contains("DENY");
      assertThat(response.headers().firstValue("Referrer-Policy")).isPresent();
      assertThat(response.headers().firstValue("Content-Security-Policy")).isPresent();
    }
  }

  private URI uri(String path) {
    return URI.create("http://127.0.0.1:" + harness.port + path);
  }

  private static String jsonError(HttpResponse<String> response) {
    assertThat(response.headers().firstValue("Content-Type").orElse(""))
        .startsWith("application/json");
    JsonNode body = HttpProbe.parse(response.body());
    return body.get("error").asText();
  }
}
