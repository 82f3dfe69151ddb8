package io.enclavelottery.chain.tx;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.util.Arrays;
import java.util.List;
import org.web3j.protocol.Web3jService;
import org.web3j.protocol.core.Request;
import org.web3j.protocol.core.Response;
import org.web3j.utils.Numeric;

/** Anvil's own JSON-RPC methods, for steering a test chain. */
final class AnvilControl {

  /** A response whose result is ignored. */
  static final class AnyResponse extends Response<Object> {}

  private final Web3jService service;

  AnvilControl(Web3jService service) {
    this.service = service;
  }

  void setAutomine(boolean on) {
    call("evm_setAutomine", on);
  }

  void mine() {
    call("evm_mine");
  }

  void setNonce(String address, BigInteger nonce) {
    call("anvil_setNonce", address, Numeric.toHexStringWithPrefix(nonce));
  }

  void setNextBlockBaseFee(BigInteger wei) {
    call("anvil_setNextBlockBaseFeePerGas", Numeric.toHexStringWithPrefix(wei));
  }

  void setCode(String address, String code) {
    call("anvil_setCode", address, code);
  }

  void dropAllTransactions() {
    call("anvil_dropAllTransactions");
  }

  Object call(String method, Object... params) {
    try {
      AnyResponse response =
          new Request<>(method, Arrays.asList(params), service, AnyResponse.class).send();
      if (response.hasError()) {
        throw new IllegalStateException(method + " failed: " + response.getError().getMessage());
      }
      return response.getResult();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<Object> params(Object... values) {
    return List.of(values);
  }
}
