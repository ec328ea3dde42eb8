package dev.refinery;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * A thread dump ({@code jcmd PID Thread.print}) in one line: the threads running Refinery's code,
 * grouped by state, the frame they are in and the innermost Refinery frame that led there, the
 * biggest groups first. The fault suite prints it beside a stalled lease, so a run whose dump files
 * are gone (CI keeps only what the suite prints) still says where the threads were.
 */
final class ThreadDigest {

  private static final String OURS = "dev.refinery.";

  private ThreadDigest() {}

  /** At most {@code groups} groups of threads, or what the dump holds instead of threads. */
  static String of(String dump, int groups) {
    Map<String, Integer> counts = new LinkedHashMap<>();
    int ours = 0;
    int threads = 0;
    for (String block : dump.split("\\R\\s*\\R")) {
      List<String> lines = block.lines().map(String::strip).toList();
      if (lines.isEmpty() || !lines.getFirst().startsWith("\"")) {
        continue;
      }
      threads++;
      String state = "?";
      String top = null;
      String refinery = null;
      for (String line : lines) {
        if (line.startsWith("java.lang.Thread.State: ")) {
          state = line.substring("java.lang.Thread.State: ".length()).split(" ")[0];
        } else if (line.startsWith("at ")) {
          String frame = method(line);
          if (top == null) {
            top = frame;
          }
          if (refinery == null && frame.startsWith(OURS)) {
            refinery = frame.substring(OURS.length());
          }
        }
      }
      if (refinery != null) {
        ours++;
        String key =
            state + " in " + shortName(top) + (top.startsWith(OURS) ? "" : " from " + refinery);
        counts.merge(key, 1, Integer::sum);
      }
    }
    if (threads == 0) {
      String last =
          dump.lines().map(String::strip).filter(line -> !line.isEmpty()).reduce("", (a, b) -> b);
      return "no threads in the dump" + (last.isEmpty() ? "" : " (" + last + ")");
    }
    List<Map.Entry<String, Integer>> biggest = new ArrayList<>(counts.entrySet());
    biggest.sort(Map.Entry.<String, Integer>comparingByValue().reversed());
    return threads
        + " threads, "
        + ours
        + " in Refinery's code"
        + (biggest.isEmpty()
            ? ""
            : ": "
                + biggest.stream()
                    .limit(groups)
                    .map(group -> group.getValue() + "× " + group.getKey())
                    .collect(Collectors.joining("; ")));
  }

  /** {@code at a.b.C.m(C.java:12)} as {@code a.b.C.m}. */
  private static String method(String frame) {
    String method = frame.substring(3);
    int paren = method.indexOf('(');
    return paren < 0 ? method : method.substring(0, paren);
  }

  /** {@code java.util.concurrent.locks.LockSupport.park} as {@code LockSupport.park}. */
  private static String shortName(String method) {
    if (method.startsWith(OURS)) {
      return method.substring(OURS.length());
    }
    String[] parts = method.split("\\.");
    return parts.length < 2 ? method : parts[parts.length - 2] + "." + parts[parts.length - 1];
  }
}
