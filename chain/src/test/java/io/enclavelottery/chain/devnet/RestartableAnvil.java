package io.enclavelottery.chain.devnet;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;

/**
 * An automining Anvil for integration tests that can go down and come back with its chain, as in an
 * RPC outage: its state is dumped, the node stopped, and a new node started from that state on the
 * same port. Closing it stops the node and checks that the process is gone.
 */
public final class RestartableAnvil implements AutoCloseable {

  private LocalAnvil node;

  private RestartableAnvil(LocalAnvil node) {
    this.node = node;
  }

  public static RestartableAnvil start() {
    return new RestartableAnvil(LocalAnvil.start(LocalAnvil.Options.defaults().automine()));
  }

  /** The node running now: a new one after {@link #comeBack}. */
  public LocalAnvil node() {
    return node;
  }

  /** Writes the chain to {@code state} and stops the node. */
  public void goDown(Path state) {
    node.dumpState(state);
    close();
  }

  /** A new node on the same port, from what {@link #goDown} wrote to {@code state}. */
  public LocalAnvil comeBack(Path state) {
    node =
        LocalAnvil.start(
            LocalAnvil.Options.defaults().automine().withPort(node.port()).withLoadState(state));
    return node;
  }

  @Override
  public void close() {
    node.close();
    assertThat(node.isAlive()).isFalse();
  }
}
