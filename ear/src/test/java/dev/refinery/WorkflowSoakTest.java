package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.WorkflowSoak.Sample;
import dev.refinery.WorkflowSoak.TableSize;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The soak's judgement on made-up minutes: flat passes, each kind of growth is named. */
class WorkflowSoakTest {

  private static final Duration RETAIN = Duration.ofMinutes(10);

  /** Sixty minutes at 20 workflows/s (1200 a minute), each figure as the function says. */
  private static List<Sample> minutes(IntFunction<Sample> minute) {
    List<Sample> samples = new ArrayList<>();
    for (int m = 1; m <= 60; m++) {
      samples.add(minute.apply(m));
    }
    return samples;
  }

  private static Sample flat(int m) {
    return sample(m, 300, 3, 40, 120_000, 1_000_000L * 4 * m);
  }

  private static Sample sample(
      int m, double heapMb, long outbox, double p99, long prunedRows, long keptBytes) {
    return new Sample(
        m,
        1200L * m,
        1200L * m - 20,
        heapMb,
        outbox,
        2,
        12,
        p99,
        0,
        Map.of(
            "monitoring.event_log", new TableSize(50_000_000, prunedRows),
            "taskmanagement.task", new TableSize(keptBytes, 1200L * m)));
  }

  @Test
  void flatFiguresPass() {
    SoakVerdict verdict = SoakVerdict.of(minutes(WorkflowSoakTest::flat), 20, RETAIN);

    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.describe()).contains("steady minutes 16-60").contains("verdict: flat");
  }

  @Test
  void aHeapThatKeepsGrowingIsNamed() {
    SoakVerdict verdict =
        SoakVerdict.of(
            minutes(m -> sample(m, 200 + 10.0 * m, 3, 40, 120_000, 4_000_000L * m)), 20, RETAIN);

    assertThat(verdict.violations()).singleElement().asString().startsWith("heap after GC");
  }

  @Test
  void aPrunedTableWhoseRowsLevelOffButWhoseBytesDoNotIsNamed() {
    List<Sample> samples =
        minutes(
            m ->
                new Sample(
                    m,
                    1200L * m,
                    1200L * m - 20,
                    300,
                    3,
                    2,
                    12,
                    40,
                    0,
                    Map.of(
                        "monitoring.event_log", new TableSize(4_000_000L * m, 120_000),
                        "taskmanagement.task", new TableSize(4_000_000L * m, 1200L * m))));

    assertThat(SoakVerdict.of(samples, 20, RETAIN).violations())
        .singleElement()
        .asString()
        .startsWith("pruned tables' bytes");
  }

  @Test
  void aPrunedTableThatNeverLevelsOffIsNamed() {
    SoakVerdict verdict =
        SoakVerdict.of(
            minutes(m -> sample(m, 300, 3, 40, 36_000L * m, 4_000_000L * m)), 20, RETAIN);

    assertThat(verdict.violations()).singleElement().asString().startsWith("pruned tables' rows");
  }

  @Test
  void keptTablesGrowingFasterThanTheWorkflowsAreNamed() {
    SoakVerdict verdict =
        SoakVerdict.of(minutes(m -> sample(m, 300, 3, 40, 120_000, 100_000L * m * m)), 20, RETAIN);

    assertThat(verdict.violations())
        .singleElement()
        .asString()
        .startsWith("kept tables' bytes per approved workflow");
  }

  @Test
  void aBacklogThatBuildsUpAndSlowerAnswersAreNamed() {
    SoakVerdict verdict =
        SoakVerdict.of(
            minutes(m -> sample(m, 300, 10L * m, 4.0 * m * m, 120_000, 4_000_000L * m)),
            20,
            RETAIN);

    assertThat(verdict.violations())
        .anySatisfy(line -> assertThat(line).startsWith("outbox rows (max)"))
        .anySatisfy(line -> assertThat(line).startsWith("outbox rows (mean)"))
        .anySatisfy(line -> assertThat(line).startsWith("p99 submit to PRD"));
  }

  @Test
  void aRunTooShortForTheRetentionAgeIsNotJudgedAndSaysSo() {
    SoakVerdict verdict =
        SoakVerdict.of(minutes(WorkflowSoakTest::flat).subList(0, 14), 20, RETAIN);

    assertThat(verdict.violations()).isEmpty();
    assertThat(verdict.judged()).isFalse();
    assertThat(verdict.describe())
        .contains("not judged: 14 minutes")
        .contains("verdict: not judged");
  }
}
