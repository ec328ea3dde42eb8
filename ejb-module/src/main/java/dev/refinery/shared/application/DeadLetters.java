package dev.refinery.shared.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.api.Page;
import dev.refinery.shared.infrastructure.messaging.Publication;
import dev.refinery.shared.infrastructure.messaging.RawMessage;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetter;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.infrastructure.messaging.outbox.Outbox;
import dev.refinery.shared.logging.LogText;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Headers;
import dev.refinery.shared.messaging.MessageKind;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The operator's dead letters: read them, replay one to where it failed (a fresh first attempt with
 * the same message id, so contexts that did handle it skip it), or discard it: OPERATORs (and
 * ADMINs) only, each recorded with who.
 */
@Stateless
public class DeadLetters {

  private static final System.Logger LOG = System.getLogger(DeadLetters.class.getName());

  /** The most dead letters one bulk action takes. */
  public static final int MAX_BULK = 10_000;

  @Inject DeadLetterStore store;

  @Inject Outbox outbox;

  @Inject AuditTrail audit;

  public List<DeadLetterStore.Stored> open(int limit) {
    return store.open(Math.clamp(limit, 1, 1000));
  }

  public List<DeadLetterStore.Stored> ofTask(String correlationId) {
    return store.byCorrelation(correlationId);
  }

  /** A task's dead letters, open or resolved, as operators read them. */
  public List<DeadLetterView> viewsOfTask(String correlationId) {
    return ofTask(correlationId).stream().map(DeadLetterView::of).toList();
  }

  /** The open dead letters, the newest first, as operators read them. */
  public List<DeadLetterView> openViews(int limit) {
    return open(limit).stream().map(DeadLetterView::of).toList();
  }

  public long countOpen() {
    return store.countOpen();
  }

  /** The open dead letters by message type and exception class, the largest groups first. */
  public List<DeadLetterGroup> groups() {
    return store.openGroups().stream()
        .map(
            group ->
                new DeadLetterGroup(
                    group.type(),
                    group.exceptionClass(),
                    group.count(),
                    group.oldest(),
                    group.newest(),
                    group.example()))
        .toList();
  }

  private static DeadLetterStore.Filter stored(DeadLetterFilter filter) {
    return new DeadLetterStore.Filter(
        filter.type(), filter.exceptionClass(), filter.taskId(), filter.from(), filter.to());
  }

  /** A page of the open dead letters the filter takes, the newest first. */
  public Page<DeadLetterView> page(DeadLetterFilter filter, int page, int size) {
    int pageSize = Math.clamp(size, 1, 500);
    int pageNumber = Math.max(page, 0);
    return new Page<>(
        store.open(stored(filter), pageNumber * pageSize, pageSize).stream()
            .map(DeadLetterView::of)
            .toList(),
        pageNumber,
        pageSize,
        store.countOpen(stored(filter)));
  }

  /**
   * Replays the open dead letters the filter takes, at most as many as the operator confirmed (a
   * dead letter that arrived after the confirmation waits for the next decision); how many went.
   */
  public int replayAll(DeadLetterFilter filter, long confirmed, Caller caller) {
    String actor = operator(caller, "replay dead letters");
    List<DeadLetterStore.Stored> taken =
        store.resolveAll(stored(filter), bulk(confirmed), "REPLAYED", actor);
    taken.forEach(stored -> send(stored.deadLetter()));
    recordBulk(actor, "DEAD_LETTERS_REPLAYED", filter, taken.size());
    return taken.size();
  }

  /** Discards the open dead letters the filter takes, at most as many as confirmed; how many. */
  public int discardAll(DeadLetterFilter filter, long confirmed, Caller caller) {
    String actor = operator(caller, "discard dead letters");
    int discarded = store.resolveAll(stored(filter), bulk(confirmed), "DISCARDED", actor).size();
    recordBulk(actor, "DEAD_LETTERS_DISCARDED", filter, discarded);
    return discarded;
  }

  private static int bulk(long confirmed) {
    return (int) Math.clamp(confirmed, 0, MAX_BULK);
  }

  private void recordBulk(String actor, String action, DeadLetterFilter filter, int count) {
    String subject =
        Stream.of(filter.type(), filter.exceptionClass())
            .map(part -> part == null ? "any" : part)
            .collect(Collectors.joining(" / "));
    audit.record(actor, action, subject, filter.taskId(), count + " dead letters");
    LOG.log(
        Level.INFO,
        "{0}: {1} {2} dead letters ({3})",
        LogText.escaped(actor),
        action,
        count,
        LogText.escaped(subject));
  }

  public void replay(UUID id, Caller caller) {
    String actor = operator(caller, "replay a dead letter");
    DeadLetter letter = openLetter(id);
    store.resolve(id, "REPLAYED", actor);
    send(letter);
    Headers failed = letter.message().headers();
    audit.record(
        actor, "DEAD_LETTER_REPLAYED", id.toString(), failed.correlationId(), failed.type());
    LOG.log(Level.INFO, "{0} replayed dead letter {1}: {2}", LogText.escaped(actor), id, failed);
  }

  public void discard(UUID id, Caller caller) {
    String actor = operator(caller, "discard a dead letter");
    DeadLetter letter = openLetter(id);
    store.resolve(id, "DISCARDED", actor);
    Headers headers = letter.message().headers();
    audit.record(
        actor, "DEAD_LETTER_DISCARDED", id.toString(), headers.correlationId(), headers.type());
    LOG.log(Level.INFO, "{0} discarded dead letter {1}: {2}", LogText.escaped(actor), id, headers);
  }

  /** Who acts, once the caller is found an OPERATOR (or ADMIN). */
  private static String operator(Caller caller, String action) {
    Permissions.require(caller, Role.OPERATOR, action);
    return caller.name();
  }

  /** Sends the letter back where it failed: a fresh first attempt with the same message id. */
  private void send(DeadLetter letter) {
    Headers failed = letter.message().headers();
    Headers fresh =
        new Headers(
            failed.messageId(),
            failed.type(),
            failed.kind(),
            failed.correlationId(),
            failed.causationId(),
            failed.source(),
            failed.occurredAt(),
            1,
            failed.routingKey());
    outbox.append(
        new Publication.Outgoing(
            destination(letter), new RawMessage(fresh, letter.message().body())));
  }

  private DeadLetter openLetter(UUID id) {
    DeadLetterStore.Stored stored =
        store.find(id).orElseThrow(() -> new NoSuchDeadLetterException(id));
    if (!"DEAD".equals(stored.status())) {
      throw new DeadLetterResolvedException(id, stored.status(), stored.resolvedBy());
    }
    return stored.deadLetter();
  }

  /** Where it failed; when the broker gave up on it, where it was sent in the first place. */
  private static Publication.Destination destination(DeadLetter letter) {
    if (letter.origin() != null) {
      return Publication.Destination.queue(letter.origin());
    }
    Headers headers = letter.message().headers();
    if (headers.kind() == MessageKind.EVENT) {
      return Publication.Destination.EVERY_SUBSCRIBER;
    }
    return Publication.Destination.queue(BoundedContext.ofType(headers.type()).queue());
  }
}
