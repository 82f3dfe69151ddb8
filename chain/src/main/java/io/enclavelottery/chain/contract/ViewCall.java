package io.enclavelottery.chain.contract;

import java.util.List;
import org.web3j.abi.FunctionEncoder;
import org.web3j.abi.FunctionReturnDecoder;
import org.web3j.abi.datatypes.Function;
import org.web3j.abi.datatypes.Type;

/**
 * One view function of the lottery, ready to be sent as {@code eth_call}: its encoded call and how
 * its answer becomes a Java value.
 */
record ViewCall<T>(Function function, Decoder<T> decoder) {

  /** Turns the decoded ABI values of an answer into the Java value. */
  @FunctionalInterface
  interface Decoder<T> {
    @SuppressWarnings("rawtypes")
    T decode(List<Type> values);
  }

  /** The same call with its value converted further. */
  <R> ViewCall<R> map(java.util.function.Function<? super T, ? extends R> conversion) {
    return new ViewCall<>(function, values -> conversion.apply(decoder.decode(values)));
  }

  String name() {
    return function.getName();
  }

  String encodedCall() {
    return FunctionEncoder.encode(function);
  }

  /**
   * Decodes the hex an {@code eth_call} returned.
   *
   * @throws IllegalArgumentException when the answer does not have the function's shape (for
   *     example {@code 0x} from an address without code)
   */
  @SuppressWarnings("rawtypes")
  T decode(String answer) {
    List<Type> values = FunctionReturnDecoder.decode(answer, function.getOutputParameters());
    if (values.size() != function.getOutputParameters().size()) {
      throw new IllegalArgumentException(
          "the answer has "
              + values.size()
              + " values, "
              + name()
              + " returns "
              + function.getOutputParameters().size());
    }
    return decoder.decode(values);
  }
}
