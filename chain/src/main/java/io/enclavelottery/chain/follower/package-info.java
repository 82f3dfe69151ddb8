/**
 * Follows one chain for many contracts and delivers their event logs exactly once net, across
 * reorganisations and outages.
 *
 * <p>{@link io.enclavelottery.chain.follower.ChainFollower} is the entry point: {@code
 * ChainFollower.forUrl(rpcUrl, config)} subscribes to {@code newHeads} over {@code ws(s)://} and
 * polls over {@code http(s)://}; {@code follow(address, fromBlock, consumer)} adds a contract at
 * any time, backfilled from its own start block. Consumers receive a sealed {@link
 * io.enclavelottery.chain.follower.FollowerEvent}: {@code Logs} once blocks are {@code
 * confirmations} deep, {@code Retracted} when a reorganisation removed logs already delivered.
 * {@link io.enclavelottery.chain.follower.HeadListener}s hear of every new tip before any
 * confirmation depth, headers only.
 *
 * <p>Inside, {@code ChainSync} drives one step at a time on the follower's single thread: {@code
 * ForkDetector} compares the node's chain with the {@code BlockWindow} of recent blocks, {@code
 * LogRangeFetcher} fetches one range for all follows at the front with one {@code eth_getLogs}
 * (halving refused ranges), and each follow gets its share. All node I/O goes through {@link
 * io.enclavelottery.chain.follower.ChainRpc} and {@link
 * io.enclavelottery.chain.follower.HeadSource}, opened by a {@link
 * io.enclavelottery.chain.follower.NodeConnector}, so tests run on a fake chain.
 */
package io.enclavelottery.chain.follower;
