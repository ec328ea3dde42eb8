package dev.refinery.productdefinition.domain.reading;

import dev.refinery.productdefinition.domain.reading.Quantity.Dimension;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds numbers with units in a sentence and groups those that state one target together, with the
 * words that make them a target: "within 10 seconds for 50,000 invoices" is one target of two
 * quantities.
 */
final class Quantities {

  private static final String NUMBER = "\\d{1,3}(?:,\\d{3})+(?:\\.\\d+)?|\\d+(?:\\.\\d+)?";
  private static final String MONTH =
      "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
  private static final Pattern DATE =
      Pattern.compile(
          "\\b(?:\\d{4}-\\d{2}-\\d{2}|"
              + MONTH
              + "\\s+\\d{1,2}(?:st|nd|rd|th)?(?:,?\\s+\\d{4})?|"
              + "\\d{1,2}(?:st|nd|rd|th)?\\s+"
              + MONTH
              + "(?:\\s+\\d{4})?)\\b");
  private static final Pattern MONEY =
      Pattern.compile(
          "(?<![\\w.])(?:([$€£])\\s?("
              + NUMBER
              + ")\\s?([kKmM])?\\b"
              + "|("
              + NUMBER
              + ")\\s?(EUR|USD|GBP|CHF|euros?|dollars?)\\b)");
  private static final Pattern AMOUNT =
      Pattern.compile(
          "(?<![\\w.,$€£-])("
              + NUMBER
              + ")\\s?(%|percent\\b|per"
              + " cent\\b|ms\\b|milliseconds?\\b|seconds?\\b|secs?\\b|s\\b|minutes?\\b|"
              + "mins?\\b|hours?\\b|hrs?\\b|h\\b|(?:business"
              + " |working )?days?\\b|"
              + "weeks?\\b|months?\\b|years?\\b|[kKMGT]i?B\\b|bytes?\\b|kilobytes?\\b|"
              + "megabytes?\\b|gigabytes?\\b|terabytes?\\b|"
              + "(?:[a-z][a-z-]+\\s+)?[a-z][a-z-]+)");
  private static final Map<String, Double> SECONDS =
      Map.ofEntries(
          Map.entry("ms", 0.001),
          Map.entry("millisecond", 0.001),
          Map.entry("s", 1.0),
          Map.entry("sec", 1.0),
          Map.entry("second", 1.0),
          Map.entry("min", 60.0),
          Map.entry("minute", 60.0),
          Map.entry("h", 3600.0),
          Map.entry("hr", 3600.0),
          Map.entry("hour", 3600.0),
          Map.entry("day", 86400.0),
          Map.entry("business day", 86400.0),
          Map.entry("working day", 86400.0),
          Map.entry("week", 604800.0),
          Map.entry("month", 2592000.0),
          Map.entry("year", 31536000.0));
  private static final Map<String, Double> BYTES =
      Map.ofEntries(
          Map.entry("byte", 1.0),
          Map.entry("kb", 1e3),
          Map.entry("kib", 1024.0),
          Map.entry("kilobyte", 1e3),
          Map.entry("mb", 1e6),
          Map.entry("mib", 1048576.0),
          Map.entry("megabyte", 1e6),
          Map.entry("gb", 1e9),
          Map.entry("gib", 1073741824.0),
          Map.entry("gigabyte", 1e9),
          Map.entry("tb", 1e12),
          Map.entry("tib", 1099511627776.0),
          Map.entry("terabyte", 1e12));

  /** Words after a number that are not what it counts. */
  private static final Set<String> NOT_COUNTED =
      Set.of(
          "and", "or", "of", "to", "the", "a", "an", "in", "on", "at", "for", "per", "by", "with",
          "from", "is", "are", "was", "be", "it", "they", "we", "than", "as", "if", "am", "pm");

  private static final Map<String, Double> SCALE =
      Map.of("thousand", 1e3, "million", 1e6, "billion", 1e9);

  /** Words right before a target that belong to it: "within", "at least", "up to", ... */
  private static final Pattern CUE =
      Pattern.compile(
          "(?i)(?:\\b(?:within|under|in|at least|at most|up to|less than|more than|fewer than|no"
              + " more than|no later than|no less"
              + " than|below|above|over|every|each|for|of|by|before|after|than|to|from|"
              + "around|about|exactly|maximum|minimum|max|min)\\s+)+$");

  /** Words that join two quantities into one target. */
  private static final Pattern JOIN =
      Pattern.compile(
          "(?i)^\\s*(?:,\\s*)?(?:for|with|of|per|at|across|on|in|and|to|from|"
              + "under|within|at least|at most|up to)?\\s*$");

  private Quantities() {}

  /** One target: the request's words for it, and the quantities it states. */
  record Target(String text, List<Quantity> quantities) {}

  private record Found(int start, int end, Quantity quantity) {}

  static List<Target> in(String sentence) {
    List<Found> found = new ArrayList<>();
    Matcher date = DATE.matcher(sentence);
    while (date.find()) {
      found.add(
          new Found(
              date.start(), date.end(), new Quantity(Dimension.DATE, 0, "date", date.group())));
    }
    Matcher money = MONEY.matcher(sentence);
    while (money.find()) {
      if (overlaps(found, money.start(), money.end())) {
        continue;
      }
      String number = money.group(2) != null ? money.group(2) : money.group(4);
      String scale = money.group(3) == null ? "" : money.group(3).toLowerCase(Locale.ROOT);
      double value = parse(number) * ("k".equals(scale) ? 1e3 : "m".equals(scale) ? 1e6 : 1);
      String currency = money.group(1) != null ? money.group(1) : money.group(5);
      found.add(
          new Found(
              money.start(),
              money.end(),
              new Quantity(Dimension.MONEY, value, currency(currency), money.group().strip())));
    }
    Matcher amount = AMOUNT.matcher(sentence);
    while (amount.find()) {
      if (overlaps(found, amount.start(), amount.end())) {
        continue;
      }
      Quantity quantity = quantity(amount.group(1), amount.group(2), amount.group());
      if (quantity != null) {
        found.add(
            new Found(
                amount.start(),
                quantity.dimension() == Dimension.COUNT
                    ? amount.start(2) + countedLength(amount.group(2))
                    : amount.end(),
                quantity));
      }
    }
    found.sort(java.util.Comparator.comparingInt(Found::start));
    return targets(sentence, found);
  }

  private static List<Target> targets(String sentence, List<Found> found) {
    List<Target> targets = new ArrayList<>();
    int i = 0;
    while (i < found.size()) {
      int start = cueStart(sentence, found.get(i).start());
      int end = found.get(i).end();
      List<Quantity> quantities = new ArrayList<>(List.of(found.get(i).quantity()));
      while (i + 1 < found.size()
          && JOIN.matcher(sentence.substring(end, found.get(i + 1).start())).matches()) {
        i++;
        end = found.get(i).end();
        quantities.add(found.get(i).quantity());
      }
      Matcher rate =
          Pattern.compile(
                  "^\\s*(?:per|a|an|/)\\s*(?:second|minute|hour|day|week|month|year|s|min|h)\\b")
              .matcher(sentence.substring(end));
      if (rate.find()) {
        end += rate.end();
      }
      targets.add(new Target(sentence.substring(start, end).strip(), List.copyOf(quantities)));
      i++;
    }
    return targets;
  }

  private static int cueStart(String sentence, int start) {
    Matcher cue = CUE.matcher(sentence.substring(0, start));
    return cue.find() ? cue.start() : start;
  }

  private static boolean overlaps(List<Found> found, int start, int end) {
    return found.stream().anyMatch(f -> f.start() < end && start < f.end());
  }

  /** The quantity a number and the words after it state, or null when they are not one. */
  private static Quantity quantity(String number, String unitWords, String text) {
    double value = parse(number);
    String unit = unitWords.toLowerCase(Locale.ROOT).strip();
    if (unit.equals("%") || unit.startsWith("percent") || unit.startsWith("per cent")) {
      return new Quantity(Dimension.PERCENT, value, "%", text);
    }
    String singular =
        unit.endsWith("s") && unit.length() > 2 && !unit.endsWith("ss")
            ? unit.substring(0, unit.length() - 1)
            : unit;
    if (SECONDS.containsKey(unit) || SECONDS.containsKey(singular)) {
      return new Quantity(
          Dimension.TIME, value * SECONDS.getOrDefault(unit, SECONDS.get(singular)), "s", text);
    }
    if (BYTES.containsKey(unit) || BYTES.containsKey(singular)) {
      return new Quantity(
          Dimension.SIZE, value * BYTES.getOrDefault(unit, BYTES.get(singular)), "B", text);
    }
    String[] words = unit.split("\\s+");
    boolean scaled = SCALE.containsKey(words[0]) && words.length > 1;
    if (scaled) { // "2 million products"
      value *= SCALE.get(words[0]);
      words = java.util.Arrays.copyOfRange(words, 1, words.length);
    }
    if (NOT_COUNTED.contains(words[0])
        || number.contains(".") && !scaled) { // "SAML 2.0 review": a version, not a count
      return null;
    }
    return new Quantity(Dimension.COUNT, value, noun(words[twoWords(words) ? 1 : 0]), text);
  }

  /**
   * Whether a count names its thing in two words ("3 failed attempts", "500 concurrent users")
   * rather than one ("50,000 invoices", then whatever follows): the first word is not a plural and
   * the second is.
   */
  private static boolean twoWords(String[] words) {
    return words.length > 1
        && !NOT_COUNTED.contains(words[1])
        && !words[0].endsWith("s")
        && words[1].endsWith("s");
  }

  /** How much of the words after a number belongs to the count. */
  private static int countedLength(String unitWords) {
    String[] words = unitWords.toLowerCase(Locale.ROOT).split("\\s+");
    return twoWords(words) ? unitWords.length() : unitWords.split("\\s+")[0].length();
  }

  /**
   * Counted things compare by their singular: "50,000 invoices" and "1 invoice" count the same
   * thing.
   */
  static String noun(String word) {
    String lower = word.toLowerCase(Locale.ROOT);
    if (lower.endsWith("ies") && lower.length() > 4) {
      return lower.substring(0, lower.length() - 3) + "y";
    }
    if (lower.endsWith("ses")
        || lower.endsWith("xes")
        || lower.endsWith("ches")
        || lower.endsWith("shes")) {
      return lower.substring(0, lower.length() - 2);
    }
    return lower.endsWith("s") && !lower.endsWith("ss")
        ? lower.substring(0, lower.length() - 1)
        : lower;
  }

  private static String currency(String symbol) {
    return switch (symbol.toLowerCase(Locale.ROOT)) {
      case "$", "usd", "dollar", "dollars" -> "USD";
      case "€", "eur", "euro", "euros" -> "EUR";
      case "£", "gbp" -> "GBP";
      default -> symbol.toUpperCase(Locale.ROOT);
    };
  }

  static double parse(String number) {
    return Double.parseDouble(number.replace(",", ""));
  }
}
