package io.enclavelottery.frontend;

import io.enclavelottery.chain.follower.ChainFollower;
import java.util.Objects;
import org.web3j.protocol.Web3j;

/**
 * A node connection and a chain follower that another part of the process owns and the feed uses
 * instead of opening its own: {@code lottery run}'s keeper already follows the contract, and one
 * follower for both costs the node one {@code eth_getLogs} per block instead of two. The feed
 * neither starts nor closes them; its confirmation depth must be at least the follower's.
 *
 * @param reads the connection the feed reads the contract through (it should reconnect by itself)
 * @param follower the follower of the contract's chain
 */
public record SharedChain(Web3j reads, ChainFollower follower) {

  public SharedChain {
    Objects.requireNonNull(reads, "reads");
    Objects.requireNonNull(follower, "follower");
  }
}
