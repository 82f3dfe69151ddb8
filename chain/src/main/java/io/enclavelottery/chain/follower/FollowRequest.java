package io.enclavelottery.chain.follower;

import java.util.Collection;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * What to follow: a contract's address, the first block whose logs to deliver ({@link #FROM_HEAD}
 * for "from the current confirmed head on") and, optionally, which events (topic0 hashes) to
 * deliver; an empty set means every event of the contract.
 */
public record FollowRequest(String address, long fromBlock, Set<String> eventTopics) {

  /** Start after the block that is confirmed when the follower first sees the follow. */
  public static final long FROM_HEAD = -1;

  private static final Pattern ADDRESS = Pattern.compile("0x[0-9a-f]{40}");
  private static final Pattern TOPIC = Pattern.compile("0x[0-9a-f]{64}");

  public FollowRequest {
    address = Objects.requireNonNull(address, "address").strip().toLowerCase(Locale.ROOT);
    if (!ADDRESS.matcher(address).matches()) {
      throw new IllegalArgumentException("not a contract address: " + address);
    }
    if (fromBlock < FROM_HEAD) {
      throw new IllegalArgumentException("fromBlock must be a block number or FROM_HEAD");
    }
    eventTopics =
        eventTopics.stream()
            .map(topic -> topic.strip().toLowerCase(Locale.ROOT))
            .peek(
                topic -> {
                  if (!TOPIC.matcher(topic).matches()) {
                    throw new IllegalArgumentException("not an event topic: " + topic);
                  }
                })
            .collect(Collectors.toUnmodifiableSet());
  }

  /** Every event of {@code address} from {@code fromBlock} on. */
  public static FollowRequest from(String address, long fromBlock) {
    return new FollowRequest(address, fromBlock, Set.of());
  }

  /** Every event of {@code address} after the current confirmed head. */
  public static FollowRequest fromHead(String address) {
    return new FollowRequest(address, FROM_HEAD, Set.of());
  }

  /** The same follow, limited to events with these topic0 hashes. */
  public FollowRequest onlyEvents(Collection<String> topic0s) {
    return new FollowRequest(address, fromBlock, Set.copyOf(topic0s));
  }
}
