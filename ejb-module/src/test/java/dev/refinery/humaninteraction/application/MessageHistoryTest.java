package dev.refinery.humaninteraction.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MessageRecord;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskCreated;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * Who reads which messages of the event log: operators all of it, a requester only their own tasks'
 * lines, nobody else's.
 */
class MessageHistoryTest {

  private static final Caller OWNER = new Caller("ana", Set.of(Role.REQUESTER));
  private static final Caller OTHER_REQUESTER = new Caller("rex", Set.of(Role.REQUESTER));
  private static final Caller APPROVER = new Caller("bo", Set.of(Role.APPROVER));
  private static final Caller OPERATOR = new Caller("op", Set.of(Role.OPERATOR));

  private final InMemoryHumanInteraction store = new InMemoryHumanInteraction();
  private final TaskViews views = new TaskViews();
  private final List<String> read = new ArrayList<>();
  private final MessageHistory history = new MessageHistory();
  private final UUID task = UUID.randomUUID();

  MessageHistoryTest() {
    views.views = store.taskViews;
    views.board = store.board;
    history.views = views;
    history.log =
        new EventLog() {
          @Override
          public List<MessageRecord> history(String correlationId) {
            read.add("history of " + correlationId);
            return List.of();
          }

          @Override
          public List<MessageRecord> find(Filter filter, int limit) {
            read.add("find " + filter.correlationId() + " limit " + limit);
            return List.of();
          }
        };
    views.apply(
        new TaskCreated(task.toString(), TaskStatus.NEW, 0, 0, "Export", "", "ana", Priority.HIGH));
  }

  @Test
  void anOperatorSearchesTheWholeLog() {
    history.find(new EventLog.Filter(null, null, null, null), 50, OPERATOR);

    assertThat(read).containsExactly("find null limit 50");
  }

  @Test
  void aRequesterReadsTheLinesOfTheirOwnTask() {
    history.find(new EventLog.Filter(task.toString(), null, null, null), 50, OWNER);
    history.ofTask(task, OWNER);

    assertThat(read).containsExactly("find " + task + " limit 50", "history of " + task);
    assertThat(history.mayRead(task, OWNER)).isTrue();
  }

  @Test
  void aRequesterWhoNamesNoTaskIsToldTheWholeLogIsForOperators() {
    assertThatThrownBy(() -> history.find(new EventLog.Filter(null, null, null, null), 50, OWNER))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("OPERATOR")
        .hasMessageContaining("task=");
    assertThat(read).isEmpty();
  }

  @Test
  void anotherRequesterAndAnApproverAreRefusedSomeoneElsesTask() {
    for (Caller caller : List.of(OTHER_REQUESTER, APPROVER)) {
      assertThatThrownBy(() -> history.ofTask(task, caller))
          .isInstanceOf(NotPermittedException.class)
          .hasMessageContaining(caller.name() + " did not request task " + task);
      assertThatThrownBy(
              () -> history.find(new EventLog.Filter(task.toString(), null, null, null), 5, caller))
          .isInstanceOf(NotPermittedException.class);
      assertThat(history.mayRead(task, caller)).isFalse();
    }
    assertThat(read).isEmpty();
  }

  @Test
  void aTaskNotKnownHereOrNotATaskIdIsRefusedToARequester() {
    assertThatThrownBy(() -> history.ofTask(UUID.randomUUID(), OWNER))
        .isInstanceOf(NotPermittedException.class);
    assertThatThrownBy(
            () -> history.find(new EventLog.Filter("not-a-task", null, null, null), 5, OWNER))
        .isInstanceOf(NotPermittedException.class)
        .hasMessageContaining("not-a-task");
    assertThat(read).isEmpty();
  }
}
