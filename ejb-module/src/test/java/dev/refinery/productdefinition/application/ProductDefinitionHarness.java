package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.shared.messaging.BoundedContext;
import dev.refinery.shared.messaging.Command;
import dev.refinery.shared.messaging.DomainEvent;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.messaging.MessageHandler;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * Product Definition's use cases wired by hand over {@link InMemoryProductDefinition}: what they
 * publish, the alerts they raise, the runs they count and the work they leave for after the commit
 * are recorded for the test to read. The agent poller has no free slot unless a test gives it some.
 */
final class ProductDefinitionHarness {

  static final Instant START = Instant.parse("2026-12-06T10:00:00Z");
  static final Duration LEASE = Duration.ofMinutes(5);

  final SettableClock clock = new SettableClock(START);
  final InMemoryProductDefinition store = new InMemoryProductDefinition(clock);
  final List<Message> published = new ArrayList<>();
  final List<String> alertsRaised = new ArrayList<>();
  final List<String> alertsCleared = new ArrayList<>();
  final List<String> runsCounted = new ArrayList<>();
  final List<Runnable> afterCommit = new ArrayList<>();
  int freeSlots;
  int wakes;
  final AgentWork work = new AgentWork();
  final WorkItems workItems = new WorkItems();

  ProductDefinitionHarness() {
    work.workQueue = store.workQueue;
    work.clarifications = store.clarifications;
    work.versions = store.prdVersions;
    work.runs = store.agentRuns;
    work.queue = new RecordingQueue();
    work.documents = new PrdSchema();
    work.metrics =
        new AgentMetrics() {
          @Override
          public void recorded(AgentRun run, String outcome) {
            runsCounted.add(run.agent() + " " + outcome);
          }
        };
    work.alerts =
        new Alerts() {
          @Override
          public boolean raise(Alert alert) {
            alertsRaised.add(alert.condition());
            return true;
          }

          @Override
          public boolean clear(String condition) {
            alertsCleared.add(condition);
            return true;
          }
        };
    work.clock = clock;
    workItems.workQueue = store.workQueue;
    workItems.clarifications = store.clarifications;
    workItems.versions = store.prdVersions;
    workItems.work = work;
    workItems.clock = clock;
    workItems.afterCommit = afterCommit::add;
    workItems.poller =
        new TaskPollingService() {
          @Override
          public boolean reserve() {
            if (freeSlots == 0) {
              return false;
            }
            freeSlots--;
            return true;
          }

          @Override
          public void release() {
            freeSlots++;
          }

          @Override
          public void wake() {
            wakes++;
          }

          @Override
          public Duration lease() {
            return LEASE;
          }
        };
  }

  /** A clock the test moves. */
  static final class SettableClock extends Clock {
    private Instant now;

    SettableClock(Instant now) {
      this.now = now;
    }

    void pass(Duration duration) {
      now = now.plus(duration);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  private final class RecordingQueue implements MessageQueue {
    @Override
    public void publishEvent(DomainEvent event, String routingKey) {
      published.add(event);
    }

    @Override
    public void publishCommand(Command command, String routingKey) {
      published.add(command);
    }

    @Override
    public void subscribeToEvents(
        BoundedContext subscriber,
        Set<Class<? extends DomainEvent>> types,
        MessageHandler<DomainEvent> handler) {
      throw new UnsupportedOperationException("use cases publish; they do not subscribe");
    }

    @Override
    public void subscribeToCommands(
        BoundedContext owner,
        Set<Class<? extends Command>> types,
        MessageHandler<Command> handler) {
      throw new UnsupportedOperationException("use cases publish; they do not subscribe");
    }
  }
}
