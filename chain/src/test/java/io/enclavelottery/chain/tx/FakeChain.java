package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.web3j.crypto.Hash;
import org.web3j.crypto.RawTransaction;
import org.web3j.crypto.SignedRawTransaction;
import org.web3j.crypto.TransactionDecoder;
import org.web3j.crypto.transaction.type.Transaction1559;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;
import org.web3j.utils.Numeric;

/**
 * A one-account chain in memory, enough for the sender: a pool keyed by nonce with Geth's 10 %
 * replacement rule, blocks mined on demand (or at once with {@link #automine}), scripted call
 * outcomes and node refusals.
 */
class FakeChain implements TransactionRpc {

  static final long CHAIN_ID = 31337;

  /** A transaction the node accepted. */
  record Accepted(String hash, String from, SignedRawTransaction raw) {
    BigInteger nonce() {
      return raw.getNonce();
    }

    Fees fees() {
      Transaction1559 tx = (Transaction1559) raw.getTransaction();
      return new Fees(tx.getMaxFeePerGas(), tx.getMaxPriorityFeePerGas());
    }
  }

  BigInteger baseFee = gwei(1);
  Optional<BigInteger> suggestedTip = Optional.of(gwei(1));
  CallOutcome callOutcome = new CallOutcome.Returned("0x");
  GasEstimate gasEstimate = new GasEstimate.Estimated(BigInteger.valueOf(100_000));

  /** Outcome of replaying a mined, reverted call. */
  CallOutcome replayOutcome = new CallOutcome.Returned("0x");

  boolean automine;
  boolean revertOnMine;
  BigInteger minedNonce = BigInteger.ZERO;

  final Deque<String> scriptedRefusals = new ArrayDeque<>();
  final List<Accepted> accepted = new ArrayList<>();
  final List<String> refusals = new ArrayList<>();
  final TreeMap<BigInteger, Accepted> pool = new TreeMap<>();
  final Map<String, TransactionReceipt> receipts = new HashMap<>();
  int calls;
  int pendingCountReads;
  private long blockNumber = 1;

  static BigInteger gwei(long gwei) {
    return BigInteger.valueOf(gwei).multiply(BigInteger.TEN.pow(9));
  }

  @Override
  public long chainId() {
    return CHAIN_ID;
  }

  @Override
  public synchronized BigInteger transactionCount(String address, DefaultBlockParameter block) {
    if (block == DefaultBlockParameterName.PENDING) {
      pendingCountReads++;
      BigInteger next = minedNonce;
      while (pool.containsKey(next)) {
        next = next.add(BigInteger.ONE);
      }
      return next;
    }
    return minedNonce;
  }

  @Override
  public synchronized BigInteger baseFee() {
    return baseFee;
  }

  @Override
  public synchronized Optional<BigInteger> maxPriorityFee() {
    return suggestedTip;
  }

  @Override
  public synchronized CallOutcome call(CallRequest request, DefaultBlockParameter block) {
    calls++;
    return block == DefaultBlockParameterName.PENDING ? callOutcome : replayOutcome;
  }

  @Override
  public synchronized GasEstimate estimateGas(CallRequest request) {
    return gasEstimate;
  }

  @Override
  public synchronized SubmitOutcome sendRawTransaction(String signedTransactionHex) {
    if (!scriptedRefusals.isEmpty()) {
      return refuse(scriptedRefusals.poll());
    }
    SignedRawTransaction raw =
        (SignedRawTransaction) TransactionDecoder.decode(signedTransactionHex);
    String hash = Hash.sha3(signedTransactionHex);
    Accepted tx;
    try {
      tx = new Accepted(hash, raw.getFrom(), raw);
    } catch (java.security.SignatureException e) {
      throw new IllegalStateException(e);
    }
    if (tx.nonce().compareTo(minedNonce) < 0) {
      return refuse("nonce too low");
    }
    Accepted existing = pool.get(tx.nonce());
    if (existing != null) {
      if (existing.hash().equals(hash)) {
        return refuse("already known");
      }
      if (!beatsByTenPercent(tx.fees(), existing.fees())) {
        return refuse("replacement transaction underpriced");
      }
    }
    pool.put(tx.nonce(), tx);
    accepted.add(tx);
    if (automine) {
      mine();
    }
    return new SubmitOutcome.Accepted(hash);
  }

  @Override
  public synchronized Optional<TransactionReceipt> receipt(String transactionHash) {
    return Optional.ofNullable(receipts.get(transactionHash));
  }

  /** Mines every pooled transaction that pays the base fee, in nonce order. */
  synchronized void mine() {
    blockNumber++;
    while (pool.containsKey(minedNonce)
        && pool.get(minedNonce).fees().maxFeePerGas().compareTo(baseFee) >= 0) {
      Accepted tx = pool.remove(minedNonce);
      TransactionReceipt receipt = new TransactionReceipt();
      receipt.setTransactionHash(tx.hash());
      receipt.setBlockNumber(Numeric.toHexStringWithPrefix(BigInteger.valueOf(blockNumber)));
      receipt.setStatus(revertOnMine && !isTransfer(tx) ? "0x0" : "0x1");
      receipt.setFrom(tx.from());
      receipt.setTo(tx.raw().getTo());
      receipts.put(tx.hash(), receipt);
      minedNonce = minedNonce.add(BigInteger.ONE);
    }
  }

  /** Someone else's transaction from the same account takes the next nonce and is mined. */
  synchronized void outOfBandTransactionMined() {
    pool.remove(minedNonce);
    minedNonce = minedNonce.add(BigInteger.ONE);
  }

  synchronized RawTransaction lastAccepted() {
    return accepted.get(accepted.size() - 1).raw();
  }

  private static boolean isTransfer(Accepted tx) {
    return tx.raw().getData() == null || Numeric.cleanHexPrefix(tx.raw().getData()).isEmpty();
  }

  private SubmitOutcome refuse(String message) {
    refusals.add(message);
    return new SubmitOutcome.Rejected(message);
  }

  private static boolean beatsByTenPercent(Fees replacement, Fees stuck) {
    return tenPercentAbove(replacement.maxFeePerGas(), stuck.maxFeePerGas())
        && tenPercentAbove(replacement.maxPriorityFeePerGas(), stuck.maxPriorityFeePerGas());
  }

  private static boolean tenPercentAbove(BigInteger candidate, BigInteger old) {
    return candidate
            .multiply(BigInteger.valueOf(100))
            .compareTo(old.multiply(BigInteger.valueOf(110)))
        >= 0;
  }
}
