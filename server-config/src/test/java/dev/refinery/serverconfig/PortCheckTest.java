package dev.refinery.serverconfig;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortCheckTest {

  @Test
  void portSomebodyListensOnIsReported() throws Exception {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      Problem problem = new PortCheck().free(port, "HTTP", "REFINERY_PORT_BASE").orElseThrow();

      assertThat(problem.line())
          .startsWith("refinery: port " + port + " (HTTP) is already in use by another process")
          .contains("REFINERY_PORT_BASE");
    }
  }

  @Test
  void freePortPasses() {
    assertThat(new PortCheck().free(TestSettings.unusedPort(), "HTTP", "REFINERY_PORT_BASE"))
        .isEmpty();
  }
}
