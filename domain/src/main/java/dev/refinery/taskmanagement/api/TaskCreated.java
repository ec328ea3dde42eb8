package dev.refinery.taskmanagement.api;

/** A request became a task, in state NEW. */
public record TaskCreated(String taskId, TaskStatus status, int round, int revision, String title, String description, String requester, Priority priority) implements TaskEvent {}
