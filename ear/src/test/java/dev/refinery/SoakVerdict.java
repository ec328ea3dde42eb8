package dev.refinery;

import dev.refinery.WorkflowSoak.Sample;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.ToDoubleFunction;

/**
 * The soak's judgement. The steady part starts after a quarter of the run and after the pruned
 * tables' retention age (plus two retention runs); its first half (A) is compared with its second
 * (B). The bounds: the heap after GC grows at most 20 % + 16 MB; the pruned tables' rows at most 15
 * % + 1000 and their bytes (dead rows vacuumed and their space reused) at most 25 % + 8 MB; the
 * kept tables' bytes per approved workflow at most 50 % + 1 KB more in B than in A (they grow with
 * the workflows, never faster); the outbox and the queues hold at most ten seconds of load at any
 * minute of B and on average no more than two seconds more than in A; the p99 at most twice A's +
 * 250 ms; no minute of B leaves a workflow of the minute before unfinished.
 */
record SoakVerdict(List<String> violations, List<String> notes, boolean judged) {

  static SoakVerdict of(List<Sample> samples, double rate, Duration retain) {
    List<String> violations = new ArrayList<>();
    List<String> notes = new ArrayList<>();
    int n = samples.size();
    int settle = (int) Math.max(Math.ceil(n / 4.0), retain.toMinutes() + 2);
    if (n - settle < 4) {
      notes.add(
          "not judged: "
              + n
              + " minutes leave fewer than 4 steady minutes after the first "
              + settle
              + " (a quarter of the run, and the retention age + 2 minutes)");
      return new SoakVerdict(violations, notes, false);
    }
    List<Sample> steady = samples.subList(settle, n);
    List<Sample> a = steady.subList(0, steady.size() / 2);
    List<Sample> b = steady.subList(steady.size() / 2, steady.size());
    notes.add(
        "steady minutes "
            + steady.getFirst().minute()
            + "-"
            + steady.getLast().minute()
            + ": A = "
            + a.getFirst().minute()
            + "-"
            + a.getLast().minute()
            + ", B = "
            + b.getFirst().minute()
            + "-"
            + b.getLast().minute());
    bound(
        violations,
        notes,
        "heap after GC (MB, mean)",
        mean(a, Sample::heapMb),
        mean(b, Sample::heapMb),
        1.2,
        16);
    bound(
        violations,
        notes,
        "pruned tables' rows (max)",
        max(a, s -> s.prunedRows()),
        max(b, s -> s.prunedRows()),
        1.15,
        1000);
    bound(
        violations,
        notes,
        "pruned tables' bytes (max)",
        max(a, s -> s.prunedBytes()),
        max(b, s -> s.prunedBytes()),
        1.25,
        8 << 20);
    bound(
        violations,
        notes,
        "kept tables' bytes per approved workflow",
        perWorkflow(a),
        perWorkflow(b),
        1.5,
        1024);
    double tenSeconds = rate * 10;
    bound(violations, notes, "outbox rows (max)", 0, max(b, s -> s.outbox()), 0, tenSeconds);
    bound(violations, notes, "queued messages (max)", 0, max(b, s -> s.queued()), 0, tenSeconds);
    bound(
        violations,
        notes,
        "outbox rows (mean)",
        mean(a, s -> s.outbox()),
        mean(b, s -> s.outbox()),
        1,
        rate * 2);
    bound(
        violations,
        notes,
        "queued messages (mean)",
        mean(a, s -> s.queued()),
        mean(b, s -> s.queued()),
        1,
        rate * 2);
    bound(
        violations,
        notes,
        "p99 submit to PRD (ms, max)",
        max(a, Sample::p99Ms),
        max(b, Sample::p99Ms),
        2,
        250);
    bound(
        violations, notes, "unfinished after a minute (max)", 0, max(b, s -> s.unfinished()), 0, 0);
    return new SoakVerdict(violations, notes, true);
  }

  private static void bound(
      List<String> violations,
      List<String> notes,
      String what,
      double a,
      double b,
      double factor,
      double slack) {
    double limit = a * factor + slack;
    String line =
        String.format(Locale.ROOT, "%-42s A %12.1f  B %12.1f  bound %12.1f", what, a, b, limit);
    notes.add(line);
    if (!(b <= limit)) {
      violations.add(line);
    }
  }

  private static double perWorkflow(List<Sample> part) {
    Sample first = part.getFirst();
    Sample last = part.getLast();
    long workflows = last.approved() - first.approved();
    return workflows <= 0 ? 0 : (last.keptBytes() - first.keptBytes()) / (double) workflows;
  }

  private static double mean(List<Sample> part, ToDoubleFunction<Sample> figure) {
    return part.stream().mapToDouble(figure).average().orElse(0);
  }

  private static double max(List<Sample> part, ToDoubleFunction<Sample> figure) {
    return part.stream().mapToDouble(figure).filter(value -> !Double.isNaN(value)).max().orElse(0);
  }

  String describe() {
    StringBuilder text = new StringBuilder(System.lineSeparator());
    notes.forEach(note -> text.append(note).append(System.lineSeparator()));
    text.append(
        !judged
            ? "verdict: not judged (run longer)"
            : violations.isEmpty()
                ? "verdict: flat (every figure within its bound)"
                : "verdict: GROWING: " + violations.size() + " figure(s) past their bound");
    return text.toString();
  }
}
