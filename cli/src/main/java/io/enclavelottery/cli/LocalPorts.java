package io.enclavelottery.cli;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Whether a port on 127.0.0.1 is free, so a command can say so before it starts anything. */
final class LocalPorts {

  private LocalPorts() {}

  static boolean isFree(int port) {
    try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
