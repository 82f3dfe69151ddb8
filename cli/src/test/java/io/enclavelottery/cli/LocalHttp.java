package io.enclavelottery.cli;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

/** Plain HTTP GETs against a server this test started on 127.0.0.1, and free ports for one. */
final class LocalHttp {

  private static final HttpClient CLIENT = HttpClient.newHttpClient();

  private LocalHttp() {}

  static HttpResponse<String> get(int port, String path) throws IOException, InterruptedException {
    return CLIENT.send(
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
            .timeout(Duration.ofSeconds(5))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }

  /** The status code of a GET, or -1 while nothing listens. */
  static int status(int port, String path) throws InterruptedException {
    try {
      return get(port, path).statusCode();
    } catch (IOException notListening) {
      return -1;
    }
  }

  static int freePort() throws IOException {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }
}
