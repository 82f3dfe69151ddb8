package io.enclavelottery.enclave.signer;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.List;
import org.web3j.utils.Numeric;

/**
 * A call of an operator function decoded from a transaction's data: the function and its static
 * arguments as 256-bit words.
 *
 * @param function the function
 * @param arguments its arguments, one word each
 */
record OperatorCall(OperatorFunction function, List<BigInteger> arguments)
    implements SignedRequest {

  OperatorCall {
    arguments = List.copyOf(arguments);
  }

  @Override
  public String name() {
    return function.functionName();
  }

  /**
   * Decodes {@code data}, refusing an unknown selector and arguments that are not exactly the
   * function's words.
   */
  static OperatorCall decode(String data) {
    String hex = Numeric.cleanHexPrefix(data);
    if (hex.length() < 8) {
      throw SignerRefusal.forbidden(
          "the transaction calls no function; the signer signs only the lottery's operator calls");
    }
    OperatorFunction function =
        OperatorFunction.bySelector("0x" + hex.substring(0, 8))
            .orElseThrow(
                () ->
                    SignerRefusal.forbidden(
                        "selector 0x"
                            + hex.substring(0, 8)
                            + " is not one of the lottery's operator functions"));
    String words = hex.substring(8);
    if (words.length() != function.arguments() * 64) {
      throw SignerRefusal.forbidden(
          function.functionName()
              + " takes "
              + function.arguments()
              + " argument word(s), the data holds "
              + words.length() / 2
              + " bytes");
    }
    List<BigInteger> arguments = new ArrayList<>();
    for (int i = 0; i < function.arguments(); i++) {
      arguments.add(new BigInteger(words.substring(i * 64, (i + 1) * 64), 16));
    }
    if (function == OperatorFunction.SET_PAUSED && arguments.get(0).compareTo(BigInteger.ONE) > 0) {
      throw SignerRefusal.forbidden("setPaused takes a bool, 0 or 1");
    }
    if (function == OperatorFunction.EXTEND_BETTING_TIME && arguments.get(0).bitLength() > 40) {
      throw SignerRefusal.forbidden("extendBettingTime's end time is out of range");
    }
    return new OperatorCall(function, arguments);
  }
}
