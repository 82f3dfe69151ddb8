package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.signer.SigningException;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Attests the enclave signer before its first use, on a thread of its own, again and again after a
 * growing delay until it passes: each refusal is reported as a {@link Problem} (nothing is sent
 * meanwhile), the first pass hands over the attested signer.
 */
final class SignerAttestationWait implements AutoCloseable {

  private static final Logger LOG = LoggerFactory.getLogger(SignerAttestationWait.class);

  private final Supplier<AttestedSigner> attempt;
  private final Consumer<AttestedSigner> onAttested;
  private final Consumer<Problem> onRefused;
  private final RetryDelay retry;
  private final ScheduledExecutorService executor =
      Executors.newSingleThreadScheduledExecutor(
          runnable -> {
            Thread thread = new Thread(runnable, "signer-attestation");
            thread.setDaemon(true);
            return thread;
          });

  /**
   * @param attempt attests the signer, or throws {@link SigningException} with the reason
   * @param onAttested given the attested signer, once
   * @param onRefused told why the signer cannot be used yet, after each failed attempt
   * @param retryInitial the first wait after a failure, doubled up to {@code retryMax}
   */
  SignerAttestationWait(
      Supplier<AttestedSigner> attempt,
      Consumer<AttestedSigner> onAttested,
      Consumer<Problem> onRefused,
      Duration retryInitial,
      Duration retryMax) {
    this.attempt = attempt;
    this.onAttested = onAttested;
    this.onRefused = onRefused;
    this.retry = new RetryDelay(retryInitial, retryMax);
  }

  void start() {
    executor.execute(this::tryOnce);
  }

  private void tryOnce() {
    AttestedSigner signer;
    try {
      signer = attempt.get();
    } catch (SigningException e) {
      Duration wait = retry.next();
      LOG.warn("the enclave signer is not attested ({}); trying again in {}", e.getMessage(), wait);
      onRefused.accept(
          new Problem(
              Problem.Kind.SIGNER_NOT_ATTESTED,
              "the enclave signer is not attested, so nothing is sent: " + e.getMessage()));
      try {
        executor.schedule(this::tryOnce, wait.toMillis(), TimeUnit.MILLISECONDS);
      } catch (RejectedExecutionException closed) {
        // closed while this attempt ran
      }
      return;
    }
    onAttested.accept(signer);
  }

  /** Stops attempting; waits briefly for an attempt in progress. */
  @Override
  public void close() {
    executor.shutdownNow();
    try {
      executor.awaitTermination(10, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
