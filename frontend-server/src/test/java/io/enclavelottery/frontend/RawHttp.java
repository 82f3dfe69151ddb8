package io.enclavelottery.frontend;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;

/** Sends bytes as they are to a server and reads what comes back: for requests no client sends. */
final class RawHttp {

  private RawHttp() {}

  /**
   * Writes {@code request} (as ISO-8859-1) and reads until the server closes or is silent for a
   * second; a connection reset counts as the end of the answer.
   */
  static String exchange(int port, String request) {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(1_000);
      OutputStream out = socket.getOutputStream();
      try {
        out.write(request.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
      } catch (IOException e) {
        // the server may close while a huge request is still being written: read what it said
      }
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream answer = new ByteArrayOutputStream();
      byte[] buffer = new byte[8_192];
      try {
        int read;
        while ((read = in.read(buffer)) >= 0) {
          answer.write(buffer, 0, read);
        }
      } catch (SocketTimeoutException | java.net.SocketException e) {
        // silence or reset: the answer is what arrived
      }
      return answer.toString(StandardCharsets.ISO_8859_1);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A GET of the raw target, closing the connection after the answer. */
  static String get(int port, String target) {
    return exchange(port, "GET " + target + " HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n");
  }

  /** The status code of a raw answer; 0 when there is none. */
  static int status(String answer) {
    if (!answer.startsWith("HTTP/1.1 ")) {
      return 0;
    }
    return Integer.parseInt(answer.substring(9, 12));
  }
}
