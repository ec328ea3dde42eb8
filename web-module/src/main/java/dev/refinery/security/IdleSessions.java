package dev.refinery.security;

import java.time.Duration;

/** Whether a console request keeps its person signed in: the rule behind {@link IdleSignOut}. */
final class IdleSessions {

  /** What a request does to its session. */
  enum Decision {
    /** The person acted: the idle clock starts again. */
    ACTIVE,
    /** A poll: the session goes on, the idle clock does not start again. */
    UNCHANGED,
    /** Idle past the timeout: signed out. */
    EXPIRED
  }

  private IdleSessions() {}

  /**
   * @param lastActive when the person last acted, in epoch milliseconds (null: this is the first
   *     request)
   */
  static Decision decide(Long lastActive, long now, Duration timeout, boolean poll) {
    if (lastActive != null && now - lastActive > timeout.toMillis()) {
      return Decision.EXPIRED;
    }
    return poll && lastActive != null ? Decision.UNCHANGED : Decision.ACTIVE;
  }
}
