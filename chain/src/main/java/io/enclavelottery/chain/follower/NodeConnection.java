package io.enclavelottery.chain.follower;

import java.util.Objects;

/** One open connection to a node: the calls and the head announcements that share it. */
public record NodeConnection(ChainRpc rpc, HeadSource heads) implements AutoCloseable {

  public NodeConnection {
    Objects.requireNonNull(rpc, "rpc");
    Objects.requireNonNull(heads, "heads");
  }

  /** Closes the announcements, then the calls. */
  @Override
  public void close() {
    try {
      heads.close();
    } finally {
      rpc.close();
    }
  }
}
