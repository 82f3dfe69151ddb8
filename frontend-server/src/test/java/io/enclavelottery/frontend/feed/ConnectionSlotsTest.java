package io.enclavelottery.frontend.feed;

import static org.assertj.core.api.Assertions.assertThat;

import io.enclavelottery.frontend.feed.ConnectionSlots.Slot;
import io.enclavelottery.frontend.feed.ConnectionSlots.Verdict;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ConnectionSlotsTest {

  @Test
  void eachAddressGetsItsOwnAllowance() {
    ConnectionSlots slots = new ConnectionSlots(2, 10);

    assertThat(slots.take("a").verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(slots.take("a").verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(slots.take("a").verdict()).isEqualTo(Verdict.ADDRESS_FULL);
    assertThat(slots.take("b").verdict()).isEqualTo(Verdict.ACCEPTED);
    assertThat(slots.open()).isEqualTo(3);
  }

  @Test
  void theTotalCapsAllAddresses() {
    ConnectionSlots slots = new ConnectionSlots(5, 2);
    slots.take("a");
    slots.take("b");

    assertThat(slots.take("c").verdict()).isEqualTo(Verdict.SERVER_FULL);
    assertThat(slots.open()).isEqualTo(2);
  }

  @Test
  void aReleasedSlotCanBeTakenAgainAndReleasingTwiceCountsOnce() {
    ConnectionSlots slots = new ConnectionSlots(1, 1);
    Slot slot = slots.take("a");
    assertThat(slot.claim()).isTrue();

    slot.release();
    slot.release();

    assertThat(slots.open()).isZero();
    assertThat(slots.take("b").verdict()).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void aRefusedSlotHoldsNothing() {
    ConnectionSlots slots = new ConnectionSlots(1, 10);
    slots.take("a");
    Slot refused = slots.take("a");

    refused.release();

    assertThat(slots.open()).isEqualTo(1);
    assertThat(refused.claim()).isFalse();
  }

  @Test
  void aSlotNeverClaimedIsGivenBackWhenStaleAndCannotBeClaimedAfter() {
    ConnectionSlots slots = new ConnectionSlots(1, 10);
    Slot forgotten = slots.take("a");
    Slot claimed = slots.take("b");
    claimed.claim();

    slots.releaseStale(System.nanoTime() + Duration.ofMinutes(1).toNanos(), Duration.ofSeconds(30));

    assertThat(slots.open()).isEqualTo(1);
    assertThat(forgotten.claim()).isFalse();
    assertThat(slots.take("a").verdict()).isEqualTo(Verdict.ACCEPTED);
  }

  @Test
  void aFreshUnclaimedSlotIsKept() {
    ConnectionSlots slots = new ConnectionSlots(1, 10);
    Slot pending = slots.take("a");

    slots.releaseStale(System.nanoTime(), Duration.ofSeconds(30));

    assertThat(pending.claim()).isTrue();
    assertThat(slots.open()).isEqualTo(1);
  }
}
