package dev.refinery.shared.messaging;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.taskmanagement.api.ApprovePrd;
import dev.refinery.taskmanagement.api.CreateTask;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskCommand;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class EnvelopeTest {

  private static final String TASK = "0b5c1a4e-6f1d-4c8e-9a57-3f0e2b7d9c11";

  private static Envelope<Command> received(Command command) {
    return new Envelope<>(
        new Headers(
            UUID.randomUUID(),
            "taskmanagement." + command.getClass().getSimpleName(),
            MessageKind.COMMAND,
            TASK,
            null,
            BoundedContext.HUMAN_INTERACTION,
            Instant.parse("2026-12-06T10:00:00Z"),
            1,
            null),
        command);
  }

  @Test
  void anEnvelopeIsTypedAsWhatItsPayloadIsWithItsHeadersKept() {
    Envelope<Command> envelope = received(new ApprovePrd(TASK, 1, "bo"));

    Envelope<TaskCommand> typed = envelope.as(TaskCommand.class);

    assertThat(typed.payload()).isEqualTo(new ApprovePrd(TASK, 1, "bo"));
    assertThat(typed.headers()).isSameAs(envelope.headers());
  }

  @Test
  void anEnvelopeIsNotTypedAsSomethingItsPayloadIsNot() {
    Envelope<Command> envelope = received(new CreateTask(TASK, "Export", "", Priority.LOW, "ana"));

    assertThatThrownBy(() -> envelope.as(TaskCommand.class))
        .isInstanceOf(ClassCastException.class)
        .hasMessageContaining("CreateTask")
        .hasMessageContaining("TaskCommand");
  }
}
