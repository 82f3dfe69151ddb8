package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Every version of one transaction: the first send and its replacements share a nonce, and any one
 * of them may be the one that is mined. Used by one sending thread only.
 */
final class InFlight {

  /** One version the node accepted. */
  record Version(String hash, Fees fees, BigInteger gasLimit, boolean cancelling, Instant sentAt) {}

  private final Payload payload;
  private final String from;
  private final BigInteger nonce;
  private final Instant firstSentAt;
  private final List<Version> versions = new ArrayList<>();
  private Fees lastTriedFees;
  private Instant lastSentAt;
  private boolean cancelling;
  private int replacementsTried;
  private Optional<String> blockedBy = Optional.empty();

  InFlight(Payload payload, String from, BigInteger nonce, Version first) {
    this.payload = payload;
    this.from = from;
    this.nonce = nonce;
    this.firstSentAt = first.sentAt();
    this.versions.add(first);
    this.lastTriedFees = first.fees();
    this.lastSentAt = first.sentAt();
  }

  Payload payload() {
    return payload;
  }

  String function() {
    return payload.function();
  }

  String from() {
    return from;
  }

  BigInteger nonce() {
    return nonce;
  }

  Instant firstSentAt() {
    return firstSentAt;
  }

  Instant lastSentAt() {
    return lastSentAt;
  }

  /** The fees of the last version sent or tried; a replacement must beat them. */
  Fees lastTriedFees() {
    return lastTriedFees;
  }

  boolean cancelling() {
    return cancelling;
  }

  int replacementsTried() {
    return replacementsTried;
  }

  /** Why no replacement is possible any more (a fee cap), if so. */
  Optional<String> blockedBy() {
    return blockedBy;
  }

  /** Newest first: the likeliest to be mined. */
  List<Version> versionsNewestFirst() {
    List<Version> newestFirst = new ArrayList<>(versions);
    java.util.Collections.reverse(newestFirst);
    return newestFirst;
  }

  void accepted(Version version) {
    versions.add(version);
    cancelling = version.cancelling();
    tried(version.fees(), version.sentAt());
  }

  /** A replacement was sent but not accepted; the next one starts from its fees. */
  void tried(Fees fees, Instant at) {
    replacementsTried++;
    lastTriedFees = fees;
    lastSentAt = at;
  }

  /** Postpones the next replacement without sending (e.g. the precondition could not be read). */
  void postpone(Instant at) {
    lastSentAt = at;
  }

  void block(String reason) {
    blockedBy = Optional.of(reason);
  }

  /** The view of {@code version} for results. */
  SentTransaction view(Version version) {
    return new SentTransaction(
        version.hash(),
        payload.function(),
        from,
        nonce,
        version.fees(),
        version.gasLimit(),
        firstSentAt,
        version.sentAt(),
        versions.size() - 1,
        version.cancelling());
  }

  /** The view of the newest accepted version. */
  SentTransaction view() {
    return view(versions.get(versions.size() - 1));
  }
}
