package io.enclavelottery.cli;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.encoder.PatternLayoutEncoder;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.FileAppender;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.slf4j.LoggerFactory;

/**
 * Applies {@code APP_LOG_LEVEL} and {@code APP_LOG_FILE} for {@code lottery run}: the level of
 * every logger, and a file that receives the same lines as standard output.
 */
final class RunLogging {

  private static final String PATTERN = "%d{yyyy-MM-dd HH:mm:ss.SSS} %-5level %logger{0} - %msg%n";

  private RunLogging() {}

  /**
   * Sets the root level and adds the file, if any.
   *
   * @throws CommandFailure when the file cannot be written
   */
  static void apply(String level, Optional<Path> file) {
    if (!(LoggerFactory.getILoggerFactory() instanceof LoggerContext context)) {
      return;
    }
    Logger root = context.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
    root.setLevel(Level.toLevel(level, Level.INFO));
    file.ifPresent(path -> root.addAppender(fileAppender(context, path)));
  }

  private static FileAppender<ILoggingEvent> fileAppender(LoggerContext context, Path path) {
    Path parent = path.toAbsolutePath().getParent();
    if (parent != null && !Files.isDirectory(parent)) {
      throw CommandFailure.unusableInput(
          RunConfig.LOG_FILE + ": the folder " + parent + " does not exist");
    }
    PatternLayoutEncoder encoder = new PatternLayoutEncoder();
    encoder.setContext(context);
    encoder.setPattern(PATTERN);
    encoder.start();
    FileAppender<ILoggingEvent> appender = new FileAppender<>();
    appender.setContext(context);
    appender.setName("APP_LOG_FILE");
    appender.setFile(path.toString());
    appender.setAppend(true);
    appender.setEncoder(encoder);
    appender.start();
    if (!appender.isStarted() || (Files.exists(path) && !Files.isWritable(path))) {
      throw CommandFailure.unusableInput(RunConfig.LOG_FILE + ": cannot write to " + path);
    }
    return appender;
  }
}
