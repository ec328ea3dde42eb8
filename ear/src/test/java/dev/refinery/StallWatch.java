package dev.refinery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Samples the agents' work queue four times a second while a scenario runs: how long past its expiry a
 * lease stayed unclaimed, at worst. On a connection of its own, named so the suite's
 * {@code pg_terminate_backend} spares it.
 */
final class StallWatch implements AutoCloseable {

  static final String APPLICATION_NAME = "refinery-fault-suite";

  private final Connection database;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long worstMillis;
  private volatile String worstTask = "-";
  private volatile SQLException failure;

  StallWatch(String url, String user, String password) throws SQLException {
    java.util.Properties properties = new java.util.Properties();
    properties.setProperty("user", user);
    properties.setProperty("password", password);
    properties.setProperty("ApplicationName", APPLICATION_NAME);
    database = DriverManager.getConnection(url, properties);
    thread = Thread.ofPlatform().name("stall-watch").daemon().start(this::watch);
  }

  private void watch() {
    while (running) {
      try (Statement statement = database.createStatement(); ResultSet row = statement.executeQuery("SELECT task_id,"
          + " extract(epoch FROM now() - lease_until) * 1000 FROM productdefinition.work_item WHERE status = 'RUNNING'"
          + " AND lease_until < now() ORDER BY lease_until LIMIT 1")) {
        if (row.next() && row.getLong(2) > worstMillis) {
          worstMillis = row.getLong(2);
          worstTask = row.getString(1);
        }
        Thread.sleep(250);
      } catch (SQLException e) {
        failure = e;
        return;
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  Duration worstOverdue() {
    if (failure != null) {
      throw new IllegalStateException("the stall watch could not read the work queue", failure);
    }
    return Duration.ofMillis(worstMillis);
  }

  String worstTask() {
    return worstTask;
  }

  @Override
  public void close() throws Exception {
    running = false;
    thread.join(5_000);
    database.close();
  }
}
