package io.enclavelottery.operator.keeper;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.LotteryCalls;
import io.enclavelottery.chain.signer.DrawSeed;
import io.enclavelottery.chain.signer.LocalSeedDerivation;
import io.enclavelottery.chain.tx.Payload;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Objects;

/**
 * Seeds derived from the operator's own key ({@link LocalSeedDerivation}), so a restarted keeper
 * reveals what it committed without storing anything. Whoever holds the key knows every seed: local
 * mode trusts the operator.
 *
 * @param derivation the key-based derivation
 * @param chainId the chain the contract is on
 * @param contract the lottery's address
 */
public record LocalSeedSource(LocalSeedDerivation derivation, long chainId, String contract)
    implements SeedSource {

  public LocalSeedSource {
    Objects.requireNonNull(derivation, "derivation");
    Objects.requireNonNull(contract, "contract");
  }

  @Override
  public Payload commit(long roundId, Instant endTime) {
    return new Payload.Call(new LotteryCalls(contract).commitSeed(commitment(roundId), endTime));
  }

  @Override
  public Payload draw(long roundId) {
    return new Payload.Call(new LotteryCalls(contract).drawWinner(Hex32.of(seed(roundId).bytes())));
  }

  /** The value {@code commitSeed} takes for {@code roundId}. */
  public Hex32 commitment(long roundId) {
    return Hex32.of(seed(roundId).commitment(chainId, contract, BigInteger.valueOf(roundId)));
  }

  /** The seed {@code drawWinner} reveals for {@code roundId}. */
  public DrawSeed seed(long roundId) {
    return derivation.seedFor(chainId, contract, BigInteger.valueOf(roundId));
  }
}
