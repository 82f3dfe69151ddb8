package io.enclavelottery.chain.verify;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.RoundState;
import io.enclavelottery.chain.events.EventPosition;
import java.math.BigInteger;
import java.util.Optional;

/**
 * The outcome of re-doing one round's draw from chain data alone: what the chain says and what
 * recomputing it gave. Values that could not be recomputed (a round not drawn) are empty.
 *
 * @param roundId the round
 * @param chainId the chain the contract lives on
 * @param contract the lottery's address
 * @param verifiedAtBlock the block every read was made at
 * @param state the round's state on chain
 * @param totalPot the round's pot on chain, in wei
 * @param betCount the round's number of bets on chain
 * @param commitment the commitment the operator made before betting closed
 * @param revealedSeed the seed revealed by the draw
 * @param recomputedCommitment {@code keccak256(abi.encode(chainId, contract, roundId, seed))}
 * @param winningPoint {@code uint256(keccak256(abi.encode(seed, roundId))) % totalPot}
 * @param recomputedWinner the bettor whose range of the pot holds the winning point
 * @param winnerOnChain the winner the contract recorded (the zero address when none)
 * @param drawnAt where the round's {@code RoundCompleted} event is, when it was found
 * @param matches true only when the round was drawn and every check agreed
 * @param reason in words: what agreed, or every check that did not, or why there was no draw
 */
public record DrawVerification(
    long roundId,
    long chainId,
    String contract,
    long verifiedAtBlock,
    RoundState state,
    BigInteger totalPot,
    long betCount,
    Hex32 commitment,
    Hex32 revealedSeed,
    Optional<Hex32> recomputedCommitment,
    Optional<BigInteger> winningPoint,
    Optional<String> recomputedWinner,
    String winnerOnChain,
    Optional<EventPosition> drawnAt,
    boolean matches,
    String reason) {}
