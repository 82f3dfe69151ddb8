package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryContract;
import io.enclavelottery.chain.contract.Round;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.tx.Fees;
import io.enclavelottery.chain.tx.Payload;
import io.enclavelottery.chain.tx.SignerBuiltCall;
import io.enclavelottery.enclave.signer.SignerStatus;
import io.enclavelottery.enclave.signer.TransactionTerms;
import io.enclavelottery.operator.decision.SeedAvailability;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * Seeds held by the enclave signer: it builds and signs {@code commitSeed} and {@code drawWinner}
 * itself, so the keeper hands the sender transactions to have built ({@link SignerBuiltCall}) and
 * never sees a seed before the signed draw. A round the signer holds no seed for is {@link
 * SeedAvailability#LOST} once committed on chain (the signer restarted): it can only be refunded.
 */
final class EnclaveSeedSource implements SeedSource {

  /**
   * The draw's gas limit: it cannot be estimated without the seed. A draw takes about 170,000 gas
   * at any number of bets, plus the bounded push of the prize.
   */
  static final BigInteger DRAW_GAS = BigInteger.valueOf(400_000);

  /** A commitment's gas limit, were its stand-in not estimated first (it takes about 50,000). */
  static final BigInteger COMMIT_GAS = BigInteger.valueOf(100_000);

  /** Stands in for the commitment in the simulation: any non-zero value reverts and costs alike. */
  private static final Hex32 STAND_IN_COMMITMENT = Hex32.parse("0x" + "11".repeat(32));

  private final AttestedSigner signer;
  private final LotteryContract contract;

  EnclaveSeedSource(AttestedSigner signer, LotteryContract contract) {
    this.signer = Objects.requireNonNull(signer, "signer");
    this.contract = Objects.requireNonNull(contract, "contract");
  }

  @Override
  public Payload commit(long roundId, Instant endTime) {
    ContractCall standIn = contract.commitSeed(STAND_IN_COMMITMENT, endTime);
    return new Payload.SignerBuilt(
        new Built("commitSeed", Optional.of(standIn), COMMIT_GAS) {
          @Override
          public String sign(BigInteger nonce, BigInteger gasLimit, Fees fees) {
            return signer
                .commit(roundId, endTime, new TransactionTerms(nonce, gasLimit, fees))
                .transaction()
                .raw();
          }
        });
  }

  @Override
  public Payload draw(long roundId) {
    return new Payload.SignerBuilt(
        new Built("drawWinner", Optional.empty(), DRAW_GAS) {
          @Override
          public String sign(BigInteger nonce, BigInteger gasLimit, Fees fees) {
            return signer.draw(roundId, new TransactionTerms(nonce, gasLimit, fees)).raw();
          }
        });
  }

  @Override
  public SeedAvailability availability(long roundId) {
    SignerStatus status;
    try {
      status = signer.status();
    } catch (SigningException e) {
      return SeedAvailability.UNAVAILABLE;
    }
    if (!status.ready()) {
      return SeedAvailability.UNAVAILABLE;
    }
    if (status.seeds().stream().anyMatch(seed -> seed.roundId() == roundId)) {
      return SeedAvailability.AVAILABLE;
    }
    Round round = contract.round();
    return round.roundId() == roundId && round.seedCommitted()
        ? SeedAvailability.LOST
        : SeedAvailability.AVAILABLE;
  }

  /** A transaction the signer builds; only signing differs between the two. */
  private abstract static class Built implements SignerBuiltCall {
    private final String function;
    private final Optional<ContractCall> standIn;
    private final BigInteger gasLimit;

    Built(String function, Optional<ContractCall> standIn, BigInteger gasLimit) {
      this.function = function;
      this.standIn = standIn;
      this.gasLimit = gasLimit;
    }

    @Override
    public String function() {
      return function;
    }

    @Override
    public Optional<ContractCall> standIn() {
      return standIn;
    }

    @Override
    public BigInteger gasLimit() {
      return gasLimit;
    }
  }
}
