package dev.refinery.humaninteraction.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.testing.MapConfig;
import dev.refinery.shared.testing.RecordingAuditTrail;
import dev.refinery.taskmanagement.api.PrdSubmitted;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Given PRDs waiting for review, when approvers and operators claim, release and assign them, then
 * who holds each, what the queue lists per filter, the assignee's inbox and the audit log; and the
 * refusals, each naming why.
 */
class ReviewsTest {

  private static final Caller BO = new Caller("bo", Set.of(Role.APPROVER));
  private static final Caller CY = new Caller("cy", Set.of(Role.APPROVER));
  private static final Caller ANA = new Caller("ana", Set.of(Role.REQUESTER, Role.APPROVER));
  private static final Caller OP = new Caller("op", Set.of(Role.OPERATOR));
  private static final Caller REX = new Caller("rex", Set.of(Role.REQUESTER));

  private final InMemoryHumanInteraction store = new InMemoryHumanInteraction();
  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final Map<String, String> settings = new HashMap<>();
  private final Notifications notifications = store.notifications();
  private final TaskViews views = store.taskViews(notifications);
  private final Reviews reviews = new Reviews();

  ReviewsTest() {
    Deciders deciders = new Deciders();
    deciders.audit = audit;
    deciders.refusals = audit.refusals();
    reviews.board = store.board;
    reviews.views = views;
    reviews.deciders = deciders;
    reviews.people = store.people;
    reviews.notifications = notifications;
    reviews.audit = audit;
    reviews.config = new MapConfig(settings);
    reviews.clock = Clock.fixed(InMemoryHumanInteraction.NOW, ZoneOffset.UTC);
    for (String approver : List.of("bo", "cy", "ana")) {
      store.people.add(
          approver, approver, "hash", Set.of(Role.APPROVER), InMemoryHumanInteraction.NOW);
    }
    store.people.add("rex", "rex", "hash", Set.of(Role.REQUESTER), InMemoryHumanInteraction.NOW);
  }

  /** A task of ana's whose PRD revision {@code revision} waits for review. */
  private UUID waiting(int revision) {
    UUID task = UUID.randomUUID();
    views.apply(
        new TaskCreated(task.toString(), TaskStatus.NEW, 0, 0, "Export", "", "ana", Priority.LOW));
    views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, revision));
    return task;
  }

  @Test
  void anApproverClaimsAndTheQueueSaysWhoHoldsWhat() {
    UUID claimed = waiting(1);
    UUID free = waiting(1);

    reviews.claim(claimed, BO);

    assertThat(reviews.holder(claimed)).map(Reviews.Holder::name).contains("bo");
    assertThat(reviews.waiting(BO, Reviews.Filter.MINE, false))
        .extracting(Reviews.Waiting::taskId)
        .containsExactly(claimed);
    assertThat(reviews.waiting(CY, Reviews.Filter.MINE, false)).isEmpty();
    assertThat(reviews.waiting(CY, Reviews.Filter.UNASSIGNED, false))
        .extracting(Reviews.Waiting::taskId)
        .containsExactly(free);
    assertThat(audit.entries()).containsExactly("bo REVIEW_CLAIMED " + claimed + ": revision 1");
  }

  @Test
  void aReviewSomeoneHoldsCannotBeClaimedAndOnlyItsHolderOrAnOperatorReleasesIt() {
    UUID task = waiting(1);
    reviews.claim(task, BO);

    assertThatThrownBy(() -> reviews.claim(task, CY))
        .isInstanceOf(ReviewHeldException.class)
        .hasMessageContaining("bo holds this review since 2026-12-06T10:00:00Z");
    assertThatThrownBy(() -> reviews.release(task, CY))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("only bo or an OPERATOR can release it");
    reviews.release(task, OP);

    assertThat(reviews.holder(task)).isEmpty();
    assertThat(audit.entries()).contains("op REVIEW_RELEASED " + task + ": revision 1, held by bo");
  }

  @Test
  void anOperatorAssignsAReviewToAnApproverWhoIsToldInTheirInbox() {
    UUID task = waiting(2);
    reviews.claim(task, BO);

    reviews.assign(task, "cy", OP);

    assertThat(reviews.holder(task))
        .map(hold -> hold.name() + " by " + hold.assignedBy())
        .contains("cy by op");
    assertThat(store.notifications)
        .extracting(Notification::recipient, Notification::kind, Notification::subject)
        .contains(
            org.assertj.core.groups.Tuple.tuple(
                "cy", "REVIEW_ASSIGNED", "op asked you to review PRD revision 2 of \"Export\""));
    assertThat(audit.entries())
        .contains("op REVIEW_ASSIGNED " + task + ": revision 2 to cy, taken from bo");
  }

  @Test
  void reviewsGoOnlyToApproversWhoMayDecideThem() {
    UUID task = waiting(1);

    assertThatThrownBy(() -> reviews.assign(task, "rex", BO))
        .isInstanceOf(InvalidDecisionException.class)
        .hasMessageContaining("'rex' is not an enabled APPROVER");
    assertThatThrownBy(() -> reviews.assign(task, "cy", REX))
        .isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(() -> reviews.claim(task, REX))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("needs the role APPROVER");
    assertThatThrownBy(() -> reviews.claim(task, ANA))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("ana requested task");
    assertThat(reviews.holder(task)).isEmpty();
  }

  @Test
  void aNewRevisionIsOpenToEveryoneAgain() {
    UUID task = waiting(1);
    reviews.claim(task, BO);

    views.apply(new PrdSubmitted(task.toString(), TaskStatus.PRD_VALIDATION, 0, 2));

    assertThat(reviews.holder(task)).isEmpty();
    reviews.claim(task, CY);
    assertThat(reviews.holder(task)).map(Reviews.Holder::name).contains("cy");
  }

  @Test
  void aReviewIsDueWhenTheServiceLevelsEscalateItAndOverdueAfter() {
    UUID task = waiting(1);
    settings.put("refinery.sla.review.remind", "PT1H");

    assertThat(reviews.waiting(BO, Reviews.Filter.ALL, false))
        .extracting(Reviews.Waiting::due)
        .containsExactly(InMemoryHumanInteraction.NOW.plus(Duration.ofHours(1)));
    settings.put("refinery.sla.review.escalate", "PT4H");
    assertThat(reviews.waiting(BO, Reviews.Filter.ALL, false))
        .extracting(Reviews.Waiting::due)
        .containsExactly(InMemoryHumanInteraction.NOW.plus(Duration.ofHours(4)));
    assertThat(reviews.waiting(BO, Reviews.Filter.OVERDUE, false)).isEmpty();

    reviews.clock =
        Clock.fixed(InMemoryHumanInteraction.NOW.plus(Duration.ofHours(5)), ZoneOffset.UTC);

    assertThat(reviews.waiting(BO, Reviews.Filter.OVERDUE, false))
        .extracting(Reviews.Waiting::taskId)
        .containsExactly(task);
    assertThatThrownBy(() -> reviews.waiting(REX, Reviews.Filter.ALL, false))
        .isInstanceOf(NotPermittedException.class);
  }
}
