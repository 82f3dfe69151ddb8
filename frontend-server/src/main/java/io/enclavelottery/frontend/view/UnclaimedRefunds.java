package io.enclavelottery.frontend.view;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Which refunded rounds each player has not claimed yet (from {@code RoundRefunded} and {@code
 * RefundClaimed}): the rounds whose {@code refundOwed} is worth asking the contract about.
 *
 * @param byPlayer player (lower-case {@code 0x} hex) to the ids of refunded rounds they bet in and
 *     have not claimed
 */
public record UnclaimedRefunds(Map<String, Set<Long>> byPlayer) {

  public static final UnclaimedRefunds NONE = new UnclaimedRefunds(Map.of());

  public UnclaimedRefunds {
    byPlayer = Map.copyOf(byPlayer);
  }

  /** The player's unclaimed refunded rounds, newest first. */
  public List<Long> roundsOf(String player) {
    return byPlayer.getOrDefault(player, Set.of()).stream()
        .sorted(Comparator.reverseOrder())
        .toList();
  }
}
