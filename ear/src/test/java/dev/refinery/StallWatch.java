package dev.refinery;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;

/**
 * Samples the agents' work queue four times a second while a scenario runs: how long past its
 * expiry a lease stayed unclaimed, at worst. On a connection of its own, named so the suite's
 * {@code pg_terminate_backend} spares it. The first time a lease is a second past its expiry it
 * keeps what the database was doing then (the oldest open transactions and what they wait on) and
 * calls {@code onStall} (the suite takes thread dumps and reads the machine's load, and answers
 * with a digest of both): CI's F3 saw a 12 s lease run out with no fault injected, and CI keeps
 * only what the suite prints.
 */
final class StallWatch implements AutoCloseable {

  static final String APPLICATION_NAME = "refinery-fault-suite";

  private final String url;
  private final java.util.Properties login;
  private volatile Connection database;
  private final Thread thread;
  private volatile boolean running = true;
  private volatile long worstMillis;
  private volatile String worstTask = "-";
  private volatile SQLException failure;
  private final java.util.function.UnaryOperator<String> onStall;
  private volatile String stall;
  private final java.util.concurrent.CompletableFuture<String> dumps =
      new java.util.concurrent.CompletableFuture<>();

  StallWatch(
      String url, String user, String password, java.util.function.UnaryOperator<String> onStall)
      throws SQLException {
    this.onStall = onStall;
    this.url = url;
    this.login = new java.util.Properties();
    login.setProperty("user", user);
    login.setProperty("password", password);
    login.setProperty("ApplicationName", APPLICATION_NAME);
    database = DriverManager.getConnection(url, login);
    thread = Thread.ofPlatform().name("stall-watch").daemon().start(this::watch);
  }

  private void watch() {
    while (running) {
      try (Statement statement = database.createStatement();
          ResultSet row =
              statement.executeQuery(
                  "SELECT task_id, extract(epoch FROM now() - lease_until) * 1000 FROM"
                      + " productdefinition.work_item WHERE status = 'RUNNING' AND lease_until <"
                      + " now() ORDER BY lease_until LIMIT 1")) {
        if (row.next() && row.getLong(2) > worstMillis) {
          worstMillis = row.getLong(2);
          worstTask = row.getString(1);
          if (worstMillis >= STALL_MILLIS && stall == null) {
            stall = snapshotOrWhyNot(worstTask, worstMillis);
            String first = stall;
            Thread.ofVirtual()
                .start(
                    () -> {
                      try {
                        dumps.complete(onStall.apply(first));
                      } catch (RuntimeException e) {
                        dumps.complete("the stall's thread dumps failed: " + e);
                      }
                    });
          }
        }
        Thread.sleep(250);
      } catch (SQLException e) {
        if (!reconnected()) {
          failure = e;
          return;
        }
      } catch (InterruptedException e) {
        return;
      }
    }
  }

  /**
   * After the database went away (F12 restarts it): a new connection within a minute, or false.
   * While it is away no lease can be claimed by anyone, and one that ran out meanwhile still shows
   * as overdue once it is back.
   */
  private boolean reconnected() {
    long deadline = System.currentTimeMillis() + 60_000;
    while (running && System.currentTimeMillis() < deadline) {
      try {
        if (database.isValid(1)) {
          return false; // the connection is fine: the failure was the query's own
        }
        database.close();
        database = DriverManager.getConnection(url, login);
        return true;
      } catch (SQLException e) {
        try {
          Thread.sleep(250);
        } catch (InterruptedException interrupted) {
          return false;
        }
      }
    }
    return false;
  }

  private static final long STALL_MILLIS = 1_000;

  private String snapshotOrWhyNot(String task, long overdueMillis) {
    try {
      return snapshot(task, overdueMillis);
    } catch (SQLException e) {
      return "at "
          + overdueMillis
          + " ms past expiry, task "
          + task
          + ": the database's state could not be read: "
          + e.getMessage();
    }
  }

  /** The stalled item and the database's oldest open transactions, in one line. */
  private String snapshot(String task, long overdueMillis) throws SQLException {
    StringBuilder seen = new StringBuilder();
    try (java.sql.PreparedStatement item =
        database.prepareStatement(
            "SELECT attempts, lease_token, coalesce(lease_holder, '-') FROM"
                + " productdefinition.work_item WHERE task_id = ?::uuid")) {
      item.setString(1, task);
      try (ResultSet row = item.executeQuery()) {
        if (row.next()) {
          seen.append(
              String.format(
                  java.util.Locale.ROOT,
                  "at %d ms past expiry, task %s (attempt %d, token %d, held by %s): ",
                  overdueMillis,
                  task,
                  row.getInt(1),
                  row.getLong(2),
                  row.getString(3)));
        }
      }
    }
    try (Statement statement = database.createStatement();
        ResultSet rows =
            statement.executeQuery(
                "SELECT count(*) OVER (), count(*) FILTER (WHERE wait_event_type = 'Lock') OVER (),"
                    + " state, coalesce(wait_event_type || '/' || wait_event, '-'),"
                    + " round(extract(epoch FROM now() - xact_start)::numeric, 1),"
                    + " left(regexp_replace(query, '\\s+', ' ', 'g'), 90) FROM pg_stat_activity"
                    + " WHERE datname = current_database() AND pid <> pg_backend_pid() AND"
                    + " xact_start IS NOT NULL ORDER BY xact_start LIMIT 3")) {
      boolean first = true;
      while (rows.next()) {
        if (first) {
          seen.append(rows.getLong(1))
              .append(" transactions open, ")
              .append(rows.getLong(2))
              .append(" waiting on a lock; oldest:");
          first = false;
        }
        seen.append(
            String.format(
                java.util.Locale.ROOT,
                " [%s s %s %s '%s']",
                rows.getBigDecimal(5),
                rows.getString(3),
                rows.getString(4),
                rows.getString(6)));
      }
      if (first) {
        seen.append("no transaction open");
      }
    }
    return seen.toString();
  }

  /**
   * What the database was doing when a lease was first a second past its expiry, then what the
   * thread dumps and the machine showed (waited for up to a minute); null if no lease was.
   */
  String stall() {
    if (stall == null) {
      return null;
    }
    try {
      return stall + "; " + dumps.get(1, java.util.concurrent.TimeUnit.MINUTES);
    } catch (java.util.concurrent.TimeoutException e) {
      return stall + "; the thread dumps took more than a minute";
    } catch (java.util.concurrent.ExecutionException e) {
      return stall + "; " + e.getCause();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return stall;
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
