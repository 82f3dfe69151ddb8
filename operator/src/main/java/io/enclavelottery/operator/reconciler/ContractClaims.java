package io.enclavelottery.operator.reconciler;

import io.enclavelottery.crd.LotteryRound;
import java.util.Collection;
import java.util.Comparator;
import java.util.Locale;
import java.util.Optional;

/**
 * Settles which LotteryRound runs a contract when several name the same one on the same chain: the
 * oldest (by creation time, then namespace and name) runs it, the others stand by.
 */
final class ContractClaims {

  private static final Comparator<LotteryRound> OLDEST_FIRST =
      Comparator.comparing((LotteryRound r) -> r.getMetadata().getCreationTimestamp(), nullsLast())
          .thenComparing(r -> r.getMetadata().getNamespace(), nullsLast())
          .thenComparing(r -> r.getMetadata().getName(), nullsLast());

  private ContractClaims() {}

  /**
   * The LotteryRound that runs {@code self}'s contract instead of it, if another, older one names
   * the same contract on the same chain; empty when {@code self} runs it.
   */
  static Optional<LotteryRound> runnerOtherThan(LotteryRound self, Collection<LotteryRound> all) {
    return all.stream()
        .filter(other -> sameContract(self, other))
        .filter(other -> other.getMetadata().getDeletionTimestamp() == null)
        .min(OLDEST_FIRST)
        .filter(oldest -> !sameResource(oldest, self));
  }

  private static boolean sameContract(LotteryRound a, LotteryRound b) {
    return a.getSpec().chain().chainId().equals(b.getSpec().chain().chainId())
        && a.getSpec()
            .contract()
            .address()
            .toLowerCase(Locale.ROOT)
            .equals(b.getSpec().contract().address().toLowerCase(Locale.ROOT));
  }

  private static boolean sameResource(LotteryRound a, LotteryRound b) {
    return a.getMetadata().getNamespace().equals(b.getMetadata().getNamespace())
        && a.getMetadata().getName().equals(b.getMetadata().getName());
  }

  private static Comparator<String> nullsLast() {
    return Comparator.nullsLast(Comparator.naturalOrder());
  }
}
