package io.enclavelottery.frontend;

import io.enclavelottery.chain.contract.LotteryPlay;
import io.enclavelottery.chain.devnet.LocalAnvil;
import io.enclavelottery.chain.devnet.RestartableAnvil;
import java.nio.file.Path;

/**
 * A lottery deployed on a fresh automining Anvil and a {@link LotteryPlay} on it: the chain under
 * the server's integration tests. It can go down and come back with its chain, as in an RPC outage;
 * closed, it stops Anvil and checks that the process is gone.
 */
final class AnvilLottery implements AutoCloseable {

  private final RestartableAnvil anvil;
  private final String contract;
  private LotteryPlay play;

  private AnvilLottery(RestartableAnvil anvil, String contract) {
    this.anvil = anvil;
    this.contract = contract;
    this.play = new LotteryPlay(anvil.node(), contract);
  }

  static AnvilLottery start() {
    RestartableAnvil anvil = RestartableAnvil.start();
    try {
      return new AnvilLottery(anvil, LotteryPlay.deploy(anvil.node()).address());
    } catch (RuntimeException e) {
      anvil.close();
      throw e;
    }
  }

  /** The node running now. */
  LocalAnvil anvil() {
    return anvil.node();
  }

  String contract() {
    return contract;
  }

  /** The players and operator on the node running now. */
  LotteryPlay play() {
    return play;
  }

  /** Writes the chain to {@code state} and stops the node. */
  void goDown(Path state) {
    play.close();
    anvil.goDown(state);
  }

  /** A new node on the same port, from what {@link #goDown} wrote to {@code state}. */
  void comeBack(Path state) {
    play = new LotteryPlay(anvil.comeBack(state), contract);
  }

  @Override
  public void close() {
    try {
      play.close();
    } finally {
      anvil.close();
    }
  }
}
