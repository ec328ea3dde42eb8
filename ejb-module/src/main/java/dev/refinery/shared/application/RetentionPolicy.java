package dev.refinery.shared.application;

import dev.refinery.shared.application.RetentionStore.Table;
import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/**
 * How long each pruned table keeps its rows, from {@code refinery.retention.event-log}, {@code
 * .inbox} and {@code .audit} (unset: every row is kept). The inbox keeps its rows at least as long
 * as a message can still be redelivered, whatever is configured: its row is what tells the
 * redelivery from a new message.
 *
 * @param ages each table's age limit; absent: the table is never pruned
 * @param raisedInbox the configured inbox age when it was raised to the redelivery window
 */
public record RetentionPolicy(Map<Table, Optional<Duration>> ages, Optional<Duration> raisedInbox) {

  public RetentionPolicy {
    ages = Collections.unmodifiableMap(new EnumMap<>(ages));
  }

  /**
   * @param redeliveryWindow the longest a message can take to come back after it was handled
   * @throws IllegalArgumentException for an age that is zero or negative
   */
  public static RetentionPolicy from(Config config, Duration redeliveryWindow) {
    Map<Table, Optional<Duration>> ages = new EnumMap<>(Table.class);
    ages.put(Table.EVENT_LOG, age(config, "event-log"));
    Optional<Duration> inbox = age(config, "inbox");
    ages.put(Table.INBOX, inbox.map(age -> max(age, redeliveryWindow)));
    ages.put(Table.AUDIT, age(config, "audit"));
    return new RetentionPolicy(ages, inbox.filter(age -> age.compareTo(redeliveryWindow) < 0));
  }

  /** The instant before which each pruned table's rows go; tables kept whole are absent. */
  public Map<Table, Instant> cutoffs(Instant now) {
    Map<Table, Instant> cutoffs = new EnumMap<>(Table.class);
    ages.forEach((table, age) -> age.ifPresent(keep -> cutoffs.put(table, now.minus(keep))));
    return cutoffs;
  }

  private static Optional<Duration> age(Config config, String key) {
    String name = "refinery.retention." + key;
    Optional<Duration> age = config.getOptionalValue(name, Duration.class);
    if (age.isPresent() && (age.get().isNegative() || age.get().isZero())) {
      throw new IllegalArgumentException(
          name
              + " must be a positive ISO-8601 duration such as P30D (or unset to keep every row),"
              + " not "
              + age.get());
    }
    return age;
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
