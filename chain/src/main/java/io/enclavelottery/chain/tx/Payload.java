package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.contract.ContractCall;
import java.util.Objects;
import java.util.Optional;

/**
 * What one send carries: a prepared call the sender's {@link io.enclavelottery.chain.signer.Signer}
 * signs, or a transaction its signer builds itself (an enclave signer's commitment or draw, whose
 * seed the caller never sees before it is signed). Both go through one sender, so they share the
 * signer's nonces.
 */
public sealed interface Payload {

  /** The contract function, for logs. */
  String function();

  /** The call to simulate, replay and estimate: the call itself, or the stand-in if any. */
  Optional<ContractCall> simulated();

  /** Whether a stuck version may be replaced by an empty transfer that frees its nonce. */
  boolean cancellable();

  /** A call the sender's signer signs. */
  record Call(ContractCall call) implements Payload {
    public Call {
      Objects.requireNonNull(call, "call");
    }

    @Override
    public String function() {
      return call.function();
    }

    @Override
    public Optional<ContractCall> simulated() {
      return Optional.of(call);
    }

    @Override
    public boolean cancellable() {
      return true;
    }
  }

  /** A transaction its signer builds. */
  record SignerBuilt(SignerBuiltCall call) implements Payload {
    public SignerBuilt {
      Objects.requireNonNull(call, "call");
    }

    @Override
    public String function() {
      return call.function();
    }

    @Override
    public Optional<ContractCall> simulated() {
      return call.standIn();
    }

    @Override
    public boolean cancellable() {
      return false;
    }
  }
}
