package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MessageRecord;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The event log as people read it, for the API and the console alike: OPERATORs read all of it;
 * anyone else the messages of a task they requested (as this context recorded at submission), and
 * only those. A task whose requester is not known here yet is nobody's.
 */
@ApplicationScoped
public class MessageHistory {

  @Inject EventLog log;

  @Inject TaskViews views;

  /** The messages matching the filter; without a task in it, the whole log, for OPERATORs. */
  public List<MessageRecord> find(EventLog.Filter filter, int limit, Caller caller) {
    if (!caller.has(Role.OPERATOR)) {
      if (filter.correlationId() == null) {
        throw new NotPermittedException(
            "the whole event log is for OPERATORs; name one of your tasks with task=");
      }
      requireRequester(filter.correlationId(), caller);
    }
    return log.find(filter, limit);
  }

  /** Every message about one task, oldest first. */
  public List<MessageRecord> ofTask(UUID task, Caller caller) {
    if (!mayRead(task, caller)) {
      throw refused(task.toString(), caller);
    }
    return log.history(task.toString());
  }

  /** Whether the caller may read a task's messages: an OPERATOR, or the task's requester. */
  public boolean mayRead(UUID task, Caller caller) {
    return caller.has(Role.OPERATOR)
        || views.find(task).filter(view -> view.requester().equals(caller.name())).isPresent();
  }

  private void requireRequester(String task, Caller caller) {
    if (!parse(task).map(id -> mayRead(id, caller)).orElse(false)) {
      throw refused(task, caller);
    }
  }

  private static NotPermittedException refused(String task, Caller caller) {
    return new NotPermittedException(
        caller.name()
            + " did not request task "
            + task
            + ": its messages are for its requester and OPERATORs");
  }

  private static Optional<UUID> parse(String task) {
    try {
      return Optional.of(UUID.fromString(task));
    } catch (IllegalArgumentException e) {
      return Optional.empty();
    }
  }
}
