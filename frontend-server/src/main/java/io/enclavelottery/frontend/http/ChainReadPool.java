package io.enclavelottery.frontend.http;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCallException;
import io.undertow.server.HttpServerExchange;
import io.undertow.util.SameThreadExecutor;
import java.time.Duration;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The few requests that must ask the chain run here, never on an I/O thread: a small pool with a
 * short queue (a full queue answers 503 at once rather than piling requests up) and a deadline per
 * request (504 when the chain is slower).
 */
public final class ChainReadPool implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(ChainReadPool.class);

  private final ThreadPoolExecutor executor;
  private final Duration deadline;

  /**
   * @param threads reads at once
   * @param queue reads waiting at most
   * @param deadline how long a request waits for its read
   */
  public ChainReadPool(int threads, int queue, Duration deadline) {
    AtomicInteger count = new AtomicInteger();
    this.executor =
        new ThreadPoolExecutor(
            threads,
            threads,
            30,
            TimeUnit.SECONDS,
            new ArrayBlockingQueue<>(queue),
            task -> {
              Thread thread = new Thread(task, "chain-read-" + count.incrementAndGet());
              thread.setDaemon(true);
              return thread;
            },
            new ThreadPoolExecutor.AbortPolicy());
    this.executor.allowCoreThreadTimeOut(true);
    this.deadline = deadline;
  }

  /**
   * Answers the exchange with the JSON of what {@code read} returns, read on this pool; failures
   * become JSON errors (an {@link HttpProblem} keeps its status).
   */
  public void respond(HttpServerExchange exchange, Supplier<?> read) {
    exchange.dispatch(
        SameThreadExecutor.INSTANCE,
        () -> {
          CompletableFuture<?> reading;
          try {
            reading = CompletableFuture.supplyAsync(read, executor);
          } catch (RejectedExecutionException e) {
            JsonResponses.error(exchange, 503, "busy: too many chain reads waiting; try again");
            return;
          }
          reading
              .orTimeout(deadline.toMillis(), TimeUnit.MILLISECONDS)
              .whenComplete(
                  (value, failure) -> {
                    if (failure == null) {
                      JsonResponses.send(exchange, 200, value);
                    } else {
                      ErrorResponses.respond(exchange, problem(failure));
                    }
                  });
        });
  }

  private static HttpProblem problem(Throwable failure) {
    Throwable cause = failure instanceof CompletionException ? failure.getCause() : failure;
    if (cause instanceof HttpProblem problem) {
      return problem;
    }
    if (cause instanceof TimeoutException) {
      return new HttpProblem(504, "the chain did not answer in time; try again");
    }
    if (cause instanceof RpcException || cause instanceof ContractCallException) {
      LOG.warn("chain read failed: {}", cause.getMessage());
      return new HttpProblem(503, "the chain cannot be read right now; try again");
    }
    LOG.error("chain read failed", cause);
    return new HttpProblem(500, "internal error");
  }

  @Override
  public void close() {
    executor.shutdownNow();
  }
}
