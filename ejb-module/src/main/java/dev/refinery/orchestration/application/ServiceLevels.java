package dev.refinery.orchestration.application;

import static dev.refinery.shared.messaging.BoundedContext.ORCHESTRATION;

import dev.refinery.humaninteraction.api.Remind;
import dev.refinery.orchestration.domain.ServiceLevelLadder;
import dev.refinery.orchestration.domain.ServiceLevelStep;
import dev.refinery.orchestration.domain.ServiceLevelSteps;
import dev.refinery.orchestration.domain.Workflow;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.CancelTask;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The service-level ladders for tasks waiting on people (see {@link ServiceLevelLadder}): after
 * {@code refinery.sla.<ladder>.remind} a reminder to whoever it waits on, after {@code .escalate}
 * an escalation to {@code refinery.sla.escalate-to}, after {@code .expire} (unset: never) the task
 * is cancelled. Every step is taken once per episode.
 */
@Stateless
public class ServiceLevels {

  private static final System.Logger LOG = System.getLogger(ServiceLevels.class.getName());
  private static final int BATCH = 200;

  @Inject ServiceLevelSteps steps;

  @Inject MessageQueue queue;

  @Inject Config config;

  @Inject Clock clock;

  /** Takes every step that is due, in ladder order; returns how many it took. */
  public int advance() {
    int taken = 0;
    for (ServiceLevelLadder ladder : ServiceLevelLadder.values()) {
      for (ServiceLevelStep step : ServiceLevelStep.values()) {
        Optional<Duration> after =
            config.getOptionalValue(
                "refinery.sla." + ladder.key() + "." + step.key(), Duration.class);
        if (after.isPresent()) {
          taken += take(ladder, step, after.get());
        }
      }
    }
    return taken;
  }

  private int take(ServiceLevelLadder ladder, ServiceLevelStep step, Duration after) {
    Instant now = clock.instant();
    int taken = 0;
    for (Workflow workflow : steps.lockDue(ladder, step, now.minus(after), BATCH)) {
      if (steps.taken(workflow, ladder, step, now)) {
        act(ladder, step, after, workflow);
        taken++;
      }
    }
    return taken;
  }

  private void act(
      ServiceLevelLadder ladder, ServiceLevelStep step, Duration after, Workflow workflow) {
    String task = workflow.taskId().toString();
    String state = ladder.state().name();
    int episode = ladder.episode(workflow);
    String title = workflow.state().title();
    switch (step) {
      case REMIND ->
          queue.publishCommand(
              ORCHESTRATION,
              new Remind(task, ladder.waitingOn(workflow), "REMINDER", state, episode, title));
      case ESCALATE ->
          queue.publishCommand(
              ORCHESTRATION,
              new Remind(
                  task,
                  config
                      .getOptionalValue("refinery.sla.escalate-to", String.class)
                      .orElse("operators"),
                  "ESCALATION",
                  state,
                  episode,
                  title));
      case EXPIRE ->
          queue.publishCommand(
              ORCHESTRATION,
              new CancelTask(
                  task,
                  "service-levels",
                  "expired: "
                      + state
                      + " for longer than "
                      + after
                      + " (refinery.sla."
                      + ladder.key()
                      + ".expire)"));
    }
    LOG.log(
        Level.INFO,
        "Service level {0} {1} for task {2} ({3} #{4}, after {5})",
        ladder.key(),
        step.key(),
        task,
        state,
        episode,
        after);
  }
}
