package dev.refinery.serverconfig;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Optional;

/** Makes sure nothing else listens on a port a server is about to bind. */
public final class PortCheck {

  private static final int CONNECT_TIMEOUT_MILLIS = 300;

  /**
   * @param port the port to check
   * @param role what the port is for, as the operator knows it ("HTTP", "admin")
   * @param variable the environment variable that moves it
   */
  public Optional<Problem> free(int port, String role, String variable) {
    if (!listening(port) && bindable(port)) {
      return Optional.empty();
    }
    return Optional.of(
        new Problem(
            "port " + port + " (" + role + ") is already in use by another process",
            "Stop that process (ss -ltnp 'sport = :"
                + port
                + "' shows it) or choose another port with "
                + variable));
  }

  private static boolean listening(int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress("127.0.0.1", port), CONNECT_TIMEOUT_MILLIS);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  private static boolean bindable(int port) {
    try (ServerSocket socket = new ServerSocket()) {
      socket.setReuseAddress(true);
      socket.bind(new InetSocketAddress(port));
      return true;
    } catch (IOException e) {
      return false;
    }
  }
}
