package io.enclavelottery.frontend.feed.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;

/**
 * The client side of the fan-out benchmark ({@code scripts/bench-feed}): connects thousands of
 * WebSocket clients ({@link BenchSockets}), and once every one has its snapshot, has the server
 * place bets on chain one at a time. Each bet's {@code activity} message (the first of the three a
 * bet sends) is timed at every client against the moment the change reached the feed; prints the
 * spread from the first to the last client, the change-to-client latency and the server's resident
 * memory.
 *
 * <p>Arguments: {@code port serverPid clients measuredBets warmUpBets source...}
 */
public final class FanOutBenchClients {

  private FanOutBenchClients() {}

  public static void main(String[] args) throws Exception {
    int port = Integer.parseInt(args[0]);
    long serverPid = Long.parseLong(args[1]);
    int clients = Integer.parseInt(args[2]);
    int measured = Integer.parseInt(args[3]);
    int warmUp = Integer.parseInt(args[4]);
    List<String> sources = Arrays.asList(args).subList(5, args.length);
    BenchSockets sockets = new BenchSockets(port, clients, warmUp + measured, sources);
    Thread loop = new Thread(sockets, "bench-sockets");
    loop.start();
    try {
      connect(sockets, clients, sources, serverPid);
      long[] reachedFeed = placeBets(sockets, port, clients, warmUp + measured);
      report(sockets, reachedFeed, warmUp, clients, serverPid);
    } finally {
      sockets.stop();
      loop.join();
    }
  }

  private static void connect(
      BenchSockets sockets, int clients, List<String> sources, long serverPid)
      throws IOException, InterruptedException {
    long start = System.nanoTime();
    while (sockets.ready() < clients) {
      if (sockets.closed() > 0 || System.nanoTime() - start > Duration.ofMinutes(3).toNanos()) {
        throw new IllegalStateException(
            sockets.ready()
                + " of "
                + clients
                + " clients got ready, "
                + sockets.closed()
                + " failed");
      }
      Thread.sleep(50);
    }
    System.out.printf(
        "clients: %,d connected from %s, each with its snapshot (%.1f s to connect them)%n",
        clients, String.join(" ", sources), (System.nanoTime() - start) / 1e9);
    System.out.printf("server RSS with every client connected: %s%n", rss(serverPid));
  }

  /** Places the bets one at a time; answers when each reached the feed. */
  private static long[] placeBets(BenchSockets sockets, int port, int clients, int bets)
      throws IOException, InterruptedException {
    HttpClient http = HttpClient.newHttpClient();
    long[] reachedFeed = new long[bets];
    for (int bet = 0; bet < bets; bet++) {
      Thread.sleep(200); // the previous bet's three messages settle everywhere
      String transaction = get(http, port, "/bench/bet");
      long waitStart = System.nanoTime();
      while (sockets.receivedCount(bet) < clients - sockets.closed()) {
        if (System.nanoTime() - waitStart > Duration.ofSeconds(30).toNanos()) {
          throw new IllegalStateException(
              "bet " + bet + " reached " + sockets.receivedCount(bet) + " of " + clients);
        }
        Thread.sleep(1);
      }
      reachedFeed[bet] = Long.parseLong(get(http, port, "/bench/arrival?tx=" + transaction));
    }
    return reachedFeed;
  }

  private static void report(
      BenchSockets sockets, long[] reachedFeed, int warmUp, int clients, long serverPid)
      throws IOException {
    int measured = reachedFeed.length - warmUp;
    long[] spreads = new long[measured];
    long[] lastClient = new long[measured];
    long[] latencies = new long[measured * clients];
    int n = 0;
    for (int i = 0; i < measured; i++) {
      int bet = warmUp + i;
      long first = Long.MAX_VALUE;
      long last = Long.MIN_VALUE;
      for (long at : sockets.receipts(bet)) {
        if (at != 0) {
          first = Math.min(first, at);
          last = Math.max(last, at);
          latencies[n++] = at - reachedFeed[bet];
        }
      }
      spreads[i] = last - first;
      lastClient[i] = last - reachedFeed[bet];
      if (System.getenv("BENCH_FEED_EACH") != null) {
        System.out.printf(
            "  bet %d: spread %s, first client after %s, last after %s%n",
            bet + 1, ms(spreads[i]), ms(first - reachedFeed[bet]), ms(lastClient[i]));
      }
    }
    latencies = Arrays.copyOf(latencies, n);
    System.out.printf(
        "bets measured: %d (after %d to warm up), each timed by its activity message (~450 bytes)%n",
        measured, warmUp);
    System.out.printf(
        "spread, first to last client:       p50 %s  p99 %s%n",
        ms(percentile(spreads, 50)), ms(percentile(spreads, 99)));
    System.out.printf(
        "change at the feed -> each client:  p50 %s  p99 %s%n",
        ms(percentile(latencies, 50)), ms(percentile(latencies, 99)));
    System.out.printf(
        "change at the feed -> last client:  p50 %s  p99 %s%n",
        ms(percentile(lastClient, 50)), ms(percentile(lastClient, 99)));
    System.out.printf("clients closed during the run: %d%n", sockets.closed());
    System.out.printf("server RSS at the end: %s%n", rss(serverPid));
  }

  private static String get(HttpClient http, int port, String path)
      throws IOException, InterruptedException {
    URI uri = URI.create("http://127.0.0.1:" + port + path);
    for (int attempt = 0; ; attempt++) {
      HttpResponse<String> response =
          http.send(HttpRequest.newBuilder(uri).build(), HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() == 200) {
        return response.body();
      }
      if (response.statusCode() != 404 || attempt >= 100) {
        throw new IllegalStateException(path + " answered " + response.statusCode());
      }
      Thread.sleep(10); // not arrived yet
    }
  }

  private static String rss(long pid) throws IOException {
    String current = "?";
    String peak = "?";
    for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
      if (line.startsWith("VmRSS:")) {
        current = line.substring(6).trim();
      } else if (line.startsWith("VmHWM:")) {
        peak = line.substring(6).trim();
      }
    }
    return current + " (peak " + peak + ")";
  }

  private static long percentile(long[] values, int percent) {
    long[] sorted = values.clone();
    Arrays.sort(sorted);
    int index = (int) Math.ceil(percent / 100.0 * sorted.length) - 1;
    return sorted[Math.max(0, index)];
  }

  private static String ms(long nanos) {
    return String.format("%.1f ms", nanos / 1e6);
  }
}
