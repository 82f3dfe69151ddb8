package io.enclavelottery.enclave.client;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Objects;

/**
 * JSON over HTTP to one of the signer's ports. A non-2xx answer becomes a {@link SignerCallFailed}
 * carrying the status and the signer's {@code error} text; the request body (a transaction, an
 * encrypted key) never appears in an exception.
 */
final class SignerHttp {

  private static final ObjectMapper JSON = new ObjectMapper();

  private final URI base;
  private final Duration timeout;
  private final HttpClient client;

  SignerHttp(URI base, Duration timeout) {
    this.base = Objects.requireNonNull(base, "base");
    this.timeout = Objects.requireNonNull(timeout, "timeout");
    this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
  }

  URI base() {
    return base;
  }

  JsonNode get(String path) {
    return json(send(HttpRequest.newBuilder(resolve(path)).GET(), path));
  }

  JsonNode post(String path, Object body) {
    byte[] bytes;
    try {
      bytes = JSON.writeValueAsBytes(body);
    } catch (IOException e) {
      throw new IllegalArgumentException("the request for " + path + " cannot be written as JSON");
    }
    return json(
        send(
            HttpRequest.newBuilder(resolve(path))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)),
            path));
  }

  /** The raw body of a successful GET. */
  byte[] getBytes(String path) {
    return send(HttpRequest.newBuilder(resolve(path)).GET(), path);
  }

  <T> T convert(JsonNode node, Class<T> type) {
    return JSON.convertValue(node, type);
  }

  private byte[] send(HttpRequest.Builder request, String path) {
    HttpResponse<byte[]> response;
    try {
      response =
          client.send(request.timeout(timeout).build(), HttpResponse.BodyHandlers.ofByteArray());
    } catch (IOException e) {
      throw new SignerCallFailed(
          0, "the signer at " + base + " cannot be reached (" + e.getClass().getSimpleName() + ")");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new SignerCallFailed(0, "interrupted while calling the signer at " + base);
    }
    if (response.statusCode() / 100 != 2) {
      throw new SignerCallFailed(
          response.statusCode(),
          "the signer refused "
              + path
              + " ("
              + response.statusCode()
              + "): "
              + error(response.body()));
    }
    return response.body();
  }

  private URI resolve(String path) {
    return base.resolve(path);
  }

  private static JsonNode json(byte[] body) {
    try {
      return JSON.readTree(body);
    } catch (IOException e) {
      throw new SignerCallFailed(0, "the signer answered something that is not JSON");
    }
  }

  private static String error(byte[] body) {
    try {
      JsonNode node = JSON.readTree(body);
      if (node != null && node.hasNonNull("error")) {
        return node.get("error").asText();
      }
    } catch (IOException e) {
      // not JSON: fall through
    }
    return "no reason given";
  }
}
