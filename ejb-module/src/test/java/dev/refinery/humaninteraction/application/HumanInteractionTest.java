package dev.refinery.humaninteraction.application;

import static dev.refinery.humaninteraction.application.InMemoryHumanInteraction.NOW;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.shared.infrastructure.messaging.deadletter.EarlyEventException;
import dev.refinery.shared.testing.RecordingAuditTrail;
import dev.refinery.taskmanagement.api.ClarificationRequested;
import dev.refinery.taskmanagement.api.PrdApproved;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Given what Human Interaction knows, when events, posts and sign-ins come, then its views, inboxes
 * and lockouts.
 */
class HumanInteractionTest {

  private static final List<Question> WHO =
      List.of(
          new Question(
              "who",
              "Who needs it?",
              List.of(new Question.Option("fin", "Finance")),
              "fin",
              "audience"));

  private final InMemoryHumanInteraction store = new InMemoryHumanInteraction();
  private final Notifications notifications = new Notifications();
  private final TaskViews views = new TaskViews();

  HumanInteractionTest() {
    notifications.inboxes = store.inboxes;
    notifications.escalations = "operators";
    notifications.webhook = Optional.of("http://127.0.0.1:9/hook");
    notifications.webhookSecret = Optional.of("s3cret");
    views.views = store.taskViews;
    views.board = store.board;
    views.notifications = notifications;
  }

  private UUID created() {
    UUID task = UUID.randomUUID();
    views.apply(
        new TaskCreated(task.toString(), TaskStatus.NEW, 0, 0, "Export", "", "ana", Priority.HIGH));
    return task;
  }

  @Nested
  class WhenTaskManagementSaysSomething {

    @Test
    void questionsTellTheRequesterOnceAndAreKeptForTheAnswerForm() {
      UUID task = created();
      ClarificationRequested asked =
          new ClarificationRequested(task.toString(), TaskStatus.CLARIFICATION_NEEDED, 1, 0, WHO);

      views.apply(asked);
      views.apply(asked);

      assertThat(notifications.inbox("ana", 10))
          .singleElement()
          .satisfies(notification -> assertThat(notification.kind()).isEqualTo("CLARIFICATION"));
      assertThat(views.find(task)).map(TaskViews.View::questions).contains(WHO);
    }

    @Test
    void aPrdTellsTheApproversAndIsQueuedForTheWebhook() {
      UUID task = created();

      views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));

      List<Notification> approvers = notifications.inbox(Notifications.APPROVERS, 10);
      assertThat(approvers)
          .extracting(Notification::kind, Notification::step)
          .containsExactly(tuple("PRD_REVIEW", 1));
      assertThat(store.webhookAttempts).containsOnlyKeys(approvers.getFirst().id());
    }

    @Test
    void lateNewsAfterApprovalTellsNobody() {
      UUID task = created();
      views.apply(new PrdApproved(task.toString(), TaskStatus.PRD_APPROVED, 0, 1, "bo"));

      views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));

      assertThat(store.notifications).isEmpty();
      assertThat(views.find(task)).map(TaskViews.View::status).contains(TaskStatus.PRD_APPROVED);
    }

    @Test
    void newsOfATaskNotCreatedHereIsRetriedLater() {
      assertThatThrownBy(
              () ->
                  views.apply(
                      new PrdSubmitted(
                          UUID.randomUUID().toString(), TaskStatus.PRD_VALIDATION, 0, 1)))
          .isInstanceOf(EarlyEventException.class);
    }
  }

  @Nested
  class WhenTheWebhookIsPosted {

    private final List<String> posts = new ArrayList<>();
    private final List<Optional<String>> answers = new ArrayList<>();
    private final WebhookDeliveries deliveries = new WebhookDeliveries();

    WhenTheWebhookIsPosted() {
      deliveries.deliveries = store.webhooks;
      deliveries.url = Optional.of("http://127.0.0.1:9/hook");
      deliveries.secret = Optional.of("s3cret");
      deliveries.retryDelays = "1s,2s";
      deliveries.endpoint =
          (url, secret, body) -> {
            posts.add(body);
            return answers.isEmpty() ? Optional.empty() : answers.removeFirst();
          };
    }

    @Test
    void aPostTheReceiverTakesIsDeliveredWithTheNotificationAsJson() {
      UUID task = created();
      views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));

      deliveries.claimDue(10).forEach(deliveries::deliver);

      assertThat(store.webhookOutcomes.values()).containsExactly("delivered");
      assertThat(posts)
          .singleElement()
          .asString()
          .contains("\"taskId\":\"" + task + "\"", "\"kind\":\"PRD_REVIEW\"");
    }

    @Test
    void aPostRefusedPastItsRetriesIsGivenUpAndTheInboxKeepsIt() {
      UUID task = created();
      views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 1));
      answers.addAll(
          List.of(Optional.of("HTTP 500"), Optional.of("HTTP 502"), Optional.of("HTTP 503")));

      for (int attempt = 0; attempt < 3; attempt++) {
        deliveries.claimDue(10).forEach(deliveries::deliver);
      }

      assertThat(posts).hasSize(3);
      assertThat(store.webhookOutcomes.values()).containsExactly("given up: HTTP 503");
      assertThat(notifications.inbox(Notifications.APPROVERS, 10)).hasSize(1);
    }
  }

  @Nested
  class WhenSignInsFail {

    private final RecordingAuditTrail audit = new RecordingAuditTrail();
    private final List<String> audited = audit.entries();
    private final SignIns signIns = new SignIns();

    WhenSignInsFail() {
      signIns.people = store.people;
      signIns.lockoutAfter = 3;
      signIns.clock = Clock.fixed(NOW, ZoneOffset.UTC);
      signIns.audit = audit;
      store.people.add("ana", "Ana", "hash", Set.of(), NOW.minusSeconds(3600));
    }

    @Test
    void theThirdFailureInARowLocksOutOnceAuditedAndNewVersioned() {
      signIns.failed("ana");
      signIns.failed("ana");
      assertThat(store.versions.get("ana")).isEqualTo(NOW.minusSeconds(3600));

      signIns.failed("ana");
      signIns.failed("ana");

      assertThat(store.signIns.get("ana").locked()).isTrue();
      assertThat(store.versions.get("ana")).isEqualTo(NOW);
      assertThat(audited)
          .containsExactly("sign-in PERSON_LOCKED ana: after 3 failed sign-ins in a row");
    }

    @Test
    void aSuccessInBetweenStartsTheCountAgain() {
      signIns.failed("ana");
      signIns.failed("ana");
      signIns.succeeded("ana");
      signIns.failed("ana");

      assertThat(store.signIns.get("ana").failures()).isEqualTo(1);
      assertThat(audited).isEmpty();
    }

    @Test
    void anUnknownNameChangesNothing() {
      signIns.failed("nobody");

      assertThat(store.signIns).containsOnlyKeys("ana");
    }
  }
}
