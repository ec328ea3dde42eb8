package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.shared.testing.MapConfig;
import dev.refinery.shared.testing.SettableClock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The machinery's alerts from what the tables say: a stuck outbox, waiting dead letters, a queue
 * that did not consume the heartbeat, a message type failing too often. Each cycle states the whole
 * set of open conditions of each kind (what it does not name is cleared).
 */
class MachineStallsTest {

  private static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");
  private static final UUID MESSAGE = UUID.fromString("5d0c9d64-0d7f-4c33-9a4b-0c1c0d4f9a11");

  private final Map<String, Map<String, Alert>> reconciled = new LinkedHashMap<>();
  private final List<Instant> asked = new ArrayList<>();
  private final MachineStalls stalls = new MachineStalls();

  private MachineReadings.Backlog outbox = new MachineReadings.Backlog(0, null, null);
  private MachineReadings.DeadLetterBacklog deadLetters =
      new MachineReadings.DeadLetterBacklog(0, null, null, null);
  private Optional<UUID> heartbeat = Optional.empty();
  private Set<String> consumers = Set.of();
  private List<MachineReadings.Consumptions> consumptions = List.of();

  MachineStallsTest() {
    stalls.clock = new SettableClock(NOW);
    stalls.config =
        new MapConfig(
            Map.of(
                "refinery.alerts.outbox-age", "PT30S",
                "refinery.alerts.heartbeat-age", "PT1M",
                "refinery.alerts.error-rate", "0.5",
                "refinery.alerts.error-window", "PT5M"));
    stalls.alerts =
        new Alerts() {
          @Override
          public void reconcile(String kind, Map<String, Alert> current) {
            reconciled.put(kind, current);
          }
        };
    stalls.readings =
        new MachineReadings() {
          @Override
          public Backlog outboxWrittenBefore(Instant before) {
            asked.add(before);
            return outbox;
          }

          @Override
          public DeadLetterBacklog openDeadLetters() {
            return deadLetters;
          }

          @Override
          public Optional<UUID> heartbeatPublishedBefore(Instant before) {
            asked.add(before);
            return heartbeat;
          }

          @Override
          public Set<String> consumersOf(UUID messageId) {
            return consumers;
          }

          @Override
          public List<Consumptions> consumptionsSince(Instant since, int minimum) {
            asked.add(since);
            return consumptions.stream().filter(c -> c.total() >= minimum).toList();
          }

          @Override
          public Map<String, Long> consumedLastMinute() {
            throw new UnsupportedOperationException("the gauges' reading");
          }

          @Override
          public Figures figures() {
            throw new UnsupportedOperationException("the gauges' reading");
          }
        };
  }

  @Test
  void aQuietMachineClearsEveryKindOfMachineryAlert() {
    stalls.detect();

    assertThat(reconciled)
        .containsOnlyKeys(
            MachineStalls.OUTBOX,
            MachineStalls.DEAD_LETTERS,
            MachineStalls.UNCONSUMED,
            MachineStalls.ERROR_RATE)
        .allSatisfy((kind, open) -> assertThat(open).as(kind).isEmpty());
    assertThat(asked)
        .as("outbox age, heartbeat age and error window back from now")
        .containsExactly(NOW.minusSeconds(30), NOW.minusSeconds(60), NOW.minusSeconds(300));
  }

  @Test
  void outboxRowsOlderThanTheLimitRaiseOneAlertNamingTheFirstMessage() {
    outbox = new MachineReadings.Backlog(3, NOW.minusSeconds(95), MESSAGE);

    stalls.detect();

    assertThat(reconciled.get(MachineStalls.OUTBOX)).containsOnlyKeys("outbox-stalled");
    Alert alert = reconciled.get(MachineStalls.OUTBOX).get("outbox-stalled");
    assertThat(alert.summary())
        .startsWith("3 message(s) waited in the outbox longer than PT30S")
        .contains("broker");
    assertThat(alert.messageId()).isEqualTo(MESSAGE);
  }

  @Test
  void waitingDeadLettersRaiseAnAlertAboutTheNewest() {
    deadLetters =
        new MachineReadings.DeadLetterBacklog(2, MESSAGE, "taskmanagement.ApprovePrd", "t-7");

    stalls.detect();

    assertThat(reconciled.get(MachineStalls.DEAD_LETTERS).get(MachineStalls.DEAD_LETTERS))
        .satisfies(
            alert -> {
              assertThat(alert.summary())
                  .startsWith("2 dead letter(s) wait for an operator")
                  .contains("taskmanagement.ApprovePrd");
              assertThat(alert.taskId()).isEqualTo("t-7");
              assertThat(alert.messageId()).isEqualTo(MESSAGE);
            });
  }

  @Test
  void everyContextQueueThatDidNotConsumeTheOldHeartbeatIsAlertedOnItsOwn() {
    heartbeat = Optional.of(MESSAGE);
    consumers = Set.of("taskmanagement", "orchestration");

    stalls.detect();

    assertThat(reconciled.get(MachineStalls.UNCONSUMED))
        .containsOnlyKeys(
            "queue-unconsumed:humaninteraction", "queue-unconsumed:productdefinition");
    assertThat(reconciled.get(MachineStalls.UNCONSUMED).values())
        .allSatisfy(alert -> assertThat(alert.messageId()).isEqualTo(MESSAGE));
  }

  @Test
  void aTypeFailingMoreThanTheCeilingIsAlertedAndOneAtTheCeilingIsNot() {
    consumptions =
        List.of(
            new MachineReadings.Consumptions("orchestration.FailingProbe", 20, 11),
            new MachineReadings.Consumptions("taskmanagement.ApprovePrd", 20, 10),
            new MachineReadings.Consumptions("taskmanagement.CreateTask", 9, 9));

    stalls.detect();

    assertThat(reconciled.get(MachineStalls.ERROR_RATE))
        .containsOnlyKeys("error-rate:orchestration.FailingProbe");
    assertThat(reconciled.get(MachineStalls.ERROR_RATE).values())
        .singleElement()
        .satisfies(
            alert ->
                assertThat(alert.summary())
                    .isEqualTo(
                        "orchestration.FailingProbe: 11 of 20 consumptions failed in the last"
                            + " PT5M (threshold 50 %)"));
  }
}
