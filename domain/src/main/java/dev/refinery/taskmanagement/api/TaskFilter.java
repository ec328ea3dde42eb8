package dev.refinery.taskmanagement.api;

/** Which tasks to list: null fields match anything; text is searched in title and description. */
public record TaskFilter(TaskStatus status, Priority priority, String requester, String text) {

  public static final TaskFilter ANY = new TaskFilter(null, null, null, null);
}
