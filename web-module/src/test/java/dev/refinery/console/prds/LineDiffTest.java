package dev.refinery.console.prds;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.console.prds.LineDiff.Change;
import dev.refinery.console.prds.LineDiff.Entry;
import java.util.List;
import org.junit.jupiter.api.Test;

class LineDiffTest {

  @Test
  void changedLineIsRemovedThenAddedAndTheRestIsKept() {
    List<Entry<String>> diff =
        LineDiff.between(List.of("a", "b", "c"), List.of("a", "B", "c", "d"));

    assertThat(diff)
        .containsExactly(
            new Entry<>(Change.KEPT, "a"),
            new Entry<>(Change.REMOVED, "b"),
            new Entry<>(Change.ADDED, "B"),
            new Entry<>(Change.KEPT, "c"),
            new Entry<>(Change.ADDED, "d"));
  }

  @Test
  void identicalListsAreAllKeptAndEmptyOnesGiveOnlyAdditionsOrRemovals() {
    assertThat(LineDiff.between(List.of("x", "y"), List.of("x", "y")))
        .extracting(Entry::change)
        .containsExactly(Change.KEPT, Change.KEPT);
    assertThat(LineDiff.between(List.of(), List.of("x")))
        .containsExactly(new Entry<>(Change.ADDED, "x"));
    assertThat(LineDiff.between(List.of("x"), List.of()))
        .containsExactly(new Entry<>(Change.REMOVED, "x"));
  }

  @Test
  void everyLineOfBothSidesAppearsOnceInOrder() {
    List<String> before = List.of("t", "goal 1", "goal 2", "req 1", "req 2");
    List<String> after = List.of("t", "goal 2", "req 1", "req 1b", "req 2", "risk");
    List<Entry<String>> diff = LineDiff.between(before, after);

    assertThat(diff.stream().filter(e -> e.change() != Change.ADDED).map(Entry::line))
        .containsExactlyElementsOf(before);
    assertThat(diff.stream().filter(e -> e.change() != Change.REMOVED).map(Entry::line))
        .containsExactlyElementsOf(after);
    assertThat(diff).filteredOn(e -> e.change() == Change.KEPT).hasSize(4);
  }
}
