package dev.refinery.shared.infrastructure.messaging;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;
import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;
import static dev.refinery.shared.messaging.BoundedContext.TASK_MANAGEMENT;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.orchestration.api.ProbeEvent;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.testing.SettableClock;
import dev.refinery.taskmanagement.api.CancelTask;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PublicationTest {

  private static final Instant NOW = Instant.parse("2026-12-06T06:00:00Z");

  private final Publication publication =
      new Publication(new MessageCodec(), new SettableClock(NOW));

  @Test
  void commandCarriesTheSenderItsPublisherNamesWhoeverOwnsTheType() {
    CancelTask cancel = new CancelTask("0b5c1a4e-6f1d-4c8e-9a57-3f0e2b7d9c11", "ana", "no longer");

    Headers byAPerson = publication.command(HUMAN_INTERACTION, cancel, null).message().headers();
    Publication.Outgoing byServiceLevels = publication.command(ORCHESTRATION, cancel, null);

    assertThat(byAPerson.source()).isEqualTo(HUMAN_INTERACTION);
    assertThat(byServiceLevels.message().headers().source()).isEqualTo(ORCHESTRATION);
    assertThat(byServiceLevels.destination().queue()).isEqualTo(TASK_MANAGEMENT.queue());
    assertThat(byServiceLevels.message().headers().occurredAt()).isEqualTo(NOW);
  }

  @Test
  void commandWithoutASenderIsRefusedBeforeAnythingIsSent() {
    CancelTask cancel = new CancelTask("0b5c1a4e-6f1d-4c8e-9a57-3f0e2b7d9c11", "ana", "no longer");

    assertThatThrownBy(() -> publication.command(null, cancel, null))
        .isInstanceOf(NullPointerException.class)
        .hasMessageContaining("sender");
  }

  @Test
  void whatIsPublishedWhileHandlingIsCausedByTheHandledMessageButSentByTheNamedSender()
      throws Exception {
    Headers handled =
        publication.event(new ProbeEvent("corr-1", "hello"), null).message().headers();
    Publication.Outgoing[] sent = new Publication.Outgoing[1];

    CurrentMessage.during(
        handled,
        () ->
            sent[0] =
                publication.command(
                    TASK_MANAGEMENT, new CancelTask("0b5c1a4e", "service-levels", "late"), null));

    assertThat(sent[0].message().headers().causationId()).isEqualTo(handled.messageId());
    assertThat(sent[0].message().headers().source()).isEqualTo(TASK_MANAGEMENT);
    assertThat(CurrentMessage.get()).isEmpty();
  }

  @Test
  void eventComesFromTheContextThatOwnsItsType() {
    Headers headers =
        publication.event(new ProbeEvent("corr-2", "hello"), null).message().headers();

    assertThat(headers.source()).isEqualTo(ORCHESTRATION);
    assertThat(headers.causationId()).isNull();
    assertThat(headers.type()).isEqualTo("orchestration.ProbeEvent");
  }
}
