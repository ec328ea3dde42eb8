package dev.refinery.serverconfig;

import java.util.Map;

/**
 * Connection settings, read from the same environment variables the run command exports and Payara
 * resolves through {@code ${ENV=...}} in the asadmin command files.
 */
public record Settings(
    String dbHost,
    int dbPort,
    String dbName,
    String dbUser,
    String dbPassword,
    String rabbitHost,
    int rabbitPort,
    String rabbitVirtualHost,
    String rabbitUser,
    String rabbitPassword,
    String dbIdleTransactionTimeout) {

  /** A PostgreSQL duration: a number of milliseconds, or with a unit (ms, s, min). */
  private static final java.util.regex.Pattern DURATION =
      java.util.regex.Pattern.compile("\\d+(ms|s|min)?");

  public static Settings from(Map<String, String> env) {
    return new Settings(
        env.getOrDefault("REFINERY_DB_HOST", "127.0.0.1"),
        port(env, "REFINERY_DB_PORT", 5432),
        env.getOrDefault("REFINERY_DB_NAME", "refinery"),
        env.getOrDefault("REFINERY_DB_USER", "postgres"),
        env.getOrDefault("REFINERY_DB_PASSWORD", "postgres"),
        env.getOrDefault("REFINERY_RABBITMQ_HOST", "127.0.0.1"),
        port(env, "REFINERY_RABBITMQ_PORT", 5672),
        env.getOrDefault("REFINERY_RABBITMQ_VHOST", "/"),
        env.getOrDefault("REFINERY_RABBITMQ_USER", "guest"),
        env.getOrDefault("REFINERY_RABBITMQ_PASSWORD", "guest"),
        duration(env, "REFINERY_DB_IDLE_TRANSACTION_TIMEOUT", "30s"));
  }

  private static String duration(Map<String, String> env, String name, String fallback) {
    String value = env.getOrDefault(name, "").strip();
    if (value.isEmpty()) {
      return fallback;
    }
    if (!DURATION.matcher(value).matches()) {
      throw new IllegalArgumentException(
          name + " must be a duration such as 30s, 500ms or 2min, not '" + value + "'");
    }
    return value;
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      return Integer.parseInt(value.trim());
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(name + " must be a port number, not '" + value + "'");
    }
  }

  public String jdbcUrl(String database) {
    return "jdbc:postgresql://" + dbHost + ":" + dbPort + "/" + database;
  }
}
