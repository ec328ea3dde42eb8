package dev.refinery.console;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Times as pages show them ({@code #{fmt.when(t)}}, {@code #{fmt.ago(t)}}): in UTC, to the second.
 */
@Named("fmt")
@ApplicationScoped
public class Formats {

  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

  public String when(Instant instant) {
    return instant == null ? "" : WHEN.format(instant);
  }

  /** How long ago, in the largest whole unit: "45 s ago", "12 min ago", "3 h ago", "2 d ago". */
  public String ago(Instant instant) {
    if (instant == null) {
      return "";
    }
    return span(Duration.between(instant, Instant.now()).toSeconds()) + " ago";
  }

  /** When something is due: "in 5 h", or "overdue by 20 min"; nothing when never. */
  public String due(Instant due) {
    if (due == null) {
      return "";
    }
    long seconds = Duration.between(Instant.now(), due).toSeconds();
    return seconds >= 0 ? "in " + span(seconds) : "overdue by " + span(-seconds);
  }

  private static String span(long seconds) {
    seconds = Math.max(seconds, 0);
    if (seconds < 120) {
      return seconds + " s";
    }
    if (seconds < 7_200) {
      return seconds / 60 + " min";
    }
    return seconds < 172_800 ? seconds / 3_600 + " h" : seconds / 86_400 + " d";
  }
}
