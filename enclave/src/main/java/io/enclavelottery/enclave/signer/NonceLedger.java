package io.enclavelottery.enclave.signer;

import java.math.BigInteger;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.web3j.crypto.Hash;
import org.web3j.utils.Numeric;

/**
 * The payload signed at each nonce. Two different transactions at one nonce would let the host pick
 * which one the chain sees after reading both (a draw, then a refund instead); so a nonce carries
 * one payload ({@code to}, {@code data}, {@code value}) for good. The same payload again — a retry,
 * or a replacement with higher fees — is signed. Kept in memory with the seeds.
 */
final class NonceLedger {

  /** What was signed at a nonce: the payload's digest and, for messages, the function's name. */
  private record Entry(String payloadDigest, String function) {}

  private final Map<BigInteger, Entry> signed = new HashMap<>();

  /** Refuses when {@code nonce} already carries another payload. */
  void check(BigInteger nonce, String to, BigInteger value, String data, String function) {
    Entry previous = signed.get(nonce);
    if (previous != null && !previous.payloadDigest().equals(digest(to, value, data))) {
      throw SignerRefusal.forbidden(
          "nonce "
              + nonce
              + " was already signed for another payload ("
              + previous.function()
              + "); only the same call can be signed again at that nonce");
    }
  }

  /** Records that {@code nonce} carries this payload (after {@link #check}). */
  void record(BigInteger nonce, String to, BigInteger value, String data, String function) {
    signed.putIfAbsent(nonce, new Entry(digest(to, value, data), function));
  }

  /** {@link #check} and {@link #record} in one. */
  void claim(BigInteger nonce, String to, BigInteger value, String data, String function) {
    check(nonce, to, value, data, function);
    record(nonce, to, value, data, function);
  }

  private static String digest(String to, BigInteger value, String data) {
    String canonical =
        to.toLowerCase(Locale.ROOT)
            + "|"
            + value
            + "|"
            + Numeric.cleanHexPrefix(data).toLowerCase(Locale.ROOT);
    return Hash.sha3String(canonical);
  }
}
