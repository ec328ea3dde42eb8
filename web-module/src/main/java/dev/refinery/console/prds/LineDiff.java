package dev.refinery.console.prds;

import java.util.ArrayList;
import java.util.List;

/**
 * The changes from one list of lines to another, by longest common subsequence: every line of both
 * appears once, as kept, removed or added, in reading order (removals before the additions that
 * replace them).
 */
public final class LineDiff {

  /** What happened to a line. */
  public enum Change {
    KEPT,
    REMOVED,
    ADDED
  }

  /** One line of the comparison. */
  public record Entry<T>(Change change, T line) {}

  private LineDiff() {}

  public static <T> List<Entry<T>> between(List<T> before, List<T> after) {
    int n = before.size();
    int m = after.size();
    int[][] common =
        new int[n + 1][m + 1]; // common[i][j]: LCS length of before[i..] and after[j..]
    for (int i = n - 1; i >= 0; i--) {
      for (int j = m - 1; j >= 0; j--) {
        common[i][j] =
            before.get(i).equals(after.get(j))
                ? common[i + 1][j + 1] + 1
                : Math.max(common[i + 1][j], common[i][j + 1]);
      }
    }
    List<Entry<T>> entries = new ArrayList<>(n + m);
    int i = 0;
    int j = 0;
    while (i < n && j < m) {
      if (before.get(i).equals(after.get(j))) {
        entries.add(new Entry<>(Change.KEPT, before.get(i++)));
        j++;
      } else if (common[i + 1][j] >= common[i][j + 1]) {
        entries.add(new Entry<>(Change.REMOVED, before.get(i++)));
      } else {
        entries.add(new Entry<>(Change.ADDED, after.get(j++)));
      }
    }
    while (i < n) {
      entries.add(new Entry<>(Change.REMOVED, before.get(i++)));
    }
    while (j < m) {
      entries.add(new Entry<>(Change.ADDED, after.get(j++)));
    }
    return entries;
  }
}
