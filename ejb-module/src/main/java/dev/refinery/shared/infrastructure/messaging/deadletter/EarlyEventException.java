package dev.refinery.shared.infrastructure.messaging.deadletter;

/**
 * An event about a task this context has not heard of yet: the task's first event is still on its
 * way (consumers run in parallel, on several instances, so two events of one task can overtake each
 * other). Rolls the handling back so the event is tried again after the usual delay, by which time
 * the first one has been applied; nothing is dropped.
 */
public class EarlyEventException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public EarlyEventException(String eventType, String taskId) {
    super(
        eventType
            + " of task "
            + taskId
            + " arrived before the task's first event; tried again later");
  }
}
