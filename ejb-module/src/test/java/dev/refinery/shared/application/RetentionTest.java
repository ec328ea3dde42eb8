package dev.refinery.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.shared.application.RetentionStore.Table;
import dev.refinery.shared.testing.MapConfig;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** What the retention job keeps and how it deletes: ages from configuration, batch by batch. */
class RetentionTest {

  private static final Duration WINDOW = Duration.ofMinutes(62);
  private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

  /** How long each table keeps its rows. */
  @Nested
  class Policy {

    @Test
    void eachTableKeepsItsConfiguredAge() {
      RetentionPolicy policy =
          RetentionPolicy.from(
              new MapConfig(
                  Map.of(
                      "refinery.retention.event-log", "P30D",
                      "refinery.retention.inbox", "P14D",
                      "refinery.retention.audit", "P400D")),
              WINDOW);

      assertThat(policy.cutoffs(NOW))
          .containsExactlyInAnyOrderEntriesOf(
              Map.of(
                  Table.EVENT_LOG, Instant.parse("2026-11-06T12:00:00Z"),
                  Table.INBOX, Instant.parse("2026-11-22T12:00:00Z"),
                  Table.AUDIT, Instant.parse("2025-11-01T12:00:00Z")));
      assertThat(policy.raisedInbox()).isEmpty();
    }

    @Test
    void anUnsetAgeKeepsEveryRowOfItsTable() {
      RetentionPolicy policy =
          RetentionPolicy.from(
              new MapConfig(Map.of("refinery.retention.event-log", "PT1H")), WINDOW);

      assertThat(policy.cutoffs(NOW)).containsOnlyKeys(Table.EVENT_LOG);
    }

    @Test
    void theInboxKeepsItsRowsAsLongAsAMessageCanComeBack() {
      RetentionPolicy policy =
          RetentionPolicy.from(new MapConfig(Map.of("refinery.retention.inbox", "PT5M")), WINDOW);

      assertThat(policy.cutoffs(NOW)).containsEntry(Table.INBOX, NOW.minus(WINDOW));
      assertThat(policy.raisedInbox()).contains(Duration.ofMinutes(5));
    }

    @Test
    void aZeroOrNegativeAgeIsRefusedNamingTheSetting() {
      assertThatThrownBy(
              () ->
                  RetentionPolicy.from(
                      new MapConfig(Map.of("refinery.retention.audit", "PT0S")), WINDOW))
          .isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("refinery.retention.audit must be a positive ISO-8601 duration");
      assertThatThrownBy(
              () ->
                  RetentionPolicy.from(
                      new MapConfig(Map.of("refinery.retention.event-log", "-P1D")), WINDOW))
          .hasMessageContaining("refinery.retention.event-log");
    }
  }

  /** The batches of one table's turn. */
  @Nested
  class Batches {

    private final List<Integer> asked = new ArrayList<>();

    private RetentionStore answering(Integer... deleted) {
      Deque<Integer> answers = new ArrayDeque<>(List.of(deleted));
      return store(
          batch -> {
            asked.add(batch);
            Integer next = answers.poll();
            if (next == null) {
              throw new IllegalStateException("the database went away");
            }
            return next;
          });
    }

    private static RetentionStore store(java.util.function.IntUnaryOperator prune) {
      return new RetentionStore() {
        @Override
        public int prune(Table table, Instant before, int batch) {
          return prune.applyAsInt(batch);
        }

        @Override
        public void vacuum(Table table) {}

        @Override
        public List<String> overdueForVacuum() {
          return List.of();
        }

        @Override
        public void vacuum(String table) {}
      };
    }

    @Test
    void fullBatchesGoOnUntilAShortOne() {
      long deleted =
          Retention.pruned(answering(100, 100, 37), Table.EVENT_LOG, NOW, 100, Duration.ZERO);

      assertThat(deleted).isEqualTo(237);
      assertThat(asked).containsExactly(100, 100, 100);
    }

    @Test
    void anEmptyTableTakesOneQuery() {
      assertThat(Retention.pruned(answering(0), Table.INBOX, NOW, 500, Duration.ZERO)).isZero();
      assertThat(asked).hasSize(1);
    }

    @Test
    void aFailureEndsTheTurnWithWhatWasDeletedSoFar() {
      long deleted = Retention.pruned(answering(10, 10), Table.AUDIT, NOW, 10, Duration.ZERO);

      assertThat(deleted).isEqualTo(20);
      assertThat(asked).hasSize(3);
    }

    @Test
    void oneTurnStopsAfterItsBatchLimitAndLeavesTheRestForTheNextRun() {
      long deleted =
          Retention.pruned(store(batch -> batch), Table.EVENT_LOG, NOW, 5, Duration.ZERO);

      assertThat(deleted).isEqualTo(5L * Retention.MAX_BATCHES);
    }
  }

  /** The vacuum in place of a server whose autovacuum is off. */
  @Nested
  class InPlaceOfAutovacuum {

    private final List<String> vacuumed = new ArrayList<>();

    private RetentionStore overdue(java.util.function.Supplier<List<String>> tables) {
      return new RetentionStore() {
        @Override
        public int prune(Table table, Instant before, int batch) {
          return 0;
        }

        @Override
        public void vacuum(Table table) {}

        @Override
        public List<String> overdueForVacuum() {
          return tables.get();
        }

        @Override
        public void vacuum(String table) {
          if (table.startsWith("locked.")) {
            throw new IllegalStateException("canceling statement due to lock timeout");
          }
          vacuumed.add(table);
        }
      };
    }

    @Test
    void everyOverdueTableIsVacuumedAndOneThatFailsDoesNotStopTheOthers() {
      List<String> done =
          Retention.vacuumOverdue(
              overdue(
                  () ->
                      List.of("productdefinition.work_item", "locked.table", "messaging.outbox")));

      assertThat(vacuumed).containsExactly("productdefinition.work_item", "messaging.outbox");
      assertThat(done).containsExactly("productdefinition.work_item", "messaging.outbox");
    }

    @Test
    void nothingOverdueVacuumsNothing() {
      assertThat(Retention.vacuumOverdue(overdue(List::of))).isEmpty();
      assertThat(vacuumed).isEmpty();
    }

    @Test
    void aDatabaseThatCannotSayVacuumsNothingAndTheRunGoesOn() {
      List<String> done =
          Retention.vacuumOverdue(
              overdue(
                  () -> {
                    throw new IllegalStateException("the database went away");
                  }));

      assertThat(done).isEmpty();
      assertThat(vacuumed).isEmpty();
    }
  }
}
