package dev.refinery.shared.application;

import static dev.refinery.shared.testing.Callers.ADMIN;
import static dev.refinery.shared.testing.Callers.NOT_OPERATORS;
import static dev.refinery.shared.testing.Callers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.infrastructure.messaging.deadletter.Failure;
import dev.refinery.shared.infrastructure.messaging.outbox.Outbox;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.MessageKind;
import dev.refinery.shared.testing.RecordingAuditTrail;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An operator's replay or discard of a dead letter: once, audited, and a replay goes where the
 * message failed as a fresh first attempt with the same message id. Nobody else's.
 */
class DeadLettersTest {

  private static final Instant FAILED_AT = Instant.parse("2026-12-06T10:00:00Z");
  private static final String TASK = "0b5c1a4e-6f1d-4c8e-9a57-3f0e2b7d9c11";

  private final Map<UUID, DeadLetterStore.Stored> letters = new LinkedHashMap<>();
  private final List<Publication.Outgoing> sent = new ArrayList<>();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final DeadLetters deadLetters = new DeadLetters();

  DeadLettersTest() {
    deadLetters.audit = audit;
    deadLetters.outbox =
        new Outbox() {
          @Override
          public void append(Publication.Outgoing outgoing) {
            sent.add(outgoing);
          }
        };
    deadLetters.store =
        new DeadLetterStore() {
          @Override
          public Optional<Stored> find(UUID id) {
            return Optional.ofNullable(letters.get(id));
          }

          @Override
          public List<Stored> resolveAll(Filter filter, int limit, String status, String actor) {
            List<Stored> taken =
                letters.values().stream()
                    .filter(stored -> stored.status().equals("DEAD"))
                    .filter(
                        stored ->
                            filter.type() == null
                                || filter
                                    .type()
                                    .equals(stored.deadLetter().message().headers().type()))
                    .limit(limit)
                    .toList();
            taken.forEach(stored -> resolve(stored.deadLetter().id(), status, actor));
            return taken;
          }

          @Override
          public boolean resolve(UUID id, String status, String actor) {
            Stored was = letters.get(id);
            letters.put(id, new Stored(was.deadLetter(), status, actor, FAILED_AT.plusSeconds(60)));
            return true;
          }
        };
  }

  private UUID dead(MessageKind kind, String type, String origin) {
    Headers headers =
        new Headers(
            UUID.randomUUID(),
            type,
            kind,
            TASK,
            null,
            BoundedContext.TASK_MANAGEMENT,
            FAILED_AT.minusSeconds(30),
            5,
            null);
    DeadLetter letter =
        DeadLetter.of(
            new RawMessage(headers, "{\"taskId\":\"" + TASK + "\"}", FAILED_AT, "boom"),
            origin,
            new Failure(true, "java.lang.IllegalStateException", "boom"),
            FAILED_AT);
    letters.put(letter.id(), new DeadLetterStore.Stored(letter, "DEAD", null, null));
    return letter.id();
  }

  @Test
  void aReplayGoesBackWhereItFailedAsAFirstAttemptWithTheSameMessageId() {
    UUID id = dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");
    Headers failed = letters.get(id).deadLetter().message().headers();

    deadLetters.replay(id, OPERATOR);

    assertThat(sent)
        .singleElement()
        .satisfies(
            outgoing -> {
              assertThat(outgoing.destination().queue()).isEqualTo("refinery.taskmanagement");
              Headers fresh = outgoing.message().headers();
              assertThat(fresh.messageId()).isEqualTo(failed.messageId());
              assertThat(fresh.attempt()).isEqualTo(1);
              assertThat(fresh.correlationId()).isEqualTo(TASK);
              assertThat(outgoing.message().body()).contains(TASK);
              assertThat(outgoing.message().firstFailureAt()).isNull();
            });
    assertThat(letters.get(id).status()).isEqualTo("REPLAYED");
    assertThat(audit.entries())
        .containsExactly("opal DEAD_LETTER_REPLAYED " + id + ": taskmanagement.ApprovePrd");
  }

  @Test
  void aMessageTheBrokerGaveUpOnIsReplayedToWhereItWasFirstSent() {
    UUID event = dead(MessageKind.EVENT, "taskmanagement.TaskCreated", null);
    UUID command = dead(MessageKind.COMMAND, "humaninteraction.Remind", null);

    deadLetters.replay(event, OPERATOR);
    deadLetters.replay(command, OPERATOR);

    assertThat(sent)
        .extracting(outgoing -> outgoing.destination().toString())
        .containsExactly("every subscriber", "refinery.humaninteraction");
  }

  @Test
  void aDiscardSendsNothingAndIsAudited() {
    UUID id = dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");

    deadLetters.discard(id, OPERATOR);

    assertThat(sent).isEmpty();
    assertThat(letters.get(id).status()).isEqualTo("DISCARDED");
    assertThat(audit.entries())
        .containsExactly("opal DEAD_LETTER_DISCARDED " + id + ": taskmanagement.ApprovePrd");
  }

  @Test
  void aLetterAlreadyResolvedIsRefusedNamingWhoResolvedItAndNothingIsSentTwice() {
    UUID id = dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");
    deadLetters.replay(id, OPERATOR);

    assertThatThrownBy(() -> deadLetters.replay(id, ADMIN))
        .isInstanceOf(DeadLetterResolvedException.class)
        .hasMessage("dead letter " + id + " was already replayed by opal");
    assertThatThrownBy(() -> deadLetters.discard(id, ADMIN))
        .isInstanceOf(DeadLetterResolvedException.class);
    assertThat(sent).hasSize(1);
    assertThat(audit.entries()).hasSize(1);
  }

  @Test
  void aGroupIsReplayedAtMostAsFarAsTheOperatorConfirmedWithOneAuditEntry() {
    for (int i = 0; i < 3; i++) {
      dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");
    }
    UUID other = dead(MessageKind.EVENT, "taskmanagement.TaskCreated", null);
    DeadLetterFilter approvals =
        new DeadLetterFilter("taskmanagement.ApprovePrd", null, null, null, null);

    int replayed = deadLetters.replayAll(approvals, 2, OPERATOR);

    assertThat(replayed).isEqualTo(2);
    assertThat(sent)
        .hasSize(2)
        .allSatisfy(
            outgoing -> {
              assertThat(outgoing.message().headers().attempt()).isEqualTo(1);
              assertThat(outgoing.destination().queue()).isEqualTo("refinery.taskmanagement");
            });
    assertThat(letters.values()).filteredOn(s -> s.status().equals("REPLAYED")).hasSize(2);
    assertThat(letters.get(other).status()).isEqualTo("DEAD");
    assertThat(audit.entries())
        .containsExactly(
            "opal DEAD_LETTERS_REPLAYED taskmanagement.ApprovePrd / any: 2 dead letters");
  }

  @Test
  void aDiscardedGroupSendsNothing() {
    dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");
    dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");

    int discarded = deadLetters.discardAll(DeadLetterFilter.ANY, 10, OPERATOR);

    assertThat(discarded).isEqualTo(2);
    assertThat(sent).isEmpty();
    assertThat(letters.values()).allSatisfy(s -> assertThat(s.status()).isEqualTo("DISCARDED"));
  }

  @Test
  void anUnknownLetterIsRefusedByItsId() {
    UUID unknown = UUID.randomUUID();

    assertThatThrownBy(() -> deadLetters.replay(unknown, OPERATOR))
        .isInstanceOf(NoSuchDeadLetterException.class)
        .hasMessage("no dead letter " + unknown);
    assertThat(sent).isEmpty();
  }

  @Test
  void anAdminReplaysAndDiscardsAndIsNamedInTheAuditTrail() {
    UUID replayed = dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", null);
    UUID discarded = dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", null);

    deadLetters.replay(replayed, ADMIN);
    deadLetters.discard(discarded, ADMIN);

    assertThat(sent).hasSize(1);
    assertThat(letters.get(replayed).resolvedBy()).isEqualTo("ada");
    assertThat(audit.entries())
        .containsExactly(
            "ada DEAD_LETTER_REPLAYED " + replayed + ": taskmanagement.ApprovePrd",
            "ada DEAD_LETTER_DISCARDED " + discarded + ": taskmanagement.ApprovePrd");
  }

  @Test
  void whoIsNeitherOperatorNorAdminIsRefusedByNameAndNothingMoves() {
    UUID id = dead(MessageKind.COMMAND, "taskmanagement.ApprovePrd", "refinery.taskmanagement");

    for (Caller refused : NOT_OPERATORS) {
      String needs = ": it needs the role OPERATOR";
      assertThatThrownBy(() -> deadLetters.replay(id, refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not replay a dead letter" + needs);
      assertThatThrownBy(() -> deadLetters.discard(id, refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not discard a dead letter" + needs);
      assertThatThrownBy(() -> deadLetters.replayAll(DeadLetterFilter.ANY, 10, refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not replay dead letters" + needs);
      assertThatThrownBy(() -> deadLetters.discardAll(DeadLetterFilter.ANY, 10, refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(refused.name() + " may not discard dead letters" + needs);
    }

    assertThat(sent).isEmpty();
    assertThat(letters.get(id).status()).isEqualTo("DEAD");
    assertThat(letters.get(id).resolvedBy()).isNull();
    assertThat(audit.entries()).isEmpty();
  }
}
