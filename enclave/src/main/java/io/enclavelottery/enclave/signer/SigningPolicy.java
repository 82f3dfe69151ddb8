package io.enclavelottery.enclave.signer;

import io.enclavelottery.chain.tx.Fees;
import java.util.Objects;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.utils.Numeric;

/**
 * Decides whether {@code POST /sign} signs a transaction. It signs only the operator's remaining
 * calls of the configured contract on the configured chain, with no value and fees under the caps,
 * and plain transfers of ether to the payout address fixed at start (if any); never {@code
 * commitSeed} or {@code drawWinner} (the signer builds those itself); never a second payload for a
 * nonce; and no refund or extension while the latest committed round's seed is out and no new round
 * has been started. Every refusal says why.
 */
final class SigningPolicy {

  private final SignerSettings settings;
  private final RoundSeeds seeds;
  private final NonceLedger nonces;

  SigningPolicy(SignerSettings settings, RoundSeeds seeds, NonceLedger nonces) {
    this.settings = Objects.requireNonNull(settings, "settings");
    this.seeds = Objects.requireNonNull(seeds, "seeds");
    this.nonces = Objects.requireNonNull(nonces, "nonces");
  }

  /** What {@code transaction} does, when the policy allows it; refused otherwise. */
  SignedRequest check(RawTransaction transaction) {
    Transaction1559 tx = (Transaction1559) transaction.getTransaction();
    if (tx.getChainId() != settings.chainId()) {
      throw SignerRefusal.forbidden(
          "the transaction is for chain "
              + tx.getChainId()
              + "; this signer signs only for chain "
              + settings.chainId());
    }
    String to = tx.getTo() == null ? "" : Numeric.cleanHexPrefix(tx.getTo());
    if (settings.payoutAddress().filter(("0x" + to)::equalsIgnoreCase).isPresent()) {
      return payout(tx);
    }
    if (!("0x" + to).equalsIgnoreCase(settings.contract())) {
      throw SignerRefusal.forbidden(
          "the transaction is addressed to "
              + (to.isEmpty() ? "no one (a deployment)" : "0x" + to)
              + "; this signer signs only calls to "
              + settings.contract());
    }
    if (tx.getValue().signum() != 0) {
      throw SignerRefusal.forbidden(
          "the transaction sends " + tx.getValue() + " wei; the signer signs only zero value");
    }
    settings.feeCaps().check(terms(tx));
    OperatorCall call = OperatorCall.decode(tx.getData());
    if (!call.function().signedOnRequest()) {
      throw SignerRefusal.forbidden(
          call.function().functionName()
              + " is never signed through /sign: the signer builds it itself (/commit, /draw)");
    }
    if (call.function() == OperatorFunction.REFUND_ROUND
        || call.function() == OperatorFunction.EXTEND_BETTING_TIME) {
      seeds.checkRoundStillOpen(call.function().functionName());
    }
    nonces.check(
        tx.getNonce(), tx.getTo(), tx.getValue(), tx.getData(), call.function().functionName());
    return call;
  }

  private SignedRequest.Payout payout(Transaction1559 tx) {
    if (!Numeric.cleanHexPrefix(tx.getData() == null ? "" : tx.getData()).isEmpty()) {
      throw SignerRefusal.forbidden(
          "a transaction to the payout address carries no call data; the signer sends it only"
              + " ether");
    }
    if (tx.getValue().signum() <= 0) {
      throw SignerRefusal.forbidden("a payout sends some ether, not " + tx.getValue() + " wei");
    }
    settings.feeCaps().check(terms(tx));
    SignedRequest.Payout payout = new SignedRequest.Payout(tx.getValue());
    nonces.check(tx.getNonce(), tx.getTo(), tx.getValue(), tx.getData(), payout.name());
    return payout;
  }

  private static TransactionTerms terms(Transaction1559 tx) {
    if (tx.getMaxPriorityFeePerGas().compareTo(tx.getMaxFeePerGas()) > 0) {
      throw SignerRefusal.forbidden("maxPriorityFeePerGas is above maxFeePerGas");
    }
    if (tx.getGasLimit().signum() <= 0) {
      throw SignerRefusal.forbidden("the gas limit must be positive");
    }
    return new TransactionTerms(
        tx.getNonce(),
        tx.getGasLimit(),
        new Fees(tx.getMaxFeePerGas(), tx.getMaxPriorityFeePerGas()));
  }
}
