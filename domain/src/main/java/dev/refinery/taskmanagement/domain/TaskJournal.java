package dev.refinery.taskmanagement.domain;

import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * The record of what happened to tasks: every transition, and the clarification rounds' questions
 * and answers.
 */
public interface TaskJournal {

  void record(TaskEvent event, TaskStatus from, UUID causedBy, Instant at);

  List<HistoryEntry> history(TaskId task);

  List<ClarificationRound> clarifications(TaskId task);
}
