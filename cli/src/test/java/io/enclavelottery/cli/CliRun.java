package io.enclavelottery.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;

/**
 * One in-process run of the {@code lottery} command line, with what it wrote.
 *
 * @param exitCode the exit code {@code execute} returned
 * @param out standard output
 * @param err standard error
 */
record CliRun(int exitCode, String out, String err) {

  static CliRun of(String... args) {
    return withEnvironment(Map.of(), args);
  }

  /** Runs with these environment variables only (the real environment is not read). */
  static CliRun withEnvironment(Map<String, String> environment, String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int exitCode =
        LotteryCommand.newCommandLine(environment::get)
            .setOut(new PrintWriter(out, true))
            .setErr(new PrintWriter(err, true))
            .execute(args);
    return new CliRun(exitCode, out.toString(), err.toString());
  }

  List<String> outLines() {
    return out.lines().toList();
  }

  String lastOutLine() {
    List<String> lines = outLines();
    return lines.isEmpty() ? "" : lines.get(lines.size() - 1);
  }

  List<String> errLines() {
    return err.lines().toList();
  }
}
