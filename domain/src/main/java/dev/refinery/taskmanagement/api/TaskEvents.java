package dev.refinery.taskmanagement.api;

import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every task event type, for contexts that keep their own view of tasks; every task command type.
 */
public final class TaskEvents {

  public static final Set<Class<? extends DomainEvent>> ALL =
      permitted(TaskEvent.class, DomainEvent.class);

  /** Every task command type, for Task Management's subscription. */
  public static final Set<Class<? extends Command>> COMMANDS =
      permitted(TaskCommand.class, Command.class);

  private TaskEvents() {}

  private static <T> Set<Class<? extends T>> permitted(Class<? extends T> sealed, Class<T> kind) {
    return Arrays.stream(sealed.getPermittedSubclasses())
        .<Class<? extends T>>map(type -> type.asSubclass(kind))
        .collect(Collectors.toUnmodifiableSet());
  }
}
