package dev.refinery.serverconfig;

import java.util.HashMap;
import java.util.Map;

/** Settings for the local test services, with a few variables overridden per test. */
final class TestSettings {

  private TestSettings() {}

  static Settings with(String... overrides) {
    Map<String, String> env = new HashMap<>();
    env.put("REFINERY_DB_HOST", System.getenv().getOrDefault("REFINERY_DB_HOST", "127.0.0.1"));
    env.put(
        "REFINERY_RABBITMQ_HOST",
        System.getenv().getOrDefault("REFINERY_RABBITMQ_HOST", "127.0.0.1"));
    for (int i = 0; i < overrides.length; i += 2) {
      env.put(overrides[i], overrides[i + 1]);
    }
    return Settings.from(env);
  }

  static int unusedPort() {
    try (var socket = new java.net.ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (java.io.IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
