package dev.refinery;

import java.nio.file.Path;
import java.sql.Array;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the workflow benchmark and the soak both read: task transition times, counts, the server's
 * live heap (jcmd), percentiles, required environment variables.
 */
final class Probes {

  private Probes() {}

  static Map<UUID, Instant> timesOf(Connection database, String event, List<UUID> ids)
      throws SQLException {
    try (PreparedStatement query =
        database.prepareStatement(
            "SELECT task_id, min(at) FROM taskmanagement.task_history"
                + " WHERE event = ? AND task_id = ANY (?) GROUP BY task_id")) {
      Array array = database.createArrayOf("uuid", ids.toArray());
      query.setString(1, event);
      query.setArray(2, array);
      Map<UUID, Instant> times = new java.util.HashMap<>();
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          times.put((UUID) rows.getObject(1), rows.getTimestamp(2).toInstant());
        }
      }
      return times;
    }
  }

  static long count(Connection database, String sql) throws SQLException {
    try (Statement statement = database.createStatement();
        ResultSet row = statement.executeQuery(sql)) {
      row.next();
      return row.getLong(1);
    }
  }

  /**
   * Live heap in MB: the total of jcmd's class histogram, which collects and counts at one
   * safepoint. (Used heap read after {@code GC.run} also held what a loaded server allocated in
   * between: up to 90 MB more, minute to minute, in the soak.)
   */
  static double liveHeapMb(long pid) throws Exception {
    String histogram = jcmd(pid, "GC.class_histogram");
    Matcher total = Pattern.compile("(?m)^Total\\s+\\d+\\s+(\\d+)\\s*$").matcher(histogram);
    if (!total.find()) {
      throw new IllegalStateException("jcmd GC.class_histogram printed no total");
    }
    return Long.parseLong(total.group(1)) / (1024.0 * 1024.0);
  }

  static String jcmd(long pid, String command) throws Exception {
    Process process =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
                String.valueOf(pid),
                command)
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes());
    if (process.waitFor() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + output);
    }
    return output;
  }

  static double percentile(List<Double> sorted, double p) {
    return sorted.isEmpty()
        ? Double.NaN
        : sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(p * sorted.size()) - 1));
  }

  static String env(String name) {
    String value = System.getenv(name);
    if (value == null) {
      throw new IllegalStateException(name + " is not set (the benchmark profile sets it)");
    }
    return value;
  }
}
