package dev.refinery.orchestration.application;

import dev.refinery.humaninteraction.api.Remind;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.taskmanagement.api.CancelTask;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.lang.System.Logger.Level;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * The service-level ladder for tasks waiting on people: after {@code refinery.sla.<ladder>.remind} a
 * reminder to whoever it waits on, after {@code .escalate} an escalation to
 * {@code refinery.sla.escalate-to}, after {@code .expire} (unset: never) the task is cancelled. The
 * ladders: {@code clarification} (the requester, per round) and {@code review} (the approvers, per PRD
 * revision). Every step is taken once per episode, recorded in {@code orchestration.sla_step}.
 */
@Stateless
public class ServiceLevels {

  /** One ladder: the state it watches, who the task waits on, and what an episode is. */
  enum Ladder {
    CLARIFICATION("clarification", TaskStatus.CLARIFICATION_NEEDED, "round"),
    REVIEW("review", TaskStatus.PRD_VALIDATION, "revision");

    final String key;
    final TaskStatus state;
    final String episodeColumn;

    Ladder(String key, TaskStatus state, String episodeColumn) {
      this.key = key;
      this.state = state;
      this.episodeColumn = episodeColumn;
    }
  }

  private static final System.Logger LOG = System.getLogger(ServiceLevels.class.getName());
  private static final List<String> STEPS = List.of("remind", "escalate", "expire");
  private static final String APPROVERS = "approvers";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject MessageQueue queue;

  @Inject Config config;

  @Inject Clock clock;

  /** Takes every step that is due, in ladder order; returns how many it took. */
  public int advance() {
    int taken = 0;
    for (Ladder ladder : Ladder.values()) {
      for (String step : STEPS) {
        Optional<Duration> after = config.getOptionalValue("refinery.sla." + ladder.key + "." + step, Duration.class);
        if (after.isPresent()) {
          taken += take(ladder, step, after.get());
        }
      }
    }
    return taken;
  }

  @SuppressWarnings("unchecked")
  private int take(Ladder ladder, String step, Duration after) {
    Instant now = clock.instant();
    List<Object[]> due = entityManager.createNativeQuery("SELECT w.task_id, w.title, w.requester, w." + ladder.episodeColumn
            + " FROM orchestration.workflow w WHERE w.status = ? AND w.updated_at < ? AND NOT EXISTS (SELECT 1 FROM"
            + " orchestration.sla_step s WHERE s.task_id = w.task_id AND s.episode = ? || '#' || w." + ladder.episodeColumn
            + " AND s.step = ?) ORDER BY w.updated_at LIMIT 200 FOR UPDATE OF w SKIP LOCKED")
        .setParameter(1, ladder.state.name()).setParameter(2, Timestamp.from(now.minus(after)))
        .setParameter(3, ladder.state.name()).setParameter(4, step)
        .getResultList();
    int taken = 0;
    for (Object[] row : due) {
      String task = row[0].toString();
      int episode = ((Number) row[3]).intValue();
      int recorded = entityManager.createNativeQuery("INSERT INTO orchestration.sla_step (task_id, episode, step, taken_at)"
              + " VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .setParameter(1, row[0]).setParameter(2, ladder.state.name() + "#" + episode).setParameter(3, step)
          .setParameter(4, Timestamp.from(now))
          .executeUpdate();
      if (recorded == 1) {
        act(ladder, step, after, task, (String) row[1], (String) row[2], episode);
        taken++;
      }
    }
    return taken;
  }

  private void act(Ladder ladder, String step, Duration after, String task, String title, String requester, int episode) {
    String waitingOn = ladder == Ladder.CLARIFICATION ? requester : APPROVERS;
    switch (step) {
      case "remind" -> queue.publishCommand(new Remind(task, waitingOn, "REMINDER", ladder.state.name(), episode, title));
      case "escalate" -> queue.publishCommand(new Remind(task,
          config.getOptionalValue("refinery.sla.escalate-to", String.class).orElse("operators"), "ESCALATION",
          ladder.state.name(), episode, title));
      default -> queue.publishCommand(new CancelTask(task, "service-levels",
          "expired: " + ladder.state + " for longer than " + after + " (refinery.sla." + ladder.key + ".expire)"));
    }
    LOG.log(Level.INFO, "Service level {0} {1} for task {2} ({3} #{4}, after {5})", ladder.key, step, task,
        ladder.state, episode, after);
  }
}
