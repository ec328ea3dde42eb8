package dev.refinery.taskmanagement.domain;

import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A feature request on its way to an approved PRD. Invariants: a title (at most
 * {@value CreateTask#TITLE_MAX} characters) and a requester are always present; the description may be
 * empty but never longer than {@value CreateTask#DESCRIPTION_MAX}; the version guards concurrent
 * updates.
 */
@Entity
@Table(name = "task", schema = "taskmanagement")
public class Task {

  @Id private UUID id;

  @Column(nullable = false, length = CreateTask.TITLE_MAX)
  private String title;

  @Column(nullable = false, length = CreateTask.DESCRIPTION_MAX)
  private String description;

  @Column(nullable = false, length = CreateTask.REQUESTER_MAX)
  private String requester;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private Priority priority;

  @Enumerated(EnumType.STRING)
  @Column(nullable = false)
  private TaskStatus status;

  @Column(name = "assigned_pool")
  private String assignedPool;

  @Column(name = "clarification_round", nullable = false)
  private int clarificationRound;

  @Column(name = "prd_revision", nullable = false)
  private int prdRevision;

  @Column(nullable = false)
  private int attempts;

  @Column(name = "created_at", nullable = false)
  private Instant createdAt;

  @Column(name = "updated_at", nullable = false)
  private Instant updatedAt;

  @Version private long version;

  protected Task() {}

  private Task(TaskId id, String title, String description, String requester, Priority priority, Instant now) {
    this.id = id.value();
    this.title = required(title, "title", CreateTask.TITLE_MAX);
    this.description = limited(description == null ? "" : description, "description", CreateTask.DESCRIPTION_MAX);
    this.requester = required(requester, "requester", CreateTask.REQUESTER_MAX);
    this.priority = Objects.requireNonNull(priority, "priority");
    this.status = TaskStatus.NEW;
    this.createdAt = now;
    this.updatedAt = now;
  }

  /** A new task in state NEW, as a requester asked for it. */
  public static Task submit(TaskId id, CreateTask request, Instant now) {
    return new Task(id, request.title().strip(), request.description(), request.requester().strip(),
        request.priorityLevel(), now);
  }

  public TaskId id() {
    return new TaskId(id);
  }

  public TaskStatus status() {
    return status;
  }

  public TaskView view() {
    return new TaskView(id, title, description, requester, priority, status, assignedPool,
        clarificationRound, prdRevision, attempts, createdAt, updatedAt, version);
  }

  private static String required(String value, String field, int max) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " must not be blank");
    }
    return limited(value, field, max);
  }

  private static String limited(String value, String field, int max) {
    if (value.length() > max) {
      throw new IllegalArgumentException(field + " must be at most " + max + " characters");
    }
    return value;
  }
}
