package dev.refinery.taskmanagement.api;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TaskEventsTest {

  @Test
  void everyTaskEventIsListedFromTheSealedInterface() {
    assertThat(TaskEvents.ALL)
        .containsExactlyInAnyOrder(
            TaskCreated.class,
            RequestValidationStarted.class,
            ClarificationRequested.class,
            ClarificationAnswered.class,
            PrdSubmitted.class,
            PrdApproved.class,
            PrdRejected.class,
            TaskFailed.class,
            TaskRetried.class,
            TaskCancelled.class);
  }

  @Test
  void everyTaskCommandIsListedFromTheSealedInterfaceAndCreationIsNotOne() {
    assertThat(TaskEvents.COMMANDS)
        .containsExactlyInAnyOrder(
            StartRequestValidation.class,
            RequestClarification.class,
            AnswerClarification.class,
            SubmitPrd.class,
            ApprovePrd.class,
            RejectPrd.class,
            FailTask.class,
            RetryTask.class,
            CancelTask.class);
    assertThat(TaskEvents.COMMANDS).doesNotContain(CreateTask.class);
  }
}
