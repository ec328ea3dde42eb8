package dev.refinery.orchestration.domain;

import java.util.Locale;

/** A rung of a service-level ladder, in the order they are taken. */
public enum ServiceLevelStep {
  /** Remind whoever the task waits on. */
  REMIND,
  /** Tell {@code refinery.sla.escalate-to} (operators unless set). */
  ESCALATE,
  /** Cancel the task. */
  EXPIRE;

  /**
   * Its name in configuration ({@code refinery.sla.<ladder>.<key>}) and in {@code
   * orchestration.sla_step}.
   */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
