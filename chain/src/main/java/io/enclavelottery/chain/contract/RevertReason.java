package io.enclavelottery.chain.contract;

import java.math.BigInteger;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/** Why a call reverted, decoded from its revert data by {@link RevertDecoder}. */
public sealed interface RevertReason {

  /** A short sentence for logs, status and Kubernetes Events. */
  String describe();

  /**
   * A custom error of the contract, e.g. {@code BetTooSmall(100, 1000)}.
   *
   * @param name the error's name as declared in Solidity
   * @param arguments decoded values: {@link BigInteger} for integers (enums too), {@code 0x}
   *     strings for addresses and bytes, {@link Boolean}, {@link String} and lists of these
   */
  record CustomError(String name, List<Object> arguments) implements RevertReason {

    public CustomError {
      Objects.requireNonNull(name, "name");
      arguments = List.copyOf(arguments);
    }

    @Override
    public String describe() {
      return name
          + arguments.stream().map(String::valueOf).collect(Collectors.joining(", ", "(", ")"));
    }
  }

  /** {@code revert("…")} / {@code require(…, "…")}: Solidity's {@code Error(string)}. */
  record ErrorMessage(String message) implements RevertReason {

    public ErrorMessage {
      Objects.requireNonNull(message, "message");
    }

    @Override
    public String describe() {
      return "Error(\"" + message + "\")";
    }
  }

  /** A failed assertion, overflow, division by zero…: Solidity's {@code Panic(uint256)}. */
  record Panic(BigInteger code) implements RevertReason {

    private static final Map<Integer, String> MEANINGS =
        Map.of(
            0x01, "assertion failed",
            0x11, "arithmetic overflow or underflow",
            0x12, "division or modulo by zero",
            0x21, "invalid enum value",
            0x22, "invalid storage byte array",
            0x31, "pop on an empty array",
            0x32, "array index out of bounds",
            0x41, "out of memory",
            0x51, "call to an uninitialised function");

    public Panic {
      Objects.requireNonNull(code, "code");
    }

    /** What the code means, or "unknown panic". */
    public String meaning() {
      return code.bitLength() < 31
          ? MEANINGS.getOrDefault(code.intValue(), "unknown panic")
          : "unknown panic";
    }

    @Override
    public String describe() {
      return "Panic(0x" + code.toString(16) + ": " + meaning() + ")";
    }
  }

  /**
   * Revert data this decoder does not know (an error of another contract, a bare {@code revert()}
   * gives {@code 0x}).
   */
  record Undecoded(String data) implements RevertReason {

    public Undecoded {
      Objects.requireNonNull(data, "data");
    }

    @Override
    public String describe() {
      return data.isEmpty() || data.equals("0x")
          ? "reverted without a reason"
          : "reverted with unknown data "
              + (data.length() > 74 ? data.substring(0, 74) + "…" : data);
    }
  }
}
