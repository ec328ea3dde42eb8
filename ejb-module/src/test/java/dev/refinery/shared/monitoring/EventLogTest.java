package dev.refinery.shared.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The event log's writes when the database refuses a batch: written again, not dropped at once. */
class EventLogTest {

  /**
   * Refuses the first {@code refusals} appends, as a pooled connection PostgreSQL had terminated
   * would.
   */
  private static final class FlakyStore implements EventLogStore {
    private int refusals;
    private int calls;
    private final List<MessageRecord> written = new ArrayList<>();

    FlakyStore(int refusals) {
      this.refusals = refusals;
    }

    @Override
    public void append(List<MessageRecord> lines) {
      calls++;
      if (refusals-- > 0) {
        throw new IllegalStateException(
            "FATAL: terminating connection due to administrator command");
      }
      written.addAll(lines);
    }

    @Override
    public List<MessageRecord> find(EventLog.Filter filter, int limit) {
      return List.copyOf(written);
    }
  }

  @Test
  void batchRefusedByALostConnectionIsWrittenOnTheNextAttempt() {
    FlakyStore store = new FlakyStore(EventLog.WRITE_ATTEMPTS - 1);
    EventLog log = new EventLog();
    log.store = store;
    log.writePauseMillis = 1;
    MessageRecord line =
        new MessageRecord(
            0,
            Instant.now(),
            MessageRecord.PUBLISHED,
            UUID.randomUUID(),
            "taskmanagement.TaskCreated",
            "EVENT",
            "taskmanagement",
            "subscribers",
            "task-1",
            null,
            "published",
            1,
            10,
            null);

    log.now(line);
    log.flush();

    assertThat(store.calls).isEqualTo(EventLog.WRITE_ATTEMPTS);
    assertThat(store.written).containsExactly(line);
  }
}
