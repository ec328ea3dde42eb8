package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.DomainEvent;
import java.util.Set;

/** Every task event type, for contexts that keep their own view of tasks. */
public final class TaskEvents {

  public static final Set<Class<? extends DomainEvent>> ALL = Set.of(TaskCreated.class, RequestValidationStarted.class,
      ClarificationRequested.class, ClarificationAnswered.class, PrdSubmitted.class, PrdApproved.class,
      PrdRejected.class, TaskFailed.class, TaskRetried.class, TaskCancelled.class);

  private TaskEvents() {}
}
