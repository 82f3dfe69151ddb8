package io.enclavelottery.chain.contract;

import io.enclavelottery.chain.generated.LotteryBinding;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;

/**
 * Prepares the state-changing calls of one lottery contract: pure ABI encoding, no I/O. {@link
 * LotteryContract}'s call methods come from here, so fakes of it prepare the same bytes.
 *
 * @param contract the lottery's {@code 0x} address
 */
public record LotteryCalls(String contract) {

  public LotteryCalls {
    Objects.requireNonNull(contract, "contract");
  }

  public ContractCall startRound() {
    return call(LotteryBinding.FUNC_STARTROUND);
  }

  public ContractCall commitSeed(Hex32 commitment, Instant endTime) {
    return call(LotteryBinding.FUNC_COMMITSEED, new Bytes32(commitment.toBytes()), uint(endTime));
  }

  public ContractCall drawWinner(Hex32 seed) {
    return call(LotteryBinding.FUNC_DRAWWINNER, new Bytes32(seed.toBytes()));
  }

  public ContractCall extendBettingTime(Instant newEndTime) {
    return call(LotteryBinding.FUNC_EXTENDBETTINGTIME, uint(newEndTime));
  }

  public ContractCall refundRound() {
    return call(LotteryBinding.FUNC_REFUNDROUND);
  }

  public ContractCall refundExpiredRound() {
    return call(LotteryBinding.FUNC_REFUNDEXPIREDROUND);
  }

  public ContractCall setPaused(boolean paused) {
    return call(LotteryBinding.FUNC_SETPAUSED, new Bool(paused));
  }

  public ContractCall updateMinBetAmount(BigInteger wei) {
    return call(LotteryBinding.FUNC_UPDATEMINBETAMOUNT, uint(wei));
  }

  public ContractCall updateBettingDuration(Duration duration) {
    return call(LotteryBinding.FUNC_UPDATEBETTINGDURATION, uint(duration));
  }

  public ContractCall updateMinParticipants(long minParticipants) {
    return call(LotteryBinding.FUNC_UPDATEMINPARTICIPANTS, uint(minParticipants));
  }

  public ContractCall updateDrawDelays(Duration minDelay, Duration maxDelay) {
    return call(LotteryBinding.FUNC_UPDATEDRAWDELAYS, uint(minDelay), uint(maxDelay));
  }

  public ContractCall updateMinEndTimeExtension(Duration extension) {
    return call(LotteryBinding.FUNC_UPDATEMINENDTIMEEXTENSION, uint(extension));
  }

  public ContractCall withdraw() {
    return call(LotteryBinding.FUNC_WITHDRAW);
  }

  public ContractCall withdrawBond(BigInteger wei) {
    return call(LotteryBinding.FUNC_WITHDRAWBOND, uint(wei));
  }

  public ContractCall depositBond(BigInteger wei) {
    return payable(LotteryBinding.FUNC_DEPOSITBOND, wei);
  }

  public ContractCall placeBet(BigInteger wei) {
    return payable(LotteryBinding.FUNC_PLACEBET, wei);
  }

  public ContractCall claimRefund(long roundId) {
    return call(LotteryBinding.FUNC_CLAIMREFUND, uint(roundId));
  }

  public ContractCall proposeOperator(String newOperator) {
    return call(LotteryBinding.FUNC_PROPOSEOPERATOR, new Address(newOperator));
  }

  public ContractCall cancelOperatorChange() {
    return call(LotteryBinding.FUNC_CANCELOPERATORCHANGE);
  }

  public ContractCall activateOperator() {
    return call(LotteryBinding.FUNC_ACTIVATEOPERATOR);
  }

  @SuppressWarnings("rawtypes")
  private ContractCall call(String name, Type... arguments) {
    return new ContractCall(contract, name, encode(name, arguments), BigInteger.ZERO);
  }

  private ContractCall payable(String name, BigInteger wei) {
    Objects.requireNonNull(wei, "value");
    return new ContractCall(contract, name, encode(name), wei);
  }

  @SuppressWarnings("rawtypes")
  private static String encode(String name, Type... arguments) {
    List<Type> inputs = List.of(arguments);
    return FunctionEncoder.encode(new Function(name, inputs, List.of()));
  }

  static Uint256 uint(long value) {
    if (value < 0) {
      throw new IllegalArgumentException("a uint256 argument must not be negative: " + value);
    }
    return new Uint256(value);
  }

  static Uint256 uint(BigInteger value) {
    Objects.requireNonNull(value, "amount");
    if (value.signum() < 0) {
      throw new IllegalArgumentException("an amount must not be negative: " + value);
    }
    return new Uint256(value);
  }

  static Uint256 uint(Instant time) {
    return uint(time.getEpochSecond());
  }

  static Uint256 uint(Duration duration) {
    return uint(duration.getSeconds());
  }
}
