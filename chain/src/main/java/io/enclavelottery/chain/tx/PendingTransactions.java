package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.util.List;
import java.util.concurrent.ConcurrentSkipListMap;

/** The sender's transactions that are sent and not settled, by nonce, for status and metrics. */
final class PendingTransactions {

  private final ConcurrentSkipListMap<BigInteger, SentTransaction> byNonce =
      new ConcurrentSkipListMap<>();

  void update(InFlight flight) {
    byNonce.put(flight.nonce(), flight.view());
  }

  void settled(InFlight flight) {
    byNonce.remove(flight.nonce());
  }

  List<SentTransaction> list() {
    return List.copyOf(byNonce.values());
  }
}
