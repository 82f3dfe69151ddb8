package io.enclavelottery.enclave.signer;

import java.util.List;

/**
 * What {@code GET /status} reports: whom the signer signs for, whether it can sign, and the rounds
 * whose seeds it holds — never a key or a seed.
 *
 * @param operator the operator address (the configured one while a key is awaited)
 * @param chainId the chain it signs for
 * @param contract the contract it signs for
 * @param keyOrigin {@code generated}, {@code injected} or {@code awaiting-injection}
 * @param ready whether it holds a key to sign with
 * @param secure whether it runs on a real NSM ({@code false}: software NSM, NOT SECURE)
 * @param clock the signer's own clock, Unix seconds
 * @param seeds the rounds whose seeds it holds
 */
public record SignerStatus(
    String operator,
    long chainId,
    String contract,
    String keyOrigin,
    boolean ready,
    boolean secure,
    long clock,
    List<Seed> seeds) {

  public SignerStatus {
    seeds = List.copyOf(seeds);
  }

  /**
   * One round's seed as the signer tells it.
   *
   * @param roundId the round
   * @param endTime the end time it was committed with, Unix seconds
   * @param releasableAfter the draw is signed once the signer's clock is past this, Unix seconds
   * @param released whether the draw carrying it was signed
   */
  public record Seed(long roundId, long endTime, long releasableAfter, boolean released) {}
}
