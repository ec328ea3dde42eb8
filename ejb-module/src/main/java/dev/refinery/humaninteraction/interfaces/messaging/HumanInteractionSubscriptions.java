package dev.refinery.humaninteraction.interfaces.messaging;

import static dev.refinery.shared.messaging.BoundedContext.HUMAN_INTERACTION;

import dev.refinery.humaninteraction.api.NotifyApprovers;
import dev.refinery.humaninteraction.api.NotifyRequester;
import dev.refinery.humaninteraction.api.Remind;
import dev.refinery.humaninteraction.application.Notifications;
import dev.refinery.humaninteraction.application.TaskViews;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.RequestValidationStarted;
import dev.refinery.taskmanagement.api.TaskEvent;
import dev.refinery.taskmanagement.api.TaskEvents;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Task events keep this context's view of tasks and tell people when a task waits for them: every
 * one but RequestValidationStarted, which changes nothing a person may decide (the view says NEW
 * until the next event), so this context's queue is not bound to it. Reminders and escalations are
 * Orchestration's commands; NotifyRequester and NotifyApprovers are still accepted from an older
 * Orchestration, which sent them instead of this context acting on the events.
 */
@ApplicationScoped
public class HumanInteractionSubscriptions {

  @Inject MessageQueue queue;

  @Inject Notifications notifications;

  @Inject TaskViews views;

  static final Set<Class<? extends DomainEvent>> SUBSCRIBED =
      TaskEvents.ALL.stream()
          .filter(type -> type != RequestValidationStarted.class)
          .collect(Collectors.toUnmodifiableSet());

  void subscribe(@Observes Startup startup) {
    queue.subscribeToCommands(
        HUMAN_INTERACTION,
        Set.of(NotifyRequester.class),
        envelope -> notifications.requester((NotifyRequester) envelope.payload()));
    queue.subscribeToCommands(
        HUMAN_INTERACTION,
        Set.of(NotifyApprovers.class),
        envelope -> notifications.approvers((NotifyApprovers) envelope.payload()));
    queue.subscribeToCommands(
        HUMAN_INTERACTION,
        Set.of(Remind.class),
        envelope -> notifications.remind((Remind) envelope.payload()));
    queue.subscribeToEvents(
        HUMAN_INTERACTION, SUBSCRIBED, envelope -> views.apply((TaskEvent) envelope.payload()));
  }
}
