package dev.refinery.shared.interfaces.rest;

import java.sql.SQLException;
import java.util.Set;

/**
 * Whether a failure came from losing the database connection (the database restarting, an administrator
 * ending sessions, the network): the call's transaction rolled back, nothing was recorded, and the same
 * call a moment later will most likely work. Told apart by SQLSTATE: class 08 (connection exception) and
 * 57P01–57P03 (the server ended the session, is shutting down, or cannot take connections yet).
 */
final class DatabaseUnavailable {

  private static final Set<String> ENDED = Set.of("57P01", "57P02", "57P03");

  private DatabaseUnavailable() {}

  static boolean causes(Throwable failure) {
    for (Throwable cause = failure; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
      if (cause instanceof SQLException sql && sql.getSQLState() != null
          && (sql.getSQLState().startsWith("08") || ENDED.contains(sql.getSQLState()))) {
        return true;
      }
      if (cause instanceof jakarta.resource.ResourceException && String.valueOf(cause.getMessage()).contains("not usable")) {
        return true; // Payara's pool: "This Managed Connection is not valid as the physical connection is not usable"
      }
    }
    return false;
  }
}
