package io.enclavelottery.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

/**
 * A child process (the shaded jar, the launcher) whose standard output and error are collected line
 * by line as they come, so tests can wait for a line with Awaitility.
 */
final class RunningProcess implements AutoCloseable {

  private final Process process;
  private final List<String> out = new CopyOnWriteArrayList<>();
  private final List<String> err = new CopyOnWriteArrayList<>();
  private final Thread outReader;
  private final Thread errReader;

  private RunningProcess(Process process) {
    this.process = process;
    this.outReader = collect(process.getInputStream(), out);
    this.errReader = collect(process.getErrorStream(), err);
  }

  /** Starts {@code command} in {@code directory} with extra environment variables. */
  static RunningProcess start(
      Path directory, Map<String, String> environment, List<String> command) {
    ProcessBuilder builder = new ProcessBuilder(command).directory(directory.toFile());
    builder.environment().remove(PublisherKeyOptions.ENV_VAR);
    builder.environment().putAll(environment);
    try {
      return new RunningProcess(builder.start());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** {@code java -jar lottery.jar ARGS} with the build's tools folder. */
  static RunningProcess lotteryJar(Map<String, String> environment, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Dlottery.tools.dir=" + System.getProperty("lottery.tools.dir"));
    command.add("-jar");
    command.add(System.getProperty("lottery.jar"));
    command.addAll(List.of(args));
    return start(Path.of(System.getProperty("java.io.tmpdir")), environment, command);
  }

  Process process() {
    return process;
  }

  List<String> out() {
    return out;
  }

  List<String> err() {
    return err;
  }

  /** Waits for the exit and for all output to be read. */
  int awaitExit(long seconds) throws InterruptedException {
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      throw new IllegalStateException(
          "still running after " + seconds + " s; output: " + out + err);
    }
    outReader.join(TimeUnit.SECONDS.toMillis(5));
    errReader.join(TimeUnit.SECONDS.toMillis(5));
    return process.exitValue();
  }

  @Override
  public void close() {
    process.descendants().forEach(ProcessHandle::destroyForcibly);
    process.destroyForcibly();
  }

  private static Thread collect(InputStream stream, List<String> lines) {
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader in =
                  new BufferedReader(new InputStreamReader(stream, StandardCharsets.UTF_8))) {
                in.lines().forEach(lines::add);
              } catch (IOException | UncheckedIOException e) {
                // the process is gone
              }
            },
            "process-output");
    reader.setDaemon(true);
    reader.start();
    return reader;
  }
}
