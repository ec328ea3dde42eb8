package dev.refinery.taskmanagement.api;

/** How urgent a request is; work is taken highest first. */
public enum Priority {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL
}
