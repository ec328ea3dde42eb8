package dev.refinery.shared.interfaces.rest;

import java.sql.SQLException;
import java.util.List;
import java.util.Set;

/**
 * Whether a failure came from losing the database connection (the database restarting, an
 * administrator ending sessions, the network), and whether the call's work was recorded. Lost
 * before the commit, the transaction rolled back and nothing was recorded. Lost during the commit,
 * nobody knows: the database may have committed before the connection went. Connection loss is told
 * by SQLSTATE (class 08, connection exception; 57P01–57P03, the server ended the session or is not
 * taking connections), or, where the transaction manager kept only the driver's message, by that
 * message.
 */
public enum DatabaseUnavailable {
  NO,
  NOTHING_RECORDED,
  MAYBE_RECORDED;

  private static final Set<String> ENDED = Set.of("57P01", "57P02", "57P03");
  private static final List<String> LOST =
      List.of(
          "terminating connection",
          "physical connection is not usable",
          "An I/O error occurred",
          "This connection has been closed");

  public static DatabaseUnavailable of(Throwable failure) {
    boolean lost = false;
    boolean committing = false;
    for (Throwable cause = failure;
        cause != null;
        cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof jakarta.transaction.SystemException
          || cause instanceof javax.transaction.xa.XAException
          || cause instanceof jakarta.transaction.HeuristicMixedException) {
        committing = true;
      }
      if (cause instanceof SQLException sql
          && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || ENDED.contains(sql.getSQLState()))) {
        lost = true;
      }
      String message = String.valueOf(cause.getMessage());
      if (LOST.stream().anyMatch(message::contains)) {
        lost = true;
      }
    }
    return !lost ? NO : committing ? MAYBE_RECORDED : NOTHING_RECORDED;
  }
}
