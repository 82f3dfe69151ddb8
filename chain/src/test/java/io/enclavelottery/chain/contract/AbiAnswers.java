package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;
import org.web3j.crypto.Hash;

/** ABI-encoded answers and selectors for tests, built with web3j's encoders. */
public final class AbiAnswers {

  private AbiAnswers() {}

  public static String selector(String signature) {
    return Hash.sha3String(signature).substring(0, 10);
  }

  @SuppressWarnings("rawtypes")
  public static String encode(Type... values) {
    return "0x" + FunctionEncoder.encodeConstructor(Arrays.asList(values));
  }

  public static Uint256 uint(long value) {
    return new Uint256(value);
  }

  public static Uint256 uint(BigInteger value) {
    return new Uint256(value);
  }

  /** The encoded answer of {@code getRound()} for a round record. */
  public static String round(Round round) {
    return encode(
        uint(round.roundId()),
        uint(round.startTime().getEpochSecond()),
        uint(round.endTime().getEpochSecond()),
        uint(round.minDrawTime().getEpochSecond()),
        uint(round.maxDrawTime().getEpochSecond()),
        uint(round.totalPot()),
        uint(round.participantCount()),
        new Address(round.winner()),
        uint(round.publisherCommission()),
        uint(round.winnerPrize()),
        new Uint8(round.state().ordinal()),
        new Bytes32(round.seedCommitment().toBytes()),
        new Bytes32(round.revealedSeed().toBytes()),
        uint(round.betCount()),
        uint(round.totalExtension().getSeconds()),
        uint(round.revealPenalty()));
  }

  /** The encoded answer of a view returning {@code (address[], uint256[])}. */
  public static String pairs(List<String> addresses, List<BigInteger> numbers) {
    return encode(
        new DynamicArray<>(Address.class, addresses.stream().map(Address::new).toList()),
        new DynamicArray<>(Uint256.class, numbers.stream().map(Uint256::new).toList()));
  }
}
