package dev.refinery.shared.monitoring;

import dev.refinery.shared.infrastructure.concurrent.PeriodicWorks;
import dev.refinery.shared.infrastructure.management.ThisInstance;
import dev.refinery.shared.messaging.BoundedContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The fleet as operators see it: every running instance (its version, agent slots, background
 * work), each queue with the broker's depth and consumers and the consumptions of the last minute,
 * and the outbox's backlog. Each instance beats every few seconds ({@link #beat}); one not heard
 * from for three beats is shown as gone.
 */
@ApplicationScoped
public class Fleet {

  /** How often each instance beats ({@code FleetBeatTimer}'s schedule). */
  public static final Duration BEAT = Duration.ofSeconds(10);

  /** The queues beside the contexts' own: dead letters, unreadable and unrouted messages. */
  static final List<String> PARKING =
      List.of("refinery.dlq", "refinery.unreadable", "refinery.unrouted");

  /** One instance: gone when it has not beaten for three intervals. */
  public record Member(FleetStore.Beat beat, boolean gone, boolean self) {}

  /**
   * One queue: the broker's figures (null when it could not be asked), the consuming context's
   * deliveries and redeliveries in the last minute (null for parking queues).
   */
  public record Queue(String name, BrokerQueues.Figures broker, FleetStore.Consumed lastMinute) {}

  /** Everything the Fleet page shows, read together. */
  public record Snapshot(
      List<Member> instances,
      List<Queue> queues,
      long outboxBacklog,
      long outboxOldestSeconds,
      Instant readAt) {}

  @Inject FleetStore store;

  @Inject BrokerQueues broker;

  @Inject MachineReadings readings;

  @Inject ThisInstance self;

  @Inject PeriodicWorks works;

  @Inject Instance<AgentCapacity> agents;

  @Inject Clock clock;

  /** This instance says it is alive. */
  @Transactional
  public void beat() {
    AgentCapacity capacity = agents.isResolvable() ? agents.get() : null;
    store.beat(
        new FleetStore.Beat(
            self.name(),
            self.version(),
            self.startedAt(),
            clock.instant(),
            capacity == null ? 0 : capacity.slots(),
            capacity == null ? 0 : capacity.busy(),
            works.all().stream()
                .map(work -> new FleetStore.WorkTick(work.key(), work.lastTick(), work.paused()))
                .toList()));
  }

  @Transactional
  public Snapshot snapshot() {
    Instant now = clock.instant();
    List<Member> members =
        store.instances().stream()
            .map(
                b ->
                    new Member(
                        b,
                        b.seenAt().isBefore(now.minus(BEAT.multipliedBy(3))),
                        b.name().equals(self.name())))
            .toList();
    Map<String, FleetStore.Consumed> consumed = store.consumedLastMinute();
    List<Queue> queues = new ArrayList<>();
    for (BoundedContext context : BoundedContext.values()) {
      queues.add(
          new Queue(
              context.queue(),
              broker.figures(context.queue()).orElse(null),
              consumed.getOrDefault(context.segment(), new FleetStore.Consumed(0, 0))));
    }
    for (String parking : PARKING) {
      queues.add(new Queue(parking, broker.figures(parking).orElse(null), null));
    }
    MachineReadings.Figures figures = readings.figures();
    return new Snapshot(
        members, queues, figures.outboxBacklog(), figures.outboxOldestSeconds(), now);
  }
}
