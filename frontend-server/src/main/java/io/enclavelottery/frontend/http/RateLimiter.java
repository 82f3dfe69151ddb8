package io.enclavelottery.frontend.http;

import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

/**
 * A token bucket per client: each client may make {@code burst} requests at once and {@code
 * perSecond} a second after that. Buckets that have filled up again are forgotten by {@link
 * #forgetIdle()}, so the map holds only clients seen recently; beyond {@code maxClients} at once,
 * new clients share one bucket (a flood from many addresses is limited as one).
 */
public final class RateLimiter {

  private static final String OVERFLOW = "(too many clients)";

  private final double perSecond;
  private final double burst;
  private final int maxClients;
  private final LongSupplier nanoTime;
  private final ConcurrentHashMap<String, Bucket> buckets = new ConcurrentHashMap<>();

  /** One client's tokens; synchronised on itself. */
  private static final class Bucket {
    private double tokens;
    private long updatedAt;

    Bucket(double tokens, long now) {
      this.tokens = tokens;
      this.updatedAt = now;
    }
  }

  public RateLimiter(double perSecond, int burst, int maxClients, LongSupplier nanoTime) {
    if (perSecond <= 0 || burst < 1 || maxClients < 1) {
      throw new IllegalArgumentException("rate, burst and client count must be positive");
    }
    this.perSecond = perSecond;
    this.burst = burst;
    this.maxClients = maxClients;
    this.nanoTime = nanoTime;
  }

  /** Takes a token for the client; false when it has none left (the request is refused). */
  public boolean tryAcquire(String client) {
    long now = nanoTime.getAsLong();
    String key = buckets.size() >= maxClients && !buckets.containsKey(client) ? OVERFLOW : client;
    Bucket bucket = buckets.computeIfAbsent(key, k -> new Bucket(burst, now));
    synchronized (bucket) {
      refill(bucket, now);
      if (bucket.tokens < 1) {
        return false;
      }
      bucket.tokens -= 1;
      return true;
    }
  }

  /** Whole seconds until the client has a token again (for {@code Retry-After}), at least 1. */
  public long retryAfterSeconds() {
    return Math.max(1, (long) Math.ceil(1 / perSecond));
  }

  /** Forgets clients whose bucket is full again: they are indistinguishable from new ones. */
  public void forgetIdle() {
    long now = nanoTime.getAsLong();
    buckets
        .entrySet()
        .removeIf(
            entry -> {
              Bucket bucket = entry.getValue();
              synchronized (bucket) {
                refill(bucket, now);
                return bucket.tokens >= burst;
              }
            });
  }

  /** How many clients are tracked. */
  public int trackedClients() {
    return buckets.size();
  }

  private void refill(Bucket bucket, long now) {
    double earned = (now - bucket.updatedAt) / 1e9 * perSecond;
    bucket.tokens = Math.min(burst, bucket.tokens + earned);
    bucket.updatedAt = now;
  }
}
