package io.enclavelottery.enclave.signer;

import java.time.Duration;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * What one signer serves and how strictly: the only chain and contract it signs for, its fee caps
 * and the margin its clock must pass a round's end time by before the seed is released.
 *
 * @param chainId the only chain id it signs for
 * @param contract the only contract it signs calls to (stored lower-case)
 * @param feeCaps the most a transaction may cost
 * @param releaseMargin how far past a round's end (by the signer's own clock) a seed is released;
 *     it covers a chain whose block times lag the signer's clock
 * @param payoutAddress where the operator account's ether may be sent (stored lower-case): fixed
 *     when the signer starts and attested, so a key nobody can read does not lock the withdrawn
 *     bond and the gas money in its account; absent, the signer sends ether nowhere
 */
public record SignerSettings(
    long chainId,
    String contract,
    FeeCaps feeCaps,
    Duration releaseMargin,
    Optional<String> payoutAddress) {

  public SignerSettings {
    if (chainId <= 0) {
      throw new IllegalArgumentException("the chain id must be positive");
    }
    Objects.requireNonNull(contract, "contract");
    if (!contract.matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("the contract address must be 0x and 40 hex digits");
    }
    contract = contract.toLowerCase(Locale.ROOT);
    Objects.requireNonNull(feeCaps, "feeCaps");
    Objects.requireNonNull(releaseMargin, "releaseMargin");
    if (releaseMargin.isNegative()) {
      throw new IllegalArgumentException("the release margin must not be negative");
    }
    Objects.requireNonNull(payoutAddress, "payoutAddress");
    if (payoutAddress.isPresent() && !payoutAddress.get().matches("0x[0-9a-fA-F]{40}")) {
      throw new IllegalArgumentException("the payout address must be 0x and 40 hex digits");
    }
    payoutAddress = payoutAddress.map(address -> address.toLowerCase(Locale.ROOT));
  }

  /** Settings with no payout address: the signer sends ether nowhere. */
  public SignerSettings(long chainId, String contract, FeeCaps feeCaps, Duration releaseMargin) {
    this(chainId, contract, feeCaps, releaseMargin, Optional.empty());
  }
}
