package dev.refinery.shared.monitoring;

import java.time.Instant;
import java.util.List;
import java.util.Map;

/** Where every instance says it is alive, and what the Fleet page reads of the event log. */
public interface FleetStore {

  /** One instance as it last said: each background work's last tick (null: never) and pause. */
  record Beat(
      String name,
      String version,
      Instant startedAt,
      Instant seenAt,
      int agentSlots,
      int agentsBusy,
      List<WorkTick> work) {}

  /** A background work of an instance: when it last ticked (null: not yet), whether paused. */
  record WorkTick(String key, Instant lastTick, boolean paused) {}

  /** Consumptions by a context over the last minute: all, and those that were redeliveries. */
  record Consumed(long total, long redelivered) {}

  /** Records the beat, replacing the instance's earlier one; forgets instances gone a day. */
  void beat(Beat beat);

  /** Every instance seen in the last day, the most recently started first. */
  List<Beat> instances();

  /** Each consuming context's (segment's) consumptions in the last minute. */
  Map<String, Consumed> consumedLastMinute();
}
