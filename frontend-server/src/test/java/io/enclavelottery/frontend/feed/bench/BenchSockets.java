package io.enclavelottery.frontend.feed.bench;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * Thousands of WebSocket clients on one selector thread, each bound to one of a few loopback source
 * addresses: they handshake (a few hundred at a time), count the snapshot's messages, answer pings,
 * and note when each bet's {@code activity} message arrives. Bets are numbered in the order their
 * transactions are first seen (the benchmark places them one at a time). Deliberately small: one
 * direct read buffer, no JSON parsing, so that the clients cost the shared CPUs little.
 */
final class BenchSockets implements Runnable {

  private static final byte[] ACTIVITY = bytes("{\"type\":\"activity\"");
  private static final byte[] TRANSACTION = bytes("\"transactionHash\":\"");
  private static final byte[] HEAD_END = bytes("\r\n\r\n");
  private static final int SNAPSHOT_MESSAGES = 4;
  private static final int MAX_HANDSHAKING = 256;

  private final int port;
  private final int clients;
  private final List<String> sources;
  private final Selector selector;
  private final long[][] received; // [bet][client] nanoTime of receipt, 0 if none
  private final AtomicIntegerArray receivedCount;
  private final Map<String, Integer> betNumbers = new HashMap<>(); // selector thread only
  private volatile int ready;
  private volatile int closed;
  private volatile boolean running = true;

  /** One client connection. */
  private static final class Client {
    final int id;
    final SocketChannel channel;
    boolean upgraded;
    int messages;
    byte[] pending = new byte[0];

    Client(int id, SocketChannel channel) {
      this.id = id;
      this.channel = channel;
    }
  }

  BenchSockets(int port, int clients, int bets, List<String> sources) throws IOException {
    this.port = port;
    this.clients = clients;
    this.sources = sources;
    this.selector = Selector.open();
    this.received = new long[bets][clients];
    this.receivedCount = new AtomicIntegerArray(bets);
  }

  /** Clients that have their whole snapshot. */
  int ready() {
    return ready;
  }

  /** Clients the server closed or that failed. */
  int closed() {
    return closed;
  }

  /** How many clients have received bet {@code bet} (from 0). */
  int receivedCount(int bet) {
    return receivedCount.get(bet);
  }

  /** When each client received bet {@code bet} (0 for none); read once the bet is complete. */
  long[] receipts(int bet) {
    return received[bet];
  }

  void stop() {
    running = false;
    selector.wakeup();
  }

  @Override
  public void run() {
    ByteBuffer buffer = ByteBuffer.allocateDirect(1 << 20);
    byte[] scratch = new byte[1 << 20];
    int opened = 0;
    int handshaking = 0;
    try (selector) {
      while (running) {
        for (; opened < clients && handshaking < MAX_HANDSHAKING; opened++, handshaking++) {
          open(opened);
        }
        selector.select(5);
        Iterator<SelectionKey> keys = selector.selectedKeys().iterator();
        while (keys.hasNext()) {
          SelectionKey key = keys.next();
          keys.remove();
          Client client = (Client) key.attachment();
          boolean wasUpgraded = client.upgraded;
          try {
            if (key.isConnectable()) {
              client.channel.finishConnect();
              client.channel.write(ByteBuffer.wrap(handshake()));
              key.interestOps(SelectionKey.OP_READ);
            } else if (key.isReadable()) {
              read(client, buffer, scratch);
            }
          } catch (IOException e) {
            key.cancel();
            client.channel.close();
            closed++;
          }
          if (!wasUpgraded && (client.upgraded || !key.isValid())) {
            handshaking--;
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private void open(int id) throws IOException {
    SocketChannel channel = SocketChannel.open();
    channel.configureBlocking(false);
    channel.bind(new InetSocketAddress(sources.get(id % sources.size()), 0));
    channel.connect(new InetSocketAddress("127.0.0.1", port));
    channel.register(selector, SelectionKey.OP_CONNECT, new Client(id, channel));
  }

  private byte[] handshake() {
    return bytes(
        "GET /ws HTTP/1.1\r\nHost: 127.0.0.1:"
            + port
            + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n"
            + "Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==\r\nSec-WebSocket-Version: 13\r\n\r\n");
  }

  private void read(Client client, ByteBuffer buffer, byte[] scratch) throws IOException {
    buffer.clear();
    int read = client.channel.read(buffer);
    long now = System.nanoTime();
    if (read < 0) {
      throw new IOException("closed by the server");
    }
    buffer.flip();
    int length = client.pending.length + buffer.remaining();
    byte[] data = length <= scratch.length ? scratch : new byte[length];
    System.arraycopy(client.pending, 0, data, 0, client.pending.length);
    buffer.get(data, client.pending.length, buffer.remaining());
    int at = 0;
    if (!client.upgraded) {
      int end = indexOf(data, 0, length, HEAD_END);
      if (end < 0) {
        client.pending = Arrays.copyOf(data, length);
        return;
      }
      String status = new String(data, 0, Math.min(12, end), StandardCharsets.US_ASCII);
      if (!status.endsWith("101")) {
        throw new IOException("handshake refused: " + status);
      }
      client.upgraded = true;
      at = end + HEAD_END.length;
    }
    while (length - at >= 2) {
      int opcode = data[at] & 0x0f;
      long size = data[at + 1] & 0x7f;
      int header = 2;
      if (size == 126) {
        header = 4;
        size = length - at < header ? -1 : ((data[at + 2] & 0xff) << 8) | (data[at + 3] & 0xff);
      } else if (size == 127) {
        header = 10;
        size = length - at < header ? -1 : ByteBuffer.wrap(data, at + 2, 8).getLong();
      }
      if (size < 0 || length - at < header + size) {
        break; // the rest of the frame is still on its way
      }
      frame(client, opcode, data, at + header, (int) size, now);
      at += header + (int) size;
    }
    client.pending = at == length ? new byte[0] : Arrays.copyOfRange(data, at, length);
  }

  private void frame(Client client, int opcode, byte[] data, int from, int size, long now)
      throws IOException {
    switch (opcode) {
      case 1 -> text(client, data, from, size, now);
      case 9 -> pong(client, data, from, size);
      case 8 -> throw new IOException("the server closed the feed");
      default -> {
        // pongs and anything else: nothing to do
      }
    }
  }

  private void text(Client client, byte[] data, int from, int size, long now) {
    if (++client.messages == SNAPSHOT_MESSAGES) {
      ready++;
    }
    if (!startsWith(data, from, ACTIVITY)) {
      return;
    }
    int field = indexOf(data, from, from + size, TRANSACTION);
    int start = field + TRANSACTION.length;
    int end = start;
    while (data[end] != '"') {
      end++;
    }
    String transaction = new String(data, start, end - start, StandardCharsets.US_ASCII);
    int bet = betNumbers.computeIfAbsent(transaction, hash -> betNumbers.size());
    if (bet < received.length && received[bet][client.id] == 0) {
      received[bet][client.id] = now;
      receivedCount.incrementAndGet(bet);
    }
  }

  private static void pong(Client client, byte[] data, int from, int size) throws IOException {
    // a client's frames are masked; a zero mask leaves the payload as it is
    ByteBuffer pong = ByteBuffer.allocate(6 + size);
    pong.put((byte) 0x8a).put((byte) (0x80 | size)).putInt(0).put(data, from, size).flip();
    client.channel.write(pong);
  }

  private static boolean startsWith(byte[] data, int from, byte[] prefix) {
    return indexOf(data, from, from + prefix.length, prefix) == from;
  }

  private static int indexOf(byte[] data, int from, int to, byte[] needle) {
    outer:
    for (int i = from; i <= Math.min(to, data.length) - needle.length; i++) {
      for (int j = 0; j < needle.length; j++) {
        if (data[i + j] != needle[j]) {
          continue outer;
        }
      }
      return i;
    }
    return -1;
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.US_ASCII);
  }
}
