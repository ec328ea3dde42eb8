package dev.refinery.humaninteraction.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Given Human Interaction's view of a task, when Task Management's news arrives, then the view. */
class TaskViewTest {

  private static final UUID TASK = UUID.fromString("00000000-0000-0000-0000-0000000000c1");
  private static final List<Question> WHO =
      List.of(
          new Question(
              "who",
              "Who needs it?",
              List.of(new Question.Option("fin", "Finance")),
              "fin",
              "audience"));

  @Test
  void aSubmittedTaskIsNewWithNoQuestions() {
    TaskView view = TaskView.submitted(TASK, "Export", "ana");

    assertThat(view.state())
        .extracting(TaskView.State::status, TaskView.State::round, TaskView.State::questions)
        .containsExactly(TaskStatus.NEW, 0, List.of());
  }

  @Test
  void questionsAskedAreKeptUntilNewOnesCome() {
    TaskView view = TaskView.submitted(TASK, "Export", "ana");

    view.advance(TaskStatus.CLARIFICATION_NEEDED, 1, 0, WHO);
    view.advance(TaskStatus.REQUEST_VALIDATION, 1, 0, null);

    assertThat(view.state().questions()).isEqualTo(WHO);
    assertThat(view.state().status()).isEqualTo(TaskStatus.REQUEST_VALIDATION);
  }

  @Test
  void oldNewsDoesNotMoveTheView() {
    TaskView view = TaskView.submitted(TASK, "Export", "ana");
    view.advance(TaskStatus.PRD_VALIDATION, 1, 2, null);

    assertThat(view.advance(TaskStatus.CLARIFICATION_NEEDED, 1, 1, WHO)).isFalse();
    assertThat(view.advance(TaskStatus.CLARIFICATION_NEEDED, 0, 2, WHO)).isFalse();
    assertThat(view.state().status()).isEqualTo(TaskStatus.PRD_VALIDATION);
  }

  @ParameterizedTest
  @EnumSource(
      value = TaskStatus.class,
      names = {"PRD_APPROVED", "CANCELLED"})
  void anEndedTaskStaysEnded(TaskStatus end) {
    TaskView view = TaskView.submitted(TASK, "Export", "ana");
    view.advance(end, 1, 1, null);

    assertThat(view.advance(TaskStatus.PRD_VALIDATION, 2, 2, null)).isFalse();
    assertThat(view.state().status()).isEqualTo(end);
  }
}
