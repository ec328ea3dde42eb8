package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.AuditExport;
import dev.refinery.shared.application.Retention;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * The retention job on PostgreSQL inside Payara Micro, with the default ages (event log 30 days,
 * inbox 14, audit trail 400): what is past its age goes, everything else stays, and the tables stay
 * append-only for everyone else.
 */
final class RetentionChecks {

  private final Retention retention;
  private final AuditExport export;
  private final DataSource dataSource;

  RetentionChecks(Retention retention, AuditExport export, DataSource dataSource) {
    this.retention = retention;
    this.export = export;
    this.dataSource = dataSource;
  }

  void pruningTakesOnlyRowsPastTheirAgeAndNothingAnOperatorStillNeeds() throws SQLException {
    Instant now = Instant.now();
    UUID oldLine = UUID.randomUUID();
    UUID freshLine = UUID.randomUUID();
    UUID oldHandled = UUID.randomUUID();
    UUID oldDeadLettered = UUID.randomUUID();
    UUID freshHandled = UUID.randomUUID();
    try (Connection connection = dataSource.getConnection()) {
      line(connection, oldLine, now.minus(Duration.ofDays(31)));
      line(connection, freshLine, now.minus(Duration.ofDays(29)));
      handled(connection, oldHandled, now.minus(Duration.ofDays(15)));
      handled(connection, oldDeadLettered, now.minus(Duration.ofDays(15)));
      UUID deadLetter = deadLetter(connection, oldDeadLettered);
      handled(connection, freshHandled, now.minus(Duration.ofDays(13)));
      long exported = audit(connection, "retention-exported", now.minus(Duration.ofDays(401)));
      long notExported = audit(connection, "retention-kept", now.minus(Duration.ofDays(401)));
      export.acknowledge(exported, new Caller("opal", Set.of(Role.OPERATOR)));

      Instant pruned = Instant.now();
      retention.pruneNow();

      assertThat(count(connection, "monitoring.event_log", "message_id", oldLine))
          .as("an event log line 31 days old")
          .isZero();
      assertThat(count(connection, "monitoring.event_log", "message_id", freshLine))
          .as("an event log line 29 days old")
          .isOne();
      assertThat(count(connection, "messaging.inbox", "message_id", oldHandled))
          .as("an inbox row 15 days old")
          .isZero();
      assertThat(count(connection, "messaging.inbox", "message_id", oldDeadLettered))
          .as("an inbox row 15 days old whose message has an open dead letter (a replay needs it)")
          .isOne();
      assertThat(count(connection, "messaging.inbox", "message_id", freshHandled))
          .as("an inbox row 13 days old")
          .isOne();
      assertThat(count(connection, "monitoring.audit_entry", "id", exported))
          .as("an exported audit entry 401 days old")
          .isZero();
      assertThat(count(connection, "monitoring.audit_entry", "id", notExported))
          .as("an audit entry 401 days old that no export acknowledged")
          .isOne();
      for (String table : new String[] {"event_log", "audit_entry"}) {
        assertThat(lastVacuum(connection, "monitoring", table))
            .as(
                "monitoring."
                    + table
                    + " vacuumed after the rows went (this machine's autovacuum is off)")
            .isAfter(pruned.minusSeconds(1));
      }
      assertThat(lastVacuum(connection, "messaging", "inbox")).isAfter(pruned.minusSeconds(1));

      assertThatThrownBy(
              () ->
                  delete(
                      connection,
                      "DELETE FROM monitoring.event_log WHERE message_id = ?",
                      freshLine))
          .as("a delete outside the retention job")
          .hasMessageContaining("monitoring.event_log is append-only");
      assertThatThrownBy(
              () ->
                  delete(
                      connection, "DELETE FROM monitoring.audit_entry WHERE id = ?", notExported))
          .hasMessageContaining("monitoring.audit_entry is append-only");

      // what this check left, gone the retention job's way (an open dead letter would be an alert)
      connection.setAutoCommit(false);
      try {
        try (java.sql.Statement prune = connection.createStatement()) {
          prune.execute("SELECT set_config('refinery.retention', 'prune', true)");
        }
        delete(connection, "DELETE FROM monitoring.event_log WHERE message_id = ?", freshLine);
        delete(connection, "DELETE FROM monitoring.audit_entry WHERE id = ?", notExported);
        delete(connection, "DELETE FROM messaging.inbox WHERE context = ?", "retention-check");
        delete(connection, "DELETE FROM messaging.dead_letter WHERE id = ?", deadLetter);
        connection.commit();
      } finally {
        connection.setAutoCommit(true);
      }
      assertThat(count(connection, "monitoring.event_log", "message_id", freshLine))
          .as("a line deleted in a transaction that says it prunes")
          .isZero();
    }
  }

  /**
   * Where the server's autovacuum is off (this machine's is), the job vacuums the tables it would
   * take; where it is on, the job leaves them to it. Made overdue here: the fleet's instance table,
   * where the check adds a row of its own and deletes it again, 120 times (120 dead row versions,
   * nothing left behind).
   */
  void theJobVacuumsInPlaceOfAutovacuumOnlyWhenTheServerHasItOff() throws Exception {
    try (Connection connection = dataSource.getConnection()) {
      boolean autovacuumOff;
      try (java.sql.Statement show = connection.createStatement();
          ResultSet setting = show.executeQuery("SHOW autovacuum")) {
        setting.next();
        autovacuumOff = "off".equals(setting.getString(1));
      }
      try (PreparedStatement add =
              connection.prepareStatement(
                  "INSERT INTO monitoring.instance (name, version, started_at, seen_at,"
                      + " agent_slots, agents_busy, work) VALUES (?, 'check', now(), now(), 0, 0,"
                      + " '')");
          PreparedStatement remove =
              connection.prepareStatement("DELETE FROM monitoring.instance WHERE name = ?")) {
        for (int i = 0; i < 120; i++) {
          String name = "vacuum-check-" + UUID.randomUUID();
          add.setString(1, name);
          add.executeUpdate();
          remove.setString(1, name);
          assertThat(remove.executeUpdate()).as("the check's own row, deleted").isEqualTo(1);
        }
      }
      try (java.sql.Statement flush = connection.createStatement()) {
        flush.execute("SELECT pg_stat_force_next_flush()"); // the statistics reach the others
      }
      Instant before = instanceTable(connection).lastVacuum();
      long dead = 0;
      for (int i = 0; i < 50 && dead < 120; i++) {
        dead = instanceTable(connection).deadRows();
        Thread.sleep(100);
      }
      assertThat(dead)
          .as("dead row versions of monitoring.instance seen")
          .isGreaterThanOrEqualTo(120);

      retention.pruneNow();

      if (autovacuumOff) {
        assertThat(instanceTable(connection).lastVacuum())
            .as("monitoring.instance vacuumed by the job: the server's autovacuum is off")
            .isAfter(before);
        assertThat(instanceTable(connection).deadRows()).isLessThan(120);
      } else {
        assertThat(instanceTable(connection).lastVacuum())
            .as("monitoring.instance left to the server's autovacuum")
            .isEqualTo(before);
      }
    }
  }

  /** The server's statistics of monitoring.instance: its last manual vacuum and its dead rows. */
  private record InstanceTable(Instant lastVacuum, long deadRows) {}

  private static InstanceTable instanceTable(Connection connection) throws SQLException {
    try (java.sql.Statement query = connection.createStatement();
        ResultSet rows =
            query.executeQuery(
                "SELECT coalesce(last_vacuum, '-infinity'), n_dead_tup FROM pg_stat_user_tables"
                    + " WHERE schemaname = 'monitoring' AND relname = 'instance'")) {
      rows.next();
      Timestamp at = rows.getTimestamp(1);
      return new InstanceTable(at == null ? Instant.MIN : at.toInstant(), rows.getLong(2));
    }
  }

  private static void line(Connection connection, UUID messageId, Instant at) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO monitoring.event_log (recorded_at, direction, message_id, type, kind,"
                + " source, target, outcome, attempt, duration_us) VALUES (?, 'PUBLISHED', ?,"
                + " 'RetentionProbe', 'EVENT', 'orchestration', 'subscribers', 'published', 1,"
                + " 0)")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setObject(2, messageId);
      insert.executeUpdate();
    }
  }

  private static void handled(Connection connection, UUID messageId, Instant at)
      throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO messaging.inbox (context, message_id, handled_at) VALUES"
                + " ('retention-check', ?, ?)")) {
      insert.setObject(1, messageId);
      insert.setTimestamp(2, Timestamp.from(at));
      insert.executeUpdate();
    }
  }

  private static UUID deadLetter(Connection connection, UUID messageId) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO messaging.dead_letter (id, message_id, type, kind, source, occurred_at,"
                + " body, exception_class, exception_message, retryable, attempts,"
                + " first_failure_at, last_failure_at) VALUES (?, ?, 'RetentionProbe', 'EVENT',"
                + " 'orchestration', now(), '{}', 'java.lang.IllegalStateException', 'probe',"
                + " false, 1, now(), now())")) {
      UUID id = UUID.randomUUID();
      insert.setObject(1, id);
      insert.setObject(2, messageId);
      insert.executeUpdate();
      return id;
    }
  }

  private static long audit(Connection connection, String subject, Instant at) throws SQLException {
    try (PreparedStatement insert =
        connection.prepareStatement(
            "INSERT INTO monitoring.audit_entry (recorded_at, actor, action, subject) VALUES (?,"
                + " 'retention-check', 'PROBE', ?) RETURNING id")) {
      insert.setTimestamp(1, Timestamp.from(at));
      insert.setString(2, subject);
      try (ResultSet id = insert.executeQuery()) {
        id.next();
        return id.getLong(1);
      }
    }
  }

  private static Instant lastVacuum(Connection connection, String schema, String table)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT coalesce(greatest(last_vacuum, last_autovacuum), '-infinity') FROM"
                + " pg_stat_user_tables WHERE schemaname = ? AND relname = ?")) {
      query.setString(1, schema);
      query.setString(2, table);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        Timestamp at = rows.getTimestamp(1);
        return at == null ? Instant.MIN : at.toInstant();
      }
    }
  }

  private static long count(Connection connection, String table, String column, Object value)
      throws SQLException {
    try (PreparedStatement query =
        connection.prepareStatement(
            "SELECT count(*) FROM " + table + " WHERE " + column + " = ?")) {
      query.setObject(1, value);
      try (ResultSet rows = query.executeQuery()) {
        rows.next();
        return rows.getLong(1);
      }
    }
  }

  private static void delete(Connection connection, String sql, Object value) throws SQLException {
    try (PreparedStatement delete = connection.prepareStatement(sql)) {
      delete.setObject(1, value);
      delete.execute();
    }
  }
}
