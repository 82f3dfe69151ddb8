package io.enclavelottery.chain.tx;

import io.enclavelottery.chain.RpcException;
import io.enclavelottery.chain.contract.ContractCall;
import io.enclavelottery.chain.contract.RevertDecoder;
import io.enclavelottery.chain.contract.RevertReason;
import io.enclavelottery.chain.signer.SigningException;
import io.enclavelottery.chain.tx.TransactionRpc.CallOutcome;
import io.enclavelottery.chain.tx.TransactionRpc.CallRequest;
import io.enclavelottery.chain.tx.TransactionSubmitter.Submission;
import java.math.BigInteger;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.web3j.protocol.core.DefaultBlockParameter;
import org.web3j.protocol.core.DefaultBlockParameterName;
import org.web3j.protocol.core.methods.response.TransactionReceipt;

/**
 * Waits for one of a transaction's versions to be mined, replacing it with higher fees while it is
 * stuck, and with an empty transfer to itself once the precondition says it is no longer needed.
 */
final class ReceiptWatcher {

  private static final Logger LOG = LoggerFactory.getLogger(ReceiptWatcher.class);

  /** The gas of a plain transfer, the cancellation that frees a nonce. */
  private static final BigInteger TRANSFER_GAS = BigInteger.valueOf(21_000);

  private final TransactionRpc rpc;
  private final TransactionSubmitter submitter;
  private final FeeCalculator fees;
  private final RevertDecoder decoder;
  private final ReceiptPolicy policy;
  private final Clock clock;
  private final BlockWait blockWait;
  private final NonceSequence nonces;
  private final PendingTransactions pending;

  ReceiptWatcher(
      TransactionRpc rpc,
      TransactionSubmitter submitter,
      FeeCalculator fees,
      RevertDecoder decoder,
      ReceiptPolicy policy,
      Clock clock,
      BlockWait blockWait,
      NonceSequence nonces,
      PendingTransactions pending) {
    this.rpc = rpc;
    this.submitter = submitter;
    this.fees = fees;
    this.decoder = decoder;
    this.policy = policy;
    this.clock = clock;
    this.blockWait = blockWait;
    this.nonces = nonces;
    this.pending = pending;
  }

  SendResult await(InFlight flight, Precondition precondition) {
    pending.update(flight);
    try {
      return watch(flight, precondition);
    } finally {
      pending.settled(flight);
    }
  }

  private SendResult watch(InFlight flight, Precondition precondition) {
    Instant giveUpAt = flight.firstSentAt().plus(policy.giveUpAfter());
    while (true) {
      Optional<SendResult> settled;
      try {
        settled = settle(flight, precondition, giveUpAt);
      } catch (RpcException | SigningException e) {
        // a passing fault of the node or the signer: the transaction is out there, keep watching
        LOG.warn(
            "while watching {} (nonce {}): {}", flight.function(), flight.nonce(), e.getMessage());
        settled = Optional.empty();
        if (!clock.instant().isBefore(giveUpAt)) {
          return new SendResult.StillPending(flight.view(), "the node failed: " + e.getMessage());
        }
      }
      if (settled.isPresent()) {
        return settled.get();
      }
      try {
        blockWait.awaitNextBlock(policy.pollInterval());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return new SendResult.StillPending(flight.view(), "interrupted while waiting");
      }
    }
  }

  /** One round of checks: the outcome if there is one now, after replacing a stuck version. */
  private Optional<SendResult> settle(
      InFlight flight, Precondition precondition, Instant giveUpAt) {
    Optional<SendResult> mined = minedVersion(flight);
    if (mined.isPresent()) {
      return mined;
    }
    if (nonceTakenElsewhere(flight)) {
      // a version may have been mined between the two reads
      mined = minedVersion(flight);
      if (mined.isPresent()) {
        return mined;
      }
      nonces.resync();
      return Optional.of(
          new SendResult.Failed(
              flight.function(),
              "nonce "
                  + flight.nonce()
                  + " was used by another transaction from "
                  + flight.from()
                  + " (another process shares the key?); nothing of this call was mined"));
    }
    Instant now = clock.instant();
    if (!now.isBefore(giveUpAt)) {
      return Optional.of(
          new SendResult.StillPending(
              flight.view(),
              "no receipt "
                  + policy.giveUpAfter().toSeconds()
                  + " s after the first send"
                  + flight.blockedBy().map(reason -> "; " + reason).orElse("")));
    }
    if (isStuck(flight, now)) {
      flight.postpone(now); // a failed replacement is retried a full period later
      replace(flight, precondition);
      pending.update(flight);
    }
    return Optional.empty();
  }

  private boolean isStuck(InFlight flight, Instant now) {
    return flight.blockedBy().isEmpty()
        && flight.replacementsTried() < policy.maxReplacements()
        && Duration.between(flight.lastSentAt(), now).compareTo(policy.replaceAfter()) >= 0;
  }

  private Optional<SendResult> minedVersion(InFlight flight) {
    for (InFlight.Version version : flight.versionsNewestFirst()) {
      Optional<TransactionReceipt> receipt = rpc.receipt(version.hash());
      if (receipt.isPresent()) {
        return Optional.of(outcome(flight, version, receipt.get()));
      }
    }
    return Optional.empty();
  }

  private SendResult outcome(
      InFlight flight, InFlight.Version version, TransactionReceipt receipt) {
    SentTransaction sent = flight.view(version);
    if (version.cancelling()) {
      LOG.info("{} cancelled: nonce {} freed by {}", sent.function(), sent.nonce(), sent.hash());
      return new SendResult.Cancelled(sent, receipt);
    }
    if (receipt.isStatusOK()) {
      LOG.info(
          "{} mined in block {} as {} (nonce {}, {} replacements)",
          sent.function(),
          receipt.getBlockNumber(),
          sent.hash(),
          sent.nonce(),
          sent.replacements());
      return new SendResult.Mined(sent, receipt);
    }
    Optional<RevertReason> reason = replayRevert(flight, receipt);
    LOG.warn(
        "{} reverted in block {} as {}: {}",
        sent.function(),
        receipt.getBlockNumber(),
        sent.hash(),
        reason.map(RevertReason::describe).orElse("reason unknown"));
    return new SendResult.Reverted(sent, receipt, reason);
  }

  /** Replays the call on the state before the block, the nearest to what it met. */
  private Optional<RevertReason> replayRevert(InFlight flight, TransactionReceipt receipt) {
    Optional<ContractCall> replayed = flight.payload().simulated();
    if (replayed.isEmpty()) {
      return Optional.empty();
    }
    try {
      BigInteger parent = receipt.getBlockNumber().subtract(BigInteger.ONE).max(BigInteger.ZERO);
      CallOutcome replay =
          rpc.call(
              new CallRequest(
                  flight.from(),
                  replayed.get().to(),
                  replayed.get().value(),
                  replayed.get().data()),
              DefaultBlockParameter.valueOf(parent));
      return replay instanceof CallOutcome.Reverted reverted
          ? Optional.of(decoder.decode(reverted.data()))
          : Optional.empty();
    } catch (RpcException e) {
      return Optional.empty();
    }
  }

  /** The account's mined nonce passed ours, yet none of our versions has a receipt. */
  private boolean nonceTakenElsewhere(InFlight flight) {
    BigInteger mined = rpc.transactionCount(flight.from(), DefaultBlockParameterName.LATEST);
    return mined.compareTo(flight.nonce()) > 0;
  }

  private void replace(InFlight flight, Precondition precondition) {
    Instant now = clock.instant();
    boolean cancel = flight.cancelling();
    // a signer-built payload is the only one its nonce may carry: it is replaced as it is, and
    // mined (or reverted) even when no longer needed, which frees the nonce all the same
    if (!cancel && flight.payload().cancellable()) {
      try {
        cancel = !precondition.stillNeeded();
      } catch (RuntimeException e) {
        LOG.warn(
            "could not tell whether {} is still needed ({}); replacement postponed",
            flight.function(),
            e.getMessage());
        flight.postpone(now);
        return;
      }
    }
    FeeBump bump = fees.bump(flight.lastTriedFees(), rpc.baseFee(), rpc.maxPriorityFee());
    if (bump instanceof FeeBump.BlockedByCap blocked) {
      LOG.warn("{} (nonce {}) is stuck: {}", flight.function(), flight.nonce(), blocked.describe());
      flight.block(blocked.describe());
      return;
    }
    Fees bumped = ((FeeBump.Bumped) bump).fees();
    if (cancel && !flight.cancelling()) {
      LOG.info(
          "{} (nonce {}) is no longer needed; replacing it with an empty transfer",
          flight.function(),
          flight.nonce());
    }
    BigInteger gasLimit = cancel ? TRANSFER_GAS : flight.view().gasLimit();
    Submission submission =
        cancel
            ? submitter.cancel(flight.nonce(), gasLimit, flight.from(), bumped)
            : submitter.submit(flight.nonce(), gasLimit, flight.payload(), bumped);
    if (submission instanceof Submission.Sent sent) {
      flight.accepted(new InFlight.Version(sent.hash(), bumped, gasLimit, cancel, now));
      LOG.info(
          "{} (nonce {}) stuck; replaced by {} with {}",
          flight.function(),
          flight.nonce(),
          sent.hash(),
          bumped);
      return;
    }
    Submission.Refused refused = (Submission.Refused) submission;
    // nonce too low: a version (or someone else's transaction) was mined; the next poll tells which
    LOG.info(
        "replacement of {} (nonce {}) refused: {}",
        flight.function(),
        flight.nonce(),
        refused.message());
    flight.tried(bumped, now);
  }
}
