package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.events.BetPlaced;
import io.enclavelottery.chain.events.EventPosition;
import io.enclavelottery.chain.events.PrizeCredited;
import io.enclavelottery.chain.events.RefundClaimed;
import io.enclavelottery.chain.events.RoundCompleted;
import io.enclavelottery.chain.events.RoundCreated;
import io.enclavelottery.chain.events.RoundRefunded;
import io.enclavelottery.chain.events.RoundStateChanged;
import io.enclavelottery.chain.events.SeedCommitted;
import java.math.BigInteger;
import java.time.Instant;

/**
 * Typed contract events for the view's unit tests, each in its own block and transaction (numbered
 * by the block), with block time = 1,000 s + block.
 */
final class Events {

  static final String CONTRACT = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  static final String ALICE = "0x00000000000000000000000000000000000000a1";
  static final String BOB = "0x00000000000000000000000000000000000000b0";

  private Events() {}

  static EventPosition at(long block) {
    return new EventPosition(
        CONTRACT,
        block,
        "0x" + "%064x".formatted(block),
        "0x" + "%064x".formatted(block + 1_000_000),
        0);
  }

  static Instant time(long block) {
    return Instant.ofEpochSecond(1_000 + block);
  }

  /** The events of {@code openNextRound}: round {@code id} created empty and WAITING. */
  static RoundCreated waiting(long block, long id) {
    return new RoundCreated(
        at(block), id, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, Instant.EPOCH, time(block));
  }

  static RoundCreated opened(long block, long id) {
    return new RoundCreated(
        at(block),
        id,
        time(block),
        time(block + 100),
        time(block + 130),
        time(block + 220),
        time(block));
  }

  static RoundStateChanged state(long block, long id, RoundState from, RoundState to) {
    return new RoundStateChanged(at(block), id, from, to, time(block));
  }

  static BetPlaced bet(long block, long id, String player, long wei, long newTotal) {
    return new BetPlaced(
        at(block), id, player, BigInteger.valueOf(wei), BigInteger.valueOf(newTotal), time(block));
  }

  static SeedCommitted committed(long block, long id) {
    return new SeedCommitted(
        at(block), id, Hex32.of(BigInteger.valueOf(7)), time(block + 100), time(block));
  }

  static RoundCompleted completed(long block, long id, String winner, long pot) {
    return new RoundCompleted(
        at(block),
        id,
        winner,
        BigInteger.valueOf(pot),
        BigInteger.valueOf(pot * 95 / 100),
        BigInteger.valueOf(pot * 5 / 100),
        Hex32.of(BigInteger.valueOf(42)),
        time(block));
  }

  static PrizeCredited credited(long block, long id, String winner, long wei) {
    return new PrizeCredited(at(block), id, winner, BigInteger.valueOf(wei), time(block));
  }

  static RoundRefunded refunded(long block, long id, long pot, long players, String reason) {
    return new RoundRefunded(at(block), id, BigInteger.valueOf(pot), players, reason, time(block));
  }

  static RefundClaimed claimed(long block, long id, String player, long wei) {
    return new RefundClaimed(
        at(block), id, player, BigInteger.valueOf(wei), BigInteger.ZERO, time(block));
  }
}
