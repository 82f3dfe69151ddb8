package io.enclavelottery.chain.signer;

import com.fasterxml.jackson.annotation.JsonValue;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Draw seeds for a local signer, derived from its key so that a restarted operator can still reveal
 * what it committed — nothing is stored.
 *
 * <p>{@code seed = HMAC-SHA256(key = the 32 private-key bytes, message = "enclave-lottery/seed/v1"
 * ‖ abi.encode(uint256 chainId, address lottery, uint256 roundId))}. The prefix separates these
 * MACs from any other use of the key; the chain, the contract and the round make every seed
 * distinct.
 *
 * <p><b>Trust:</b> whoever holds the key can compute every seed in advance, and so the winner of
 * every round once its bets are in. Local mode therefore trusts the operator; the enclave signer,
 * which generates seeds inside and never releases them early, does not.
 */
public final class LocalSeedDerivation {

  /** Domain-separation prefix of the HMAC message; change the version to change the scheme. */
  public static final String DOMAIN = "enclave-lottery/seed/v1";

  private static final String HMAC = "HmacSHA256";

  private final SigningKey key;

  public LocalSeedDerivation(SigningKey key) {
    this.key = Objects.requireNonNull(key, "key");
  }

  /**
   * The seed of {@code roundId} of the lottery at {@code lotteryAddress} on chain {@code chainId}.
   */
  public DrawSeed seedFor(long chainId, String lotteryAddress, BigInteger roundId) {
    if (chainId <= 0) {
      throw new IllegalArgumentException("chain id must be positive: " + chainId);
    }
    byte[] message =
        AbiWords.concat(
            DOMAIN.getBytes(StandardCharsets.US_ASCII),
            AbiWords.uint256(BigInteger.valueOf(chainId)),
            AbiWords.address(lotteryAddress),
            AbiWords.uint256(roundId));
    byte[] secret = key.secretBytes();
    try {
      Mac mac = Mac.getInstance(HMAC);
      mac.init(new SecretKeySpec(secret, HMAC));
      return DrawSeed.of(mac.doFinal(message));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HMAC-SHA256 is not available in this JVM", e);
    } finally {
      Arrays.fill(secret, (byte) 0);
    }
  }

  @JsonValue
  @Override
  public String toString() {
    return "LocalSeedDerivation[address=" + key.address() + "]";
  }
}
