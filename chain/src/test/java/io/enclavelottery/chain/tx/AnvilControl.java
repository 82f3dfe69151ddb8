package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.devnet.LocalAnvil;
import java.math.BigInteger;
import org.web3j.utils.Numeric;

/** Anvil's own JSON-RPC methods, for steering a test chain. */
final class AnvilControl {

  private final LocalAnvil anvil;

  AnvilControl(LocalAnvil anvil) {
    this.anvil = anvil;
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

  private void call(String method, Object... params) {
    anvil.rpc(method, params);
  }
}
