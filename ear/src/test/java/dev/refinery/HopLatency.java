package dev.refinery;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * Where a workflow's latency goes, hop by hop, read from the event log of a time window. For each
 * message type handled: from the end of the handling that caused it to the start of its publication
 * (that handler's commit, the outbox and the relay), from the start of its publication to the start
 * of its handling (the broker, the resource adapter, the MDB), and the handling itself (the inbox,
 * the handler, its writes). Medians over the window; the hops in the order a workflow meets them.
 */
final class HopLatency {

  /** One message type's hop, medians in milliseconds. */
  record Hop(
      String type,
      long handled,
      double causeToPublishMs,
      double publishToHandlerMs,
      double handlerMs) {}

  private static final String QUERY =
      "WITH first AS (SELECT correlation_id, min(recorded_at) AS at FROM monitoring.event_log"
          + " WHERE direction = 'PUBLISHED' AND recorded_at >= ? AND recorded_at < ? GROUP BY"
          + " correlation_id)"
          + " SELECT p.type, count(*),"
          + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM p.recorded_at"
          + " - cause.recorded_at) * 1000),"
          + " percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.recorded_at"
          + " - p.recorded_at) * 1000 - c.duration_us / 1000.0),"
          + " percentile_cont(0.5) WITHIN GROUP (ORDER BY c.duration_us / 1000.0)"
          + " FROM monitoring.event_log p"
          + " JOIN first ON first.correlation_id = p.correlation_id"
          + " JOIN monitoring.event_log c ON c.message_id = p.message_id AND c.direction ="
          + " 'CONSUMED' AND c.outcome = 'ok'"
          + " LEFT JOIN monitoring.event_log cause ON cause.message_id = p.causation_id AND"
          + " cause.direction = 'CONSUMED' AND cause.outcome = 'ok' AND cause.target = p.source"
          + " WHERE p.direction = 'PUBLISHED' AND p.recorded_at >= ? AND p.recorded_at < ?"
          + " GROUP BY p.type"
          + " ORDER BY percentile_cont(0.5) WITHIN GROUP (ORDER BY p.recorded_at - first.at)";

  private HopLatency() {}

  /** The hops of the messages published in {@code [from, to)}. */
  static List<Hop> between(Connection database, Instant from, Instant to) throws SQLException {
    try (PreparedStatement query = database.prepareStatement(QUERY)) {
      for (int window : new int[] {0, 2}) {
        query.setTimestamp(window + 1, Timestamp.from(from));
        query.setTimestamp(window + 2, Timestamp.from(to));
      }
      List<Hop> hops = new ArrayList<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          hops.add(
              new Hop(
                  rows.getString(1),
                  rows.getLong(2),
                  rows.getObject(3) == null ? Double.NaN : rows.getDouble(3),
                  rows.getDouble(4),
                  rows.getDouble(5)));
        }
      }
      return hops;
    }
  }
}
