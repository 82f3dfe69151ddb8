package io.enclavelottery.operator.keeper;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.InMemoryLotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.chain.tx.Payload;
import io.enclavelottery.chain.tx.SignerBuiltCall;
import io.enclavelottery.operator.decision.SeedAvailability;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.web3j.crypto.TransactionDecoder;

/** The enclave signer's seed transactions as the keeper hands them to the sender. */
class EnclaveSeedSourceTest {

  private static final long CHAIN_ID = 31337;
  private static final String LOTTERY = "0x5fbdb2315678afecb367f032d93f642f64180aa3";
  private static final Fees FEES = new Fees(BigInteger.TEN.pow(10), BigInteger.TEN.pow(9));

  private final InProcessSigner signer = new InProcessSigner().serve(CHAIN_ID, LOTTERY);
  private final InMemoryLotteryContract contract =
      new InMemoryLotteryContract(LOTTERY)
          .putSettings(InMemoryLotteryContract.defaultSettings(signer.operator()));
  private final Instant end =
      Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS);
  private final EnclaveSeedSource seeds = new EnclaveSeedSource(attested(), contract);

  @AfterEach
  void stop() {
    signer.close();
  }

  private AttestedSigner attested() {
    return AttestedSigner.connect(signer.signing(true), CHAIN_ID, contract, () -> {});
  }

  private static SignerBuiltCall built(Payload transaction) {
    assertThat(transaction).isInstanceOf(Payload.SignerBuilt.class);
    return ((Payload.SignerBuilt) transaction).call();
  }

  private Round betting(Hex32 commitment) {
    return new Round(
        1,
        end.minusSeconds(60),
        end,
        end.plusSeconds(1),
        end.plusSeconds(11),
        BigInteger.TWO,
        2,
        Round.NO_ADDRESS,
        BigInteger.ZERO,
        BigInteger.ZERO,
        RoundState.BETTING,
        commitment,
        Hex32.ZERO,
        2,
        Duration.ZERO,
        BigInteger.ZERO);
  }

  @Test
  void theCommitmentIsSimulatedWithAStandInAndBuiltBySigner() {
    SignerBuiltCall commit = built(seeds.commit(1, end));

    assertThat(commit.function()).isEqualTo("commitSeed");
    assertThat(commit.standIn()).isPresent();
    assertThat(commit.standIn().get().function()).isEqualTo("commitSeed");
    String signed = commit.sign(BigInteger.ZERO, BigInteger.valueOf(80_000), FEES);

    String data = "0x" + TransactionDecoder.decode(signed).getData();
    assertThat(data).isNotEqualTo(commit.standIn().get().data());
    assertThat(data.substring(0, 10)).isEqualTo(commit.standIn().get().data().substring(0, 10));
    assertThat(data.substring(74)).isEqualTo(commit.standIn().get().data().substring(74));
  }

  @Test
  void theDrawIsNeitherSimulatedNorEstimatedAndIsRefusedUntilTheSignersClockAllows() {
    built(seeds.commit(1, end)).sign(BigInteger.ZERO, BigInteger.valueOf(80_000), FEES);
    SignerBuiltCall draw = built(seeds.draw(1));

    assertThat(draw.standIn()).isEmpty();
    assertThat(draw.gasLimit()).isEqualTo(EnclaveSeedSource.DRAW_GAS);
    assertThatThrownBy(() -> draw.sign(BigInteger.ONE, draw.gasLimit(), FEES))
        .hasMessageContaining("released only after");
  }

  @Test
  void aSeedTheSignerHoldsOrCanMakeIsAvailable() {
    contract.putRound(betting(Hex32.ZERO));
    assertThat(seeds.availability(1)).isEqualTo(SeedAvailability.AVAILABLE);

    built(seeds.commit(1, end)).sign(BigInteger.ZERO, BigInteger.valueOf(80_000), FEES);
    contract.putRound(betting(Hex32.parse("0x" + "11".repeat(32))));
    assertThat(seeds.availability(1)).isEqualTo(SeedAvailability.AVAILABLE);
  }

  @Test
  void aCommittedRoundTheSignerHoldsNoSeedForIsLost() {
    contract.putRound(betting(Hex32.parse("0x" + "11".repeat(32))));

    assertThat(seeds.availability(1)).isEqualTo(SeedAvailability.LOST);
  }

  @Test
  void anUnreachableSignerHasNoSeed() {
    signer.close();

    assertThat(seeds.availability(1)).isEqualTo(SeedAvailability.UNAVAILABLE);
  }
}
