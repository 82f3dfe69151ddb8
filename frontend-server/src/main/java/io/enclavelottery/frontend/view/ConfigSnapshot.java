package io.enclavelottery.frontend.view;

import io.enclavelottery.chain.contract.LotterySettings;
import java.util.Objects;

/**
 * The contract's settings, bond, pause and operator as of a block: read from the contract at that
 * block whenever an event that changes them is applied (and once at the start).
 *
 * @param contract the lottery's address, lower-case {@code 0x} hex
 * @param chainId the chain the contract lives on
 * @param settings the values read at {@code block}
 * @param block the block the settings were read at
 */
public record ConfigSnapshot(String contract, long chainId, LotterySettings settings, long block) {

  public ConfigSnapshot {
    Objects.requireNonNull(contract, "contract");
    Objects.requireNonNull(settings, "settings");
  }
}
