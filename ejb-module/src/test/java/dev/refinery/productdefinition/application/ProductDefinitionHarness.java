package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.shared.messaging.Message;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.shared.testing.RecordingMessageQueue;
import dev.refinery.shared.testing.SettableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

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
  private final RecordingMessageQueue queue = new RecordingMessageQueue();
  final List<Message> published = queue.published();
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
    work.queue = queue;
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
}
