package io.enclavelottery.chain.events;

import io.enclavelottery.chain.contract.Hex32;
import io.enclavelottery.chain.contract.RoundState;
import java.math.BigInteger;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.web3j.abi.datatypes.Type;

/**
 * The parameters of one decoded log in declaration order (indexed and not), with conversions to the
 * units of the event records.
 */
@SuppressWarnings("rawtypes")
record LogValues(EventPosition position, List<Type> values) {

  BigInteger wei(int index) {
    return (BigInteger) values.get(index).getValue();
  }

  long count(int index) {
    return wei(index).longValueExact();
  }

  Instant time(int index) {
    return Instant.ofEpochSecond(count(index));
  }

  Duration seconds(int index) {
    return Duration.ofSeconds(count(index));
  }

  String address(int index) {
    return ((String) values.get(index).getValue()).toLowerCase(Locale.ROOT);
  }

  Hex32 bytes32(int index) {
    return Hex32.of((byte[]) values.get(index).getValue());
  }

  Hex32 uintAsBytes32(int index) {
    return Hex32.of(wei(index));
  }

  RoundState state(int index) {
    return RoundState.fromOrdinal(wei(index).intValueExact());
  }

  boolean bool(int index) {
    return (Boolean) values.get(index).getValue();
  }

  String text(int index) {
    return (String) values.get(index).getValue();
  }
}
