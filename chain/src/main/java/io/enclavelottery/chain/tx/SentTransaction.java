package io.enclavelottery.chain.tx;

import java.math.BigInteger;
import java.time.Instant;

/**
 * A transaction as the sender last sent it: what {@link TransactionSender#pending()} lists and what
 * results carry. Holds no call data (it may contain a seed before its reveal).
 *
 * @param hash the hash of the last accepted version (or of the mined one, in a result)
 * @param function the contract function it calls
 * @param from the signer's address
 * @param nonce the nonce every version shares
 * @param fees the fees of that version
 * @param gasLimit its gas limit
 * @param sentAt when the first version was sent
 * @param lastSentAt when the last version was sent
 * @param replacements how many replacements were accepted by the node
 * @param cancelling whether this version is an empty transfer to itself that frees the nonce,
 *     because the call was no longer needed while it was pending
 */
public record SentTransaction(
    String hash,
    String function,
    String from,
    BigInteger nonce,
    Fees fees,
    BigInteger gasLimit,
    Instant sentAt,
    Instant lastSentAt,
    int replacements,
    boolean cancelling) {}
