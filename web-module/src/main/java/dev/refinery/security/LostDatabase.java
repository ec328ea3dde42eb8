package dev.refinery.security;

import dev.refinery.shared.interfaces.rest.DatabaseUnavailable;
import java.util.function.Supplier;

/**
 * Checking a caller reads the database (their version, their password hash, their sign-in
 * failures). A check that lost its connection (PostgreSQL restarted or ended the session) is tried
 * once more, on another connection (the pool evicts the one that failed); lost again, the caller
 * gets the answer for an unavailable database instead of a connection closed without any answer.
 */
final class LostDatabase {

  private LostDatabase() {}

  static <T> T retryOnce(Supplier<T> check, Supplier<T> unavailable) {
    for (int attempt = 1; ; attempt++) {
      try {
        return check.get();
      } catch (RuntimeException e) {
        if (DatabaseUnavailable.of(e) == DatabaseUnavailable.NO) {
          throw e;
        }
        if (attempt == 2) {
          return unavailable.get();
        }
      }
    }
  }
}
