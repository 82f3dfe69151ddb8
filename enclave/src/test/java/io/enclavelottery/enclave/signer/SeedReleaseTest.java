package io.enclavelottery.enclave.signer;

import static io.enclavelottery.enclave.signer.TestSigner.CHAIN_ID;
import static io.enclavelottery.enclave.signer.TestSigner.CONTRACT;
import static io.enclavelottery.enclave.signer.TestSigner.MARGIN;
import static io.enclavelottery.enclave.signer.TestSigner.envelope;
import static io.enclavelottery.enclave.signer.TestSigner.terms;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.DrawMath;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.utils.Numeric;

/**
 * A seed leaves the signer only inside a signed draw, and only once the signer's own clock is past
 * the committed end time, every extension it signed meanwhile, and the margin. The API takes no
 * chain time from the caller; the HTTP test shows a claimed chain time is refused as an unknown
 * field.
 */
class SeedReleaseTest {

  private static final Instant END = TestSigner.START.plusSeconds(600);
  private static final LotteryCalls CALLS = new LotteryCalls(CONTRACT);

  private final TestSigner t = TestSigner.generated();

  @Test
  void theDrawIsRefusedUntilTheSignersClockIsPastEndTimePlusMargin() {
    t.signer.commit(1, END, terms(0));

    for (Instant early : new Instant[] {TestSigner.START, END, END.plus(MARGIN)}) {
      t.clock.set(early);
      assertThatThrownBy(() -> t.signer.draw(1, terms(1)))
          .isInstanceOfSatisfying(
              SignerRefusal.class,
              r -> assertThat(r.kind()).isEqualTo(SignerRefusal.Kind.FORBIDDEN))
          .hasMessageContaining("round 1's seed is released only after " + END.plus(MARGIN));
    }

    t.clock.set(END.plus(MARGIN).plusSeconds(1));
    assertThat(t.signer.draw(1, terms(1)).raw()).startsWith("0x02");
  }

  @Test
  void theRevealedSeedIsTheCommittedOne() {
    SeedCommitment commitment = t.signer.commit(3, END, terms(0));
    t.clock.set(END.plus(MARGIN).plusSeconds(1));

    Hex32 seed = seedIn(t.signer.draw(3, terms(1)));

    assertThat(DrawMath.commitment(CHAIN_ID, CONTRACT, 3, seed)).isEqualTo(commitment.commitment());
    assertThat(t.signer.status().seeds())
        .singleElement()
        .satisfies(s -> assertThat(s.released()).isTrue());
  }

  @Test
  void anExtensionSignedWhileTheSeedIsHeldPushesItsRelease() {
    t.signer.commit(1, END, terms(0));
    Instant extended = END.plusSeconds(300);
    t.signer.sign(envelope(1, CALLS.extendBettingTime(extended).data()));

    t.clock.set(END.plus(MARGIN).plusSeconds(1));
    assertThatThrownBy(() -> t.signer.draw(1, terms(2)))
        .hasMessageContaining("released only after " + extended.plus(MARGIN));

    t.clock.set(extended.plus(MARGIN).plusSeconds(1));
    assertThat(t.signer.draw(1, terms(2)).hash()).startsWith("0x");
  }

  @Test
  void anExtensionToAnEarlierTimeDoesNotBringTheReleaseForward() {
    t.signer.commit(1, END, terms(0));
    t.signer.sign(envelope(1, CALLS.extendBettingTime(END.minusSeconds(100)).data()));

    t.clock.set(END.plus(MARGIN));
    assertThatThrownBy(() -> t.signer.draw(1, terms(2)))
        .hasMessageContaining("released only after " + END.plus(MARGIN));
  }

  @Test
  void askingAgainForARoundGivesTheSameCommitmentAndAnotherEndTimeIsRefused() {
    SeedCommitment first = t.signer.commit(1, END, terms(0));
    SeedCommitment replacement = t.signer.commit(1, END, terms(0, 20));

    assertThat(replacement.commitment()).isEqualTo(first.commitment());
    assertThat(replacement.transaction().hash()).isNotEqualTo(first.transaction().hash());
    assertThatThrownBy(() -> t.signer.commit(1, END.plusSeconds(1), terms(0)))
        .hasMessageContaining("round 1 was committed with end time " + END.getEpochSecond())
        .hasMessageContaining("another end time");
  }

  @Test
  void everyRoundHasItsOwnSeed() {
    Hex32 one = t.signer.commit(1, END, terms(0)).commitment();
    Hex32 two = t.signer.commit(2, END, terms(1)).commitment();

    t.clock.set(END.plus(MARGIN).plusSeconds(1));
    assertThat(seedIn(t.signer.draw(1, terms(2)))).isNotEqualTo(seedIn(t.signer.draw(2, terms(3))));
    assertThat(one).isNotEqualTo(two);
  }

  @Test
  void aReleasedSeedIsNotCommittedAgain() {
    t.signer.commit(1, END, terms(0));
    t.clock.set(END.plus(MARGIN).plusSeconds(1));
    t.signer.draw(1, terms(1));

    assertThatThrownBy(() -> t.signer.commit(1, END, terms(2)))
        .hasMessageContaining("round 1's seed was already released");
  }

  @Test
  void nothingIsCommittedOnceTheEndTimeHasPassedByTheSignersClock() {
    t.clock.set(END.plusSeconds(1));

    assertThatThrownBy(() -> t.signer.commit(1, END, terms(0)))
        .hasMessageContaining("round 1's end time " + END + " has passed by the signer's clock");
    assertThat(t.signer.status().seeds()).isEmpty();
  }

  @Test
  void aRoundNeverCommittedHereHasNoSeed() {
    t.clock.set(END.plusSeconds(3600));

    assertThatThrownBy(() -> t.signer.draw(5, terms(0)))
        .isInstanceOfSatisfying(
            SignerRefusal.class, r -> assertThat(r.kind()).isEqualTo(SignerRefusal.Kind.NOT_FOUND))
        .hasMessageContaining("holds no seed for round 5");
  }

  @Test
  void theDrawRespectsTheNonceRuleBeforeReleasingAnything() {
    t.signer.commit(1, END, terms(0));
    t.clock.set(END.plus(MARGIN).plusSeconds(1));

    assertThatThrownBy(() -> t.signer.draw(1, terms(0)))
        .hasMessageContaining("nonce 0 was already signed for another payload (commitSeed)");
    assertThat(t.signer.status().seeds().get(0).released()).isFalse();
  }

  @Test
  void aSignedDrawCanBeSignedAgainWithHigherFees() {
    t.signer.commit(1, END, terms(0));
    t.clock.set(END.plus(MARGIN).plusSeconds(1));

    SignedTransaction first = t.signer.draw(1, terms(1));
    SignedTransaction bumped = t.signer.draw(1, terms(1, 20));

    assertThat(seedIn(bumped)).isEqualTo(seedIn(first));
  }

  @Test
  void feesOverTheCapsAreRefusedForCommitAndDraw() {
    assertThatThrownBy(() -> t.signer.commit(1, END, terms(0, 500)))
        .hasMessageContaining("over the cap");
    t.signer.commit(1, END, terms(0));
    t.clock.set(END.plus(MARGIN).plusSeconds(1));
    assertThatThrownBy(() -> t.signer.draw(1, terms(1, 500))).hasMessageContaining("over the cap");
  }

  private static Hex32 seedIn(SignedTransaction draw) {
    String data = TransactionDecoder.decode(draw.raw()).getData();
    return Hex32.parse(Numeric.cleanHexPrefix(data).substring(8));
  }
}
