package dev.refinery.humaninteraction.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.Notice;
import dev.refinery.shared.application.NotPermittedException;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * A person's notifications in the console: their own inbox and their roles' shared ones, what is
 * unread, and marking read only what they may read.
 */
class NotificationsTest {

  private static final Caller OWNER = new Caller("ana", Set.of(Role.REQUESTER));
  private static final Caller OTHER_REQUESTER = new Caller("rex", Set.of(Role.REQUESTER));
  private static final Caller APPROVER = new Caller("bo", Set.of(Role.APPROVER));
  private static final Caller OPERATOR = new Caller("op", Set.of(Role.OPERATOR));

  private final InMemoryHumanInteraction store = new InMemoryHumanInteraction();
  private final Notifications notifications = new Notifications();
  private final UUID task = UUID.randomUUID();

  NotificationsTest() {
    notifications.inboxes = store.inboxes;
    notifications.escalations = "operators";
    notifications.webhook = Optional.empty();
    notifications.webhookSecret = Optional.empty();
    notifications.add(new Notice("ana", task, "CLARIFICATION", 1, "Answer 1 question", "..."));
    notifications.add(new Notice("approvers", task, "PRD_REVIEW", 1, "Review the PRD", "..."));
    notifications.add(new Notice("operators", task, "ESCALATION", 1, "Stuck for a day", "..."));
  }

  private UUID idOf(String kind) {
    return store.notifications.stream()
        .filter(n -> n.kind().equals(kind))
        .findFirst()
        .orElseThrow()
        .id();
  }

  @Test
  void eachPersonSeesTheirOwnInboxAndTheirRolesSharedOnes() {
    assertThat(notifications.mine(OWNER, 50))
        .extracting(Notification::kind)
        .containsExactly("CLARIFICATION");
    assertThat(notifications.mine(APPROVER, 50))
        .extracting(Notification::kind)
        .containsExactly("PRD_REVIEW");
    assertThat(notifications.mine(OPERATOR, 50))
        .extracting(Notification::kind)
        .containsExactly("ESCALATION");
    assertThat(notifications.mine(OTHER_REQUESTER, 50)).isEmpty();
    assertThat(notifications.unread(OWNER)).isEqualTo(1);
  }

  @Test
  void markingReadLowersTheUnreadCountAndKeepsTheNotification() {
    notifications.markRead(OWNER, idOf("CLARIFICATION"));
    notifications.markRead(OWNER, idOf("CLARIFICATION")); // twice: still read, no error

    assertThat(notifications.unread(OWNER)).isZero();
    assertThat(notifications.mine(OWNER, 50))
        .singleElement()
        .satisfies(n -> assertThat(n.readAt()).isNotNull());
  }

  @Test
  void nobodyMarksANotificationOfAnInboxTheyDoNotRead() {
    UUID clarification = idOf("CLARIFICATION");
    UUID review = idOf("PRD_REVIEW");

    for (Caller caller : java.util.List.of(OTHER_REQUESTER, APPROVER, OPERATOR)) {
      assertThatThrownBy(() -> notifications.markRead(caller, clarification))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining("in the inboxes " + caller.name() + " reads");
    }
    assertThatThrownBy(() -> notifications.markRead(OWNER, review))
        .isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(() -> notifications.markRead(OWNER, UUID.randomUUID()))
        .isInstanceOf(NotPermittedException.class);
    assertThat(notifications.unread(OWNER)).isEqualTo(1);
    assertThat(notifications.unread(APPROVER)).isEqualTo(1);
  }

  @Test
  void markingAllReadTouchesOnlyThePersonsInboxes() {
    assertThat(notifications.markAllRead(APPROVER)).isEqualTo(1);

    assertThat(notifications.unread(APPROVER)).isZero();
    assertThat(notifications.unread(OWNER)).isEqualTo(1);
    assertThat(notifications.unread(OPERATOR)).isEqualTo(1);
  }
}
