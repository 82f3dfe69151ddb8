package io.enclavelottery.chain.devnet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.enclavelottery.chain.signer.SigningKey;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A local Anvil node started as a child process on a free port: the chain of dev mode, of {@code
 * lottery chain} and of the integration tests. {@link #close()} stops it and waits until it is
 * gone, so nothing is left behind; a JVM shutdown hook does the same if the owner forgets.
 */
public final class LocalAnvil implements AutoCloseable {

  /** Anvil's chain id. */
  public static final long CHAIN_ID = 31337;

  private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

  private final Process process;
  private final int port;
  private final List<DevAccount> accounts;
  private final Path workDir;
  private final Thread shutdownHook;

  private LocalAnvil(
      Process process, int port, List<DevAccount> accounts, Path workDir, Thread shutdownHook) {
    this.process = process;
    this.port = port;
    this.accounts = List.copyOf(accounts);
    this.workDir = workDir;
    this.shutdownHook = shutdownHook;
  }

  /** Options of a node; {@link #defaults()} gives 1-second blocks on a free port. */
  public record Options(
      int port, Optional<Double> blockTimeSeconds, Optional<Path> loadState, List<String> extra) {

    public static Options defaults() {
      return new Options(0, Optional.of(1.0), Optional.empty(), List.of());
    }

    /** Mines a block for each transaction only (no interval). */
    public Options automine() {
      return new Options(port, Optional.empty(), loadState, extra);
    }

    public Options withBlockTime(double seconds) {
      return new Options(port, Optional.of(seconds), loadState, extra);
    }

    public Options withPort(int newPort) {
      return new Options(newPort, blockTimeSeconds, loadState, extra);
    }

    /** Starts from a state written earlier by {@link LocalAnvil#dumpState(Path)}. */
    public Options withLoadState(Path state) {
      return new Options(port, blockTimeSeconds, Optional.of(state), extra);
    }

    public Options withExtraArguments(List<String> arguments) {
      return new Options(port, blockTimeSeconds, loadState, List.copyOf(arguments));
    }
  }

  /** Starts a node with {@link Options#defaults()}. */
  public static LocalAnvil start() {
    return start(Options.defaults());
  }

  /** Starts a node and returns once it answers JSON-RPC. */
  public static LocalAnvil start(Options options) {
    Path binary = AnvilBinary.locate();
    int port = options.port() > 0 ? options.port() : freePort();
    Path workDir;
    try {
      workDir = Files.createTempDirectory("anvil-");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Path config = workDir.resolve("config.json");
    List<String> command = new ArrayList<>();
    command.add(binary.toString());
    command.addAll(List.of("--port", Integer.toString(port), "--host", "127.0.0.1"));
    command.addAll(List.of("--config-out", config.toString()));
    options
        .blockTimeSeconds()
        .ifPresent(seconds -> command.addAll(List.of("--block-time", format(seconds))));
    options
        .loadState()
        .ifPresent(state -> command.addAll(List.of("--load-state", state.toString())));
    command.addAll(options.extra());
    Process process;
    try {
      process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(workDir.resolve("anvil.log").toFile())
              .start();
    } catch (IOException e) {
      throw new UncheckedIOException("could not start " + binary, e);
    }
    // registered before the node answers, so an interrupted start-up leaves nothing behind
    Thread shutdownHook = new Thread(() -> stop(process, workDir), "anvil-shutdown");
    Runtime.getRuntime().addShutdownHook(shutdownHook);
    try {
      awaitReady(process, port, workDir);
      return new LocalAnvil(process, port, readAccounts(config), workDir, shutdownHook);
    } catch (RuntimeException e) {
      stop(process, workDir);
      removeHook(shutdownHook);
      throw e;
    }
  }

  public String httpUrl() {
    return "http://127.0.0.1:" + port;
  }

  public String wsUrl() {
    return "ws://127.0.0.1:" + port;
  }

  public int port() {
    return port;
  }

  /** The funded dev accounts, in Anvil's order. */
  public List<DevAccount> accounts() {
    return accounts;
  }

  public DevAccount account(int index) {
    return accounts.get(index);
  }

  public boolean isAlive() {
    return process.isAlive();
  }

  /**
   * Calls a JSON-RPC method on the node, Anvil's own ({@code anvil_*}, {@code evm_*}) included, and
   * returns its result.
   *
   * @throws IllegalStateException when the node answers with an error
   */
  public JsonNode rpc(String method, Object... params) {
    return JsonRpc.call(httpUrl(), method, params);
  }

  /** The latest block's timestamp, the chain's clock (which tests move with {@code evm_*}). */
  public Instant latestBlockTime() {
    String hex = rpc("eth_getBlockByNumber", "latest", false).path("timestamp").asText();
    return Instant.ofEpochSecond(Long.decode(hex));
  }

  /**
   * Writes the chain's whole state (accounts, blocks with their hashes, transactions and logs) to a
   * file, to be loaded by a later node with {@link Options#withLoadState(Path)}.
   */
  public void dumpState(Path target) {
    JsonNode result = rpc("anvil_dumpState");
    try {
      Files.write(target, stateJson(result.asText()));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * anvil_dumpState answers with hex-encoded gzip, but --load-state reads plain JSON (the format of
   * --dump-state), so the answer is unpacked before it is written.
   */
  private static byte[] stateJson(String dumped) throws IOException {
    if (!dumped.startsWith("0x")) {
      return dumped.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
    byte[] packed = java.util.HexFormat.of().parseHex(dumped.substring(2));
    try (var unzipped =
        new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(packed))) {
      return unzipped.readAllBytes();
    }
  }

  @Override
  public void close() {
    stop(process, workDir);
    removeHook(shutdownHook);
  }

  private static void removeHook(Thread hook) {
    try {
      Runtime.getRuntime().removeShutdownHook(hook);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  private static void stop(Process process, Path workDir) {
    process.destroy();
    try {
      if (!process.waitFor(5, TimeUnit.SECONDS)) {
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      process.destroyForcibly();
      Thread.currentThread().interrupt();
    }
    deleteQuietly(workDir);
  }

  private static void awaitReady(Process process, int port, Path workDir) {
    Instant deadline = Instant.now().plus(START_TIMEOUT);
    String url = "http://127.0.0.1:" + port;
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "anvil exited with code " + process.exitValue() + ": " + tail(workDir));
      }
      if (JsonRpc.answers(url) && Files.exists(workDir.resolve("config.json"))) {
        return;
      }
      try {
        Thread.sleep(50);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while starting anvil", e);
      }
    }
    throw new IllegalStateException("anvil did not answer on port " + port + " within 30 s");
  }

  private static List<DevAccount> readAccounts(Path config) {
    try {
      JsonNode root = new ObjectMapper().readTree(config.toFile());
      List<DevAccount> accounts = new ArrayList<>();
      JsonNode keys = root.get("private_keys");
      for (int i = 0; i < keys.size(); i++) {
        SigningKey key = SigningKey.fromHex(keys.get(i).asText());
        accounts.add(new DevAccount(key.address(), key));
      }
      return accounts;
    } catch (IOException e) {
      throw new UncheckedIOException("could not read anvil's accounts", e);
    }
  }

  private static String tail(Path workDir) {
    try {
      String log = Files.readString(workDir.resolve("anvil.log"));
      return log.length() > 2000 ? log.substring(log.length() - 2000) : log;
    } catch (IOException e) {
      return "(no log)";
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String format(double seconds) {
    return seconds == Math.rint(seconds) ? Long.toString((long) seconds) : Double.toString(seconds);
  }

  private static void deleteQuietly(Path dir) {
    try (var paths = Files.walk(dir)) {
      paths.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
    } catch (IOException | UncheckedIOException ignored) {
      // a temporary folder; the OS cleans it eventually
    }
  }

  /** Minimal JSON-RPC over HTTP for node control (readiness, Anvil's own methods). */
  static final class JsonRpc {
    private static final HttpClient CLIENT =
        HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private static final ObjectMapper JSON = new ObjectMapper();

    static boolean answers(String url) {
      try {
        call(url, "eth_chainId");
        return true;
      } catch (RuntimeException e) {
        return false;
      }
    }

    static JsonNode call(String url, String method, Object... params) {
      try {
        String body =
            JSON.writeValueAsString(
                java.util.Map.of("jsonrpc", "2.0", "id", 1, "method", method, "params", params));
        HttpRequest request =
            HttpRequest.newBuilder(URI.create(url))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build();
        JsonNode response =
            JSON.readTree(CLIENT.send(request, HttpResponse.BodyHandlers.ofString()).body());
        if (response.has("error")) {
          throw new IllegalStateException(method + " failed: " + response.get("error"));
        }
        return response.get("result");
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
  }
}
