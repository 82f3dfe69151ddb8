package io.enclavelottery.enclave.attestation;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * What the caller expects of a document beyond a valid signature and chain: the enclave's PCRs, the
 * nonce it sent, a maximum age, and whether debug mode is acceptable (by default it is not: a
 * debug-mode enclave's memory is readable by its host).
 *
 * @param expectedPcrs PCR values that must match exactly, by index
 * @param nonce the nonce the document must carry, when the caller sent one
 * @param maxAge how old the document may be at the verification instant, when limited
 * @param allowDebug whether all-zero PCR0–2 (debug mode) are accepted
 */
public record AttestationPolicy(
    SortedMap<Integer, byte[]> expectedPcrs,
    Optional<byte[]> nonce,
    Optional<Duration> maxAge,
    boolean allowDebug) {

  /** A document dated this far after the verification instant still passes the age check. */
  static final Duration CLOCK_SKEW = Duration.ofMinutes(1);

  public AttestationPolicy {
    expectedPcrs = new TreeMap<>(expectedPcrs);
    maxAge.ifPresent(
        age -> {
          if (age.isNegative() || age.isZero()) {
            throw new IllegalArgumentException("the maximum age must be positive, not " + age);
          }
        });
  }

  /** No PCRs, nonce or age expected; debug mode rejected. */
  public static AttestationPolicy defaults() {
    return new AttestationPolicy(new TreeMap<>(), Optional.empty(), Optional.empty(), false);
  }

  /** This policy, also expecting {@code value} in PCR {@code index}. */
  public AttestationPolicy withPcr(int index, byte[] value) {
    SortedMap<Integer, byte[]> pcrs = new TreeMap<>(expectedPcrs);
    pcrs.put(index, value.clone());
    return new AttestationPolicy(pcrs, nonce, maxAge, allowDebug);
  }

  /** This policy, also expecting every PCR in {@code values}. */
  public AttestationPolicy withPcrs(Map<Integer, byte[]> values) {
    AttestationPolicy policy = this;
    for (Map.Entry<Integer, byte[]> pcr : values.entrySet()) {
      policy = policy.withPcr(pcr.getKey(), pcr.getValue());
    }
    return policy;
  }

  /** This policy, also expecting the document to carry {@code expected} as its nonce. */
  public AttestationPolicy withNonce(byte[] expected) {
    return new AttestationPolicy(expectedPcrs, Optional.of(expected.clone()), maxAge, allowDebug);
  }

  /** This policy, also rejecting documents older than {@code age}. */
  public AttestationPolicy withMaxAge(Duration age) {
    return new AttestationPolicy(expectedPcrs, nonce, Optional.of(age), allowDebug);
  }

  /** This policy, accepting debug-mode documents (development only). */
  public AttestationPolicy allowingDebug() {
    return new AttestationPolicy(expectedPcrs, nonce, maxAge, true);
  }

  /** Why {@code document} does not meet this policy at {@code at}, or empty when it does. */
  Optional<String> violation(AttestationDocument document, Instant at) {
    if (document.debugMode() && !allowDebug) {
      return Optional.of(
          "PCR0, PCR1 and PCR2 are all zero: the enclave runs in debug mode, where its host can"
              + " read its memory (accepted only when debug mode is allowed)");
    }
    for (Map.Entry<Integer, byte[]> expected : expectedPcrs.entrySet()) {
      byte[] actual = document.pcrs().get(expected.getKey());
      if (actual == null) {
        return Optional.of("the document has no PCR" + expected.getKey());
      }
      if (!Arrays.equals(actual, expected.getValue())) {
        return Optional.of(
            "PCR"
                + expected.getKey()
                + " is "
                + hex(actual)
                + ", expected "
                + hex(expected.getValue()));
      }
    }
    if (nonce.isPresent()) {
      if (document.nonce().isEmpty()) {
        return Optional.of("the document carries no nonce, expected " + hex(nonce.get()));
      }
      if (!Arrays.equals(document.nonce().get(), nonce.get())) {
        return Optional.of(
            "the nonce is " + hex(document.nonce().get()) + ", expected " + hex(nonce.get()));
      }
    }
    return maxAge.flatMap(age -> ageProblem(document.timestamp(), at, age));
  }

  private static Optional<String> ageProblem(Instant timestamp, Instant at, Duration maxAge) {
    if (timestamp.isAfter(at.plus(CLOCK_SKEW))) {
      return Optional.of(
          "the document is dated " + timestamp + ", after the verification time " + at);
    }
    Duration age = Duration.between(timestamp, at);
    if (age.compareTo(maxAge) > 0) {
      return Optional.of(
          "the document is " + age + " old at " + at + ", more than the maximum " + maxAge);
    }
    return Optional.empty();
  }

  private static String hex(byte[] bytes) {
    return HexFormat.of().formatHex(bytes);
  }
}
