package io.enclavelottery.chain.contract;

import static io.enclavelottery.chain.contract.LotteryCalls.uint;

import io.enclavelottery.chain.generated.LotteryBinding;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.BiFunction;
import org.web3j.abi.TypeReference;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Bool;
import org.web3j.abi.datatypes.DynamicArray;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;
import org.web3j.abi.datatypes.generated.Bytes32;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.abi.datatypes.generated.Uint8;

/** The lottery's view functions as {@link ViewCall}s: ABI shapes and decoding, no I/O. */
@SuppressWarnings("rawtypes")
final class LotteryViews {

  private static final TypeReference<Uint256> UINT = new TypeReference<>() {};
  private static final TypeReference<Address> ADDRESS = new TypeReference<>() {};
  private static final TypeReference<Bool> BOOL = new TypeReference<>() {};
  private static final TypeReference<Bytes32> BYTES32 = new TypeReference<>() {};
  private static final TypeReference<Uint8> UINT8 = new TypeReference<>() {};
  private static final TypeReference<DynamicArray<Address>> ADDRESSES = new TypeReference<>() {};
  private static final TypeReference<DynamicArray<Uint256>> UINTS = new TypeReference<>() {};

  /** {@code LotteryRound} is a static struct: its ABI encoding is its sixteen fields in a row. */
  private static final List<TypeReference<?>> ROUND_FIELDS =
      List.of(
          UINT, UINT, UINT, UINT, UINT, UINT, UINT, ADDRESS, UINT, UINT, UINT8, BYTES32, BYTES32,
          UINT, UINT, UINT);

  private LotteryViews() {}

  static ViewCall<Round> getRound() {
    return new ViewCall<>(
        function(LotteryBinding.FUNC_GETROUND, List.of(), ROUND_FIELDS), LotteryViews::round);
  }

  static ViewCall<Round> getRoundById(long roundId) {
    return new ViewCall<>(
        function(LotteryBinding.FUNC_GETROUNDBYID, List.of(uint(roundId)), ROUND_FIELDS),
        LotteryViews::round);
  }

  static ViewCall<Long> currentRoundId() {
    return uintView(LotteryBinding.FUNC_CURRENTROUNDID).map(BigInteger::longValueExact);
  }

  static ViewCall<List<Participant>> getParticipants(long offset, long limit) {
    return pairs(
        LotteryBinding.FUNC_GETPARTICIPANTS, List.of(uint(offset), uint(limit)), Participant::new);
  }

  static ViewCall<List<Participant>> getRoundParticipants(long roundId, long offset, long limit) {
    return pairs(
        LotteryBinding.FUNC_GETROUNDPARTICIPANTS,
        List.of(uint(roundId), uint(offset), uint(limit)),
        Participant::new);
  }

  static ViewCall<List<Bet>> getBets(long roundId, long offset, long limit) {
    return pairs(
        LotteryBinding.FUNC_GETBETS, List.of(uint(roundId), uint(offset), uint(limit)), Bet::new);
  }

  static ViewCall<BigInteger> getBetAmount(String player) {
    return uintView(LotteryBinding.FUNC_GETBETAMOUNT, new Address(player));
  }

  static ViewCall<BigInteger> getRoundBetAmount(long roundId, String player) {
    return uintView(LotteryBinding.FUNC_GETROUNDBETAMOUNT, uint(roundId), new Address(player));
  }

  static ViewCall<BigInteger> pendingWithdrawals(String account) {
    return uintView(LotteryBinding.FUNC_PENDINGWITHDRAWALS, new Address(account));
  }

  static ViewCall<BigInteger> refundOwed(long roundId, String player) {
    return uintView(LotteryBinding.FUNC_REFUNDOWED, uint(roundId), new Address(player));
  }

  static ViewCall<Hex32> computeCommitment(long roundId, Hex32 seed) {
    return new ViewCall<>(
        function(
            LotteryBinding.FUNC_COMPUTECOMMITMENT,
            List.of(uint(roundId), new Bytes32(seed.toBytes())),
            List.of(BYTES32)),
        values -> Hex32.of((byte[]) values.get(0).getValue()));
  }

  /** {@code getConfig()}: the nine values, kept as a record until the rest of the settings join. */
  static ViewCall<Config> getConfig() {
    return new ViewCall<>(
        function(
            LotteryBinding.FUNC_GETCONFIG,
            List.of(),
            List.of(ADDRESS, ADDRESS, UINT, UINT, UINT, UINT, UINT, UINT, UINT)),
        values ->
            new Config(
                address(values.get(0)),
                address(values.get(1)),
                number(values.get(2)).intValueExact(),
                number(values.get(3)),
                seconds(values.get(4)),
                seconds(values.get(5)),
                seconds(values.get(6)),
                seconds(values.get(7)),
                number(values.get(8)).longValueExact()));
  }

  /** The nine values of {@code getConfig()}, in its order. */
  record Config(
      String publisher,
      String operator,
      int publisherCommissionBps,
      BigInteger minBetAmount,
      Duration bettingDuration,
      Duration minDrawDelayAfterEnd,
      Duration maxDrawDelayAfterEnd,
      Duration minEndTimeExtension,
      long minParticipants) {}

  static ViewCall<String> operator() {
    return addressView(LotteryBinding.FUNC_OPERATOR);
  }

  static ViewCall<String> pendingOperator() {
    return addressView(LotteryBinding.FUNC_PENDINGOPERATOR);
  }

  static ViewCall<BigInteger> uintView(String name, Type... arguments) {
    return new ViewCall<>(
        function(name, Arrays.asList(arguments), List.of(UINT)), values -> number(values.get(0)));
  }

  static ViewCall<Boolean> boolView(String name) {
    return new ViewCall<>(
        function(name, List.of(), List.of(BOOL)), values -> (Boolean) values.get(0).getValue());
  }

  private static ViewCall<String> addressView(String name) {
    return new ViewCall<>(
        function(name, List.of(), List.of(ADDRESS)), values -> address(values.get(0)));
  }

  private static <T> ViewCall<List<T>> pairs(
      String name, List<Type> inputs, BiFunction<String, BigInteger, T> pair) {
    return new ViewCall<>(
        function(name, inputs, List.of(ADDRESSES, UINTS)),
        values -> {
          List<?> addresses = (List<?>) values.get(0).getValue();
          List<?> numbers = (List<?>) values.get(1).getValue();
          if (addresses.size() != numbers.size()) {
            throw new IllegalArgumentException(name + " returned arrays of different lengths");
          }
          List<T> result = new ArrayList<>(addresses.size());
          for (int i = 0; i < addresses.size(); i++) {
            result.add(pair.apply(address((Type) addresses.get(i)), number((Type) numbers.get(i))));
          }
          return List.copyOf(result);
        });
  }

  private static Round round(List<Type> v) {
    return new Round(
        number(v.get(0)).longValueExact(),
        time(v.get(1)),
        time(v.get(2)),
        time(v.get(3)),
        time(v.get(4)),
        number(v.get(5)),
        number(v.get(6)).longValueExact(),
        address(v.get(7)),
        number(v.get(8)),
        number(v.get(9)),
        RoundState.fromOrdinal(number(v.get(10)).intValueExact()),
        Hex32.of((byte[]) v.get(11).getValue()),
        Hex32.of((byte[]) v.get(12).getValue()),
        number(v.get(13)).longValueExact(),
        seconds(v.get(14)),
        number(v.get(15)));
  }

  private static Function function(String name, List<Type> inputs, List<TypeReference<?>> outputs) {
    return new Function(name, inputs, outputs);
  }

  static BigInteger number(Type value) {
    return (BigInteger) value.getValue();
  }

  static String address(Type value) {
    return ((String) value.getValue()).toLowerCase(java.util.Locale.ROOT);
  }

  static Instant time(Type value) {
    return Instant.ofEpochSecond(number(value).longValueExact());
  }

  static Duration seconds(Type value) {
    return Duration.ofSeconds(number(value).longValueExact());
  }
}
