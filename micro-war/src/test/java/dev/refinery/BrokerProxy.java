package dev.refinery;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A TCP forwarder between Payara and the real RabbitMQ, in the test JVM: while it is not started
 * the broker is "down" for the application (connection refused), without touching the shared
 * broker.
 */
final class BrokerProxy {

  private final int port;
  private final int brokerPort;
  private final Set<Socket> sockets = ConcurrentHashMap.newKeySet();
  private volatile ServerSocket server;

  BrokerProxy(int port, int brokerPort) {
    this.port = port;
    this.brokerPort = brokerPort;
  }

  synchronized void start() throws IOException {
    if (server != null) {
      return;
    }
    server = new ServerSocket();
    server.setReuseAddress(true);
    server.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), port));
    Thread acceptor = new Thread(this::accept, "broker-proxy");
    acceptor.setDaemon(true);
    acceptor.start();
  }

  private void accept() {
    ServerSocket listening = server;
    while (listening != null && !listening.isClosed()) {
      try {
        Socket client = listening.accept();
        Socket broker = new Socket(InetAddress.getLoopbackAddress(), brokerPort);
        sockets.add(client);
        sockets.add(broker);
        pump(client, broker);
        pump(broker, client);
      } catch (IOException e) {
        return; // closed
      }
    }
  }

  private void pump(Socket from, Socket to) {
    Thread thread =
        new Thread(
            () -> {
              try (InputStream in = from.getInputStream();
                  OutputStream out = to.getOutputStream()) {
                in.transferTo(out);
              } catch (IOException e) {
                // one side closed: close both below
              } finally {
                close(from);
                close(to);
              }
            },
            "broker-proxy-pump");
    thread.setDaemon(true);
    thread.start();
  }

  private void close(Socket socket) {
    sockets.remove(socket);
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
  }
}
