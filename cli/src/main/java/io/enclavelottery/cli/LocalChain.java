package io.enclavelottery.cli;

import io.enclavelottery.chain.devnet.DevAccount;
import io.enclavelottery.chain.devnet.LocalAnvil;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/**
 * Starting a local Anvil for {@code lottery chain} and {@code lottery dev}, and what they share.
 */
final class LocalChain {

  private LocalChain() {}

  /**
   * Starts Anvil on {@code port} (0: a free one) with a block every {@code blockTimeSeconds}.
   *
   * @throws CommandFailure when it does not start, with the first line of the reason
   */
  static LocalAnvil start(int port, double blockTimeSeconds) {
    try {
      return LocalAnvil.start(
          LocalAnvil.Options.defaults().withPort(port).withBlockTime(blockTimeSeconds));
    } catch (RuntimeException e) {
      String firstLine = OneLineErrorHandler.describe(e).lines().findFirst().orElse("");
      throw new CommandFailure(ExitCodes.FAILED, "could not start anvil: " + firstLine, e);
    }
  }

  /**
   * Fails with unusable input when {@code port} (other than 0) on 127.0.0.1 is taken, so a command
   * says so before it starts anything.
   */
  static void requireFreePort(int port, String hint) {
    if (port > 0 && !isFree(port)) {
      throw CommandFailure.unusableInput("port " + port + " on 127.0.0.1 is in use (" + hint + ")");
    }
  }

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** A dev account's key as hex: only ever Anvil's own public test keys, which Anvil prints. */
  static String publicTestKey(DevAccount account) {
    return String.format("0x%064x", account.key().credentials().getEcKeyPair().getPrivateKey());
  }
}
