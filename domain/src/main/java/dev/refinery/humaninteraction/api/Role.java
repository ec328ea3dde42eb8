package dev.refinery.humaninteraction.api;

/**
 * What a person may do in the console and the API. ADMIN manages people and may do everything the
 * other roles may.
 */
public enum Role {
  /** Submits requests and answers their clarifications. */
  REQUESTER,
  /** Approves or rejects PRDs. */
  APPROVER,
  /** Replays and discards dead letters, retries and cancels failed tasks, watches alerts. */
  OPERATOR,
  /** Manages people and their roles. */
  ADMIN
}
