package dev.refinery.humaninteraction.domain;

import java.time.Instant;

/**
 * A person's failed sign-ins in a row, and when they were locked out for them (null: not locked
 * out). The failure that reaches the limit locks them out until an admin unlocks them.
 */
public record SignInRecord(int failures, Instant lockedAt) {

  public boolean locked() {
    return lockedAt != null;
  }

  /**
   * One more failure; at {@code lockoutAfter} in a row the person is locked out from {@code now}.
   */
  public SignInRecord failed(int lockoutAfter, Instant now) {
    int failed = failures + 1;
    return new SignInRecord(failed, lockedAt == null && failed >= lockoutAfter ? now : lockedAt);
  }

  /** Whether this failure is the one that locked the person out. */
  public boolean justLockedOutBy(SignInRecord before) {
    return locked() && !before.locked();
  }

  /** A sign-in that succeeded: the count starts again (a lockout stays until an admin lifts it). */
  public SignInRecord succeeded() {
    return new SignInRecord(0, lockedAt);
  }
}
