package io.enclavelottery.chain.signer;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import java.util.List;
import java.util.stream.Collectors;
import org.slf4j.LoggerFactory;

/** Every log event while open, formatted with its throwable's messages, for leak checks. */
public final class CapturedLogs implements AutoCloseable {

  private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
  private final ListAppender<ILoggingEvent> appender = new ListAppender<>();

  public CapturedLogs() {
    appender.start();
    root.addAppender(appender);
  }

  /** The formatted messages, each followed by its exception chain's messages. */
  public List<String> lines() {
    return appender.list.stream().map(CapturedLogs::render).collect(Collectors.toList());
  }

  private static String render(ILoggingEvent event) {
    StringBuilder text = new StringBuilder(event.getFormattedMessage());
    for (var thrown = event.getThrowableProxy(); thrown != null; thrown = thrown.getCause()) {
      text.append(" | ").append(thrown.getClassName()).append(": ").append(thrown.getMessage());
    }
    return text.toString();
  }

  @Override
  public void close() {
    root.detachAppender(appender);
    appender.stop();
  }
}
