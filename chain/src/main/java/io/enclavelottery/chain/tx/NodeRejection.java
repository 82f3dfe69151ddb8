package io.enclavelottery.chain.tx;

import java.util.Locale;

/**
 * Why a node refused a raw transaction, read from its error message. The words are Geth's, which
 * Anvil, Reth, Nethermind and Besu repeat or paraphrase; anything unrecognised is {@link #OTHER}.
 */
public enum NodeRejection {
  /** The nonce was already used by a mined transaction. */
  NONCE_TOO_LOW,
  /** The identical transaction is already in the pool: it was sent before. */
  ALREADY_KNOWN,
  /** Another transaction with this nonce is pending and this one does not pay enough more. */
  REPLACEMENT_UNDERPRICED,
  /** The nonce leaves a gap the node will not queue. */
  NONCE_TOO_HIGH,
  /** Anything else: funds, gas, fee below the node's minimum, malformed… */
  OTHER;

  /** Classifies a node's error message. */
  public static NodeRejection classify(String message) {
    // Besu writes its reasons as constants (NONCE_TOO_LOW): compare in words
    String text = message == null ? "" : message.toLowerCase(Locale.ROOT).replace('_', ' ');
    if (text.contains("nonce too low")
        || text.contains("nonce has already been used")
        || text.contains("oldnonce")
        || text.contains("nonce is too low")) {
      return NONCE_TOO_LOW;
    }
    if (text.contains("already known")
        || text.contains("already imported")
        || text.contains("known transaction")
        || text.contains("already exists")) {
      return ALREADY_KNOWN;
    }
    if (text.contains("replacement transaction underpriced")
        || text.contains("replacement underpriced")
        || text.contains("replacement fee too low")) {
      return REPLACEMENT_UNDERPRICED;
    }
    if (text.contains("nonce too high") || text.contains("nonce is too high")) {
      return NONCE_TOO_HIGH;
    }
    return OTHER;
  }

  /** Whether the sender's nonce sequence should be read again from the chain. */
  public boolean isNonceProblem() {
    return this != OTHER;
  }
}
