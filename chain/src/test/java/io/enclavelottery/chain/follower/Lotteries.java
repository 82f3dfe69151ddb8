package io.enclavelottery.chain.follower;

import io.enclavelottery.chain.events.BetPlaced;
import io.enclavelottery.chain.events.LotteryEventDecoder;
import io.enclavelottery.chain.generated.LotteryBinding;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.datatypes.Address;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.generated.Uint256;
import org.web3j.utils.Numeric;

/**
 * Real Lottery contracts on a {@link DevChain}: deployed from dev account 0 with account 1 as
 * operator, 5 % commission, no reveal penalty and a 60 s operator change delay. A test tells its
 * bets apart by amount: bet {@code tag} is the minimum bet plus {@code tag} wei.
 */
final class Lotteries {

  static final BigInteger MIN_BET = BigInteger.TEN.pow(15);

  private static final String PLACE_BET =
      FunctionEncoder.encode(new Function("placeBet", List.of(), List.of()));

  private Lotteries() {}

  /** Deploys {@code count} lotteries and returns their addresses, lower-case. */
  static List<String> deploy(DevChain chain, int count) {
    // the generated BINARY can carry the BIN file's trailing newline
    String binary = LotteryBinding.BINARY.strip();
    String constructor =
        FunctionEncoder.encodeConstructor(
            List.of(
                new Address(chain.account(1)), new Uint256(500), new Uint256(0), new Uint256(60)));
    Map<String, Object> deployment =
        Map.of(
            "from", chain.account(0), "data", "0x" + Numeric.cleanHexPrefix(binary) + constructor);
    List<String> addresses = new ArrayList<>();
    for (Map<?, ?> receipt : chain.sendAllAndWait(Collections.nCopies(count, deployment))) {
      addresses.add(((String) receipt.get("contractAddress")).toLowerCase(Locale.ROOT));
    }
    return addresses;
  }

  /** A transaction from {@code player} that bets {@code MIN_BET + tag} wei on {@code lottery}. */
  static Map<String, Object> bet(String player, String lottery, long tag) {
    return Map.of(
        "from",
        player,
        "to",
        lottery,
        "value",
        Numeric.encodeQuantity(MIN_BET.add(BigInteger.valueOf(tag))),
        "data",
        PLACE_BET,
        "gas",
        "0x80000");
  }

  /** The tag of a BetPlaced log, decoded by the events package; empty for other events. */
  static Optional<Long> tag(ChainLog log) {
    return LotteryEventDecoder.decode(log.toWeb3jLog())
        .filter(BetPlaced.class::isInstance)
        .map(BetPlaced.class::cast)
        .map(bet -> bet.amount().subtract(MIN_BET).longValueExact());
  }
}
