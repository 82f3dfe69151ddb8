package io.enclavelottery.frontend.feed;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

/**
 * A WebSocket client on a plain socket, for what a well-behaved client never does: stop reading,
 * never answer pings, send oversized frames, or claim another address in {@code X-Forwarded-For}.
 */
final class RawFeedSocket implements AutoCloseable {

  /** A frame as read: its opcode and payload. */
  record Frame(int opcode, byte[] payload) {
    static final int TEXT = 1;
    static final int CLOSE = 8;
    static final int PING = 9;
    static final int PONG = 10;

    /** The close code of a close frame. */
    int closeCode() {
      return ((payload[0] & 0xff) << 8) | (payload[1] & 0xff);
    }
  }

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final int status;

  private RawFeedSocket(Socket socket, int status) throws IOException {
    this.socket = socket;
    this.in = new DataInputStream(socket.getInputStream());
    this.out = socket.getOutputStream();
    this.status = status;
  }

  /**
   * Connects and sends the handshake; the answer's status is {@link #status()} (101 when upgraded).
   *
   * @param receiveBuffer the socket's receive buffer in bytes (small for a client that stops
   *     reading), or 0 for the system's default
   */
  static RawFeedSocket open(int port, String path, Map<String, String> headers, int receiveBuffer)
      throws IOException {
    Socket socket = new Socket();
    if (receiveBuffer > 0) {
      socket.setReceiveBufferSize(receiveBuffer);
    }
    socket.connect(new InetSocketAddress("127.0.0.1", port), 5_000);
    socket.setSoTimeout(15_000);
    byte[] key = new byte[16];
    ThreadLocalRandom.current().nextBytes(key);
    StringBuilder request =
        new StringBuilder()
            .append("GET ")
            .append(path)
            .append(" HTTP/1.1\r\nHost: 127.0.0.1:")
            .append(port)
            .append("\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: ")
            .append(Base64.getEncoder().encodeToString(key))
            .append("\r\nSec-WebSocket-Version: 13\r\n");
    headers.forEach(
        (name, value) -> request.append(name).append(": ").append(value).append("\r\n"));
    request.append("\r\n");
    socket.getOutputStream().write(request.toString().getBytes(StandardCharsets.US_ASCII));
    String head = readHead(socket.getInputStream());
    int status = Integer.parseInt(head.substring(9, 12));
    return new RawFeedSocket(socket, status);
  }

  static RawFeedSocket open(int port) throws IOException {
    return open(port, "/ws", Map.of(), 0);
  }

  int status() {
    return status;
  }

  /** Reads the next frame (blocking up to the socket timeout). */
  Frame readFrame() throws IOException {
    int first = in.readUnsignedByte();
    int second = in.readUnsignedByte();
    long length = second & 0x7f;
    if (length == 126) {
      length = in.readUnsignedShort();
    } else if (length == 127) {
      length = in.readLong();
    }
    byte[] payload = new byte[Math.toIntExact(length)];
    in.readFully(payload);
    return new Frame(first & 0x0f, payload);
  }

  /** Reads frames until a close frame, which it returns; fails at the end of the stream. */
  Frame readUntilClose() throws IOException {
    return readUntil(Frame.CLOSE);
  }

  /** Reads frames until one with the opcode, which it returns; fails at the end of the stream. */
  Frame readUntil(int opcode) throws IOException {
    for (; ; ) {
      Frame frame = readFrame();
      if (frame.opcode() == opcode) {
        return frame;
      }
    }
  }

  /** Whether the server has closed the connection (reads one byte, expecting none). */
  boolean atEnd() throws IOException {
    return in.read() < 0;
  }

  /** Sends one masked frame, as a client must. */
  void sendFrame(int opcode, byte[] payload) throws IOException {
    ByteArrayOutputStream frame = new ByteArrayOutputStream(payload.length + 14);
    frame.write(0x80 | opcode);
    if (payload.length < 126) {
      frame.write(0x80 | payload.length);
    } else if (payload.length <= 0xffff) {
      frame.write(0x80 | 126);
      frame.write(payload.length >>> 8);
      frame.write(payload.length);
    } else {
      frame.write(0x80 | 127);
      for (int shift = 56; shift >= 0; shift -= 8) {
        frame.write((int) ((long) payload.length >>> shift));
      }
    }
    byte[] mask = new byte[4];
    ThreadLocalRandom.current().nextBytes(mask);
    frame.write(mask);
    for (int i = 0; i < payload.length; i++) {
      frame.write(payload[i] ^ mask[i % 4]);
    }
    out.write(frame.toByteArray());
    out.flush();
  }

  @Override
  public void close() throws IOException {
    socket.close();
  }

  private static String readHead(InputStream in) throws IOException {
    ByteArrayOutputStream head = new ByteArrayOutputStream();
    int matched = 0;
    byte[] end = {'\r', '\n', '\r', '\n'};
    while (matched < end.length) {
      int b = in.read();
      if (b < 0) {
        throw new IOException("the server closed during the handshake");
      }
      head.write(b);
      matched = b == end[matched] ? matched + 1 : (b == '\r' ? 1 : 0);
    }
    return head.toString(StandardCharsets.US_ASCII);
  }
}
