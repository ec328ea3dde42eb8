package dev.refinery;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Deque;
import java.util.List;
import java.util.Locale;

/**
 * I3's reading of how one context consumed one message (every event-log line for that message id
 * and target): were its retries given their delays? A message may travel several chains of attempts
 * at once — F3 publishes copies with the same id and attempt, and each copy that fails is retried
 * on its own — so an attempt n + 1 is matched to any failure of attempt n whose delay had passed,
 * not to the failure just before it (CI's F3 flagged "attempt 7 came 860 ms after attempt 6
 * failed": another copy's attempt 6).
 */
final class RetryChains {

  /**
   * One consumption: the attempt the message carried, what came of it, when, and the error if it
   * failed.
   */
  record Line(int attempt, String outcome, long atMicros, String error) {}

  record Reading(List<String> violations, int retries, int redeliveries) {}

  private static final String EARLY = "EarlyEventException";

  private final List<Duration> retryDelays;
  private final List<Duration> earlyEventDelays;

  /**
   * @param earlyEventDelays an early event's whole policy: its quick retries, then the ordinary
   *     ones
   */
  RetryChains(List<Duration> retryDelays, List<Duration> earlyEventDelays) {
    this.retryDelays = List.copyOf(retryDelays);
    this.earlyEventDelays = List.copyOf(earlyEventDelays);
  }

  Reading read(String key, List<Line> lines) {
    List<String> violations = new ArrayList<>();
    for (Line line : lines) {
      boolean waitingForItsTask =
          lines.stream().anyMatch(other -> other.attempt() == line.attempt() - 1 && early(other));
      boolean early =
          early(line)
              || lines.stream().anyMatch(other -> other.attempt() < line.attempt() && early(other));
      int allowed = (early ? earlyEventDelays : retryDelays).size() + 1;
      if (line.attempt() > allowed && !waitingForItsTask) {
        violations.add(key + " tried " + line.attempt() + " times, the policy allows " + allowed);
      }
    }
    int retries = 0;
    int redeliveries = 0;
    for (int attempt :
        lines.stream()
            .filter(RetryChains::retried)
            .mapToInt(Line::attempt)
            .distinct()
            .sorted()
            .toArray()) {
      List<Line> failures =
          lines.stream()
              .filter(line -> line.attempt() == attempt && retried(line))
              .sorted(Comparator.comparingLong(this::dueAt))
              .toList();
      List<Line> arrivals =
          lines.stream()
              .filter(line -> line.attempt() == attempt + 1)
              .sorted(Comparator.comparingLong(Line::atMicros))
              .toList();
      retries += failures.size();
      // each arrival takes a failure whose delay had passed by then (any will do: one due for an
      // arrival is due for every later one, so taking the earliest due matches as many as can be
      // matched)
      Deque<Line> waiting = new ArrayDeque<>(failures);
      boolean arrived = false;
      for (Line arrival : arrivals) {
        if (!waiting.isEmpty() && dueAt(waiting.peekFirst()) <= arrival.atMicros()) {
          waiting.removeFirst();
        } else if (arrived) {
          redeliveries++; // the broker's redelivery of an attempt already here, after a commit
          // whose outcome was lost
        } else {
          // too early for every failure: reported against the latest before it, which it then
          // answers
          waiting.stream()
              .filter(failure -> failure.atMicros() < arrival.atMicros())
              .max(Comparator.comparingLong(Line::atMicros))
              .ifPresent(
                  failure -> {
                    waiting.remove(failure);
                    violations.add(
                        String.format(
                            Locale.ROOT,
                            "%s: attempt %d came %.0f ms after attempt %d failed, the policy"
                                + " says %d ms",
                            key,
                            attempt + 1,
                            (arrival.atMicros() - failure.atMicros()) / 1000.0,
                            attempt,
                            (dueAt(failure) - failure.atMicros()) / 1000));
                  });
        }
        arrived = true;
      }
      // a failure no later attempt answers: fine when the same attempt came again after it (the
      // broker redelivered it, the retry was never scheduled) or another failure of it had already
      // scheduled one
      for (Line failure : waiting) {
        boolean redelivered =
            lines.stream()
                .anyMatch(
                    other -> other.attempt() == attempt && other.atMicros() > failure.atMicros());
        boolean retriedBefore =
            lines.stream()
                .anyMatch(
                    other ->
                        other.attempt() == attempt
                            && retried(other)
                            && other.atMicros() < failure.atMicros());
        if (redelivered) {
          redeliveries++;
        } else if (!retriedBefore) {
          violations.add(key + " was to be retried after attempt " + attempt + " and never was");
        }
      }
    }
    return new Reading(violations, retries, redeliveries);
  }

  private long dueAt(Line failure) {
    List<Duration> policy = early(failure) ? earlyEventDelays : retryDelays;
    return failure.atMicros()
        + policy.get(Math.min(failure.attempt(), policy.size()) - 1).toNanos() / 1_000;
  }

  private static boolean retried(Line line) {
    return "retried".equals(line.outcome());
  }

  private static boolean early(Line line) {
    return String.valueOf(line.error()).contains(EARLY);
  }
}
