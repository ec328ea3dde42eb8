package dev.refinery.taskmanagement.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TaskTest {

  private static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
  private final TaskId id = TaskId.random();

  @Test
  void submittedRequestIsANewTaskWithTrimmedFields() {
    Task task = Task.submit(id, new CreateTask("  Export to CSV ", "Monthly report", "high", " ana "), NOW);

    TaskView view = task.view();
    assertThat(view.id()).isEqualTo(id.value());
    assertThat(view.status()).isEqualTo(TaskStatus.NEW);
    assertThat(view.title()).isEqualTo("Export to CSV");
    assertThat(view.requester()).isEqualTo("ana");
    assertThat(view.priority()).isEqualTo(Priority.HIGH);
    assertThat(view.createdAt()).isEqualTo(NOW);
    assertThat(view.clarificationRound()).isZero();
    assertThat(view.assignedPool()).isNull();
  }

  @Test
  void blankTitleIsRefused() {
    assertThatThrownBy(() -> Task.submit(id, new CreateTask("   ", "x", "LOW", "ana"), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("title must not be blank");
  }

  @Test
  void overlongDescriptionIsRefused() {
    String tooLong = "x".repeat(CreateTask.DESCRIPTION_MAX + 1);
    assertThatThrownBy(() -> Task.submit(id, new CreateTask("t", tooLong, "LOW", "ana"), NOW))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("description must be at most 20000 characters");
  }

  @Test
  void missingDescriptionBecomesEmpty() {
    Task task = Task.submit(id, new CreateTask("t", null, "LOW", "ana"), NOW);
    assertThat(task.view().description()).isEmpty();
  }

  @Test
  void unknownPriorityIsRefused() {
    assertThatThrownBy(() -> Task.submit(id, new CreateTask("t", "d", "URGENT", "ana"), NOW))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
