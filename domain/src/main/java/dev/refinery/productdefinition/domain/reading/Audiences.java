package dev.refinery.productdefinition.domain.reading;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Who a request is for: the roles and teams it names ("accountants", "warehouse staff", "Finance"),
 * and those it restricts the feature to ("by accountants only", "only admins", "limited to
 * managers").
 */
final class Audiences {

  private static final String ROLE =
      "(?:accountants?|administrators?|admins?|agents?|analysts?|applicants?|"
          + "approvers?|assistants?|attendees?|auditors?|authors?|bankers?|bookkeepers?|bookkeeping"
          + " staff|brokers?|buyers?|candidates?|"
          + "caregivers?|cashiers?|citizens?|clerks?|clients?|clinicians?|coaches?|consultants?|contractors?|"
          + "couriers?|creators?|crew|customers?|designers?|developers?|directors?|dispatchers?|doctors?|donors?|"
          + "drivers?|editors?|employees?|employers?|engineers?|examiners?|executives?|freelancers?|guests?|"
          + "homeowners?|hosts?|inspectors?|instructors?|interns?|investors?|landlords?|lawyers?|learners?|"
          + "managers?|mechanics?|members?|merchants?|moderators?|nurses?|officers?|operators?|organi[sz]ers?|"
          + "owners?|parents?|partners?|passengers?|patients?|people|pharmacists?|physicians?|pilots?|planners?|"
          + "players?|publishers?|readers?|receptionists?|recipients?|senders?|"
          + "recruiters?|renters?|reps?|residents?|reviewers?|"
          + "riders?|salespeople|sellers?|shoppers?|speakers?|sponsors?|staff|students?|subscribers?|suppliers?|"
          + "teachers?|technicians?|tellers?|tenants?|testers?|therapists?|tourists?|traders?|travell?ers?|"
          + "tutors?|users?|vendors?|viewers?|visitors?|volunteers?|workers?|writers?)";

  /** Team names, capitalised (lowercase "support" is usually a verb). */
  private static final String TEAM =
      "(?:Finance|Sales|Support|Marketing|HR|Legal|Compliance|Operations|Procurement|Accounting|"
          + "Payroll|Engineering|Security|Logistics|Customer Success|Customer Service|IT)";

  private static final Set<String> NOT_A_QUALIFIER =
      Set.of(
          "the",
          "a",
          "an",
          "our",
          "all",
          "by",
          "for",
          "to",
          "of",
          "and",
          "or",
          "only",
          "with",
          "that",
          "every",
          "each",
          "other",
          "more",
          "most",
          "many",
          "some",
          "any",
          "no",
          "which",
          "who",
          "let",
          "lets",
          "allow",
          "allows",
          "help",
          "helps",
          "so",
          "their",
          "its",
          "as",
          "from",
          "when",
          "where",
          "if",
          "than",
          "new",
          "these",
          "those",
          "this",
          "it",
          "is",
          "are",
          "can",
          "must",
          "should",
          "will",
          "would",
          "give",
          "gives",
          "how",
          "per",
          "about",
          "into",
          "on",
          "in",
          "at",
          "be",
          "not",
          "also",
          "both",
          "such",
          "enable",
          "enables",
          "show",
          "shows",
          "send",
          "sends",
          "notify",
          "notifies",
          "email",
          "emails",
          "want",
          "wants",
          "need",
          "needs",
          "internal");
  private static final Pattern NAMED =
      Pattern.compile(
          "(?<![\\w-])(?:([A-Za-z][a-z-]+)\\s+)?((?i:"
              + ROLE
              + "))\\b|\\b("
              + TEAM
              + ")(?:\\s+(team|department|staff))?\\b");
  private static final Pattern ONLY =
      Pattern.compile(
          "(?i)\\b(?:(?:by|for|to)\\s+((?:[a-z-]+\\s+)?"
              + ROLE
              + ")\\s+only|only\\s+(?:by\\s+|for\\s+|to\\s+)?((?:[a-z-]+\\s+)?"
              + ROLE
              + ")|(?:restricted|limited)\\s+to\\s+((?:[a-z-]+\\s+)?"
              + ROLE
              + "))\\b");

  private static final Pattern SUBJECT_VERB =
      Pattern.compile(
          "^\\s+(?:needs?|wants?|asks?|asked|requires?|would|has|have|is|are|"
              + "must|should|uses?|currently|spends?|loses?|cannot|can't|gets?|receives?|sends?)\\b");

  private Audiences() {}

  private static boolean sentenceStart(String text, int at) {
    String before = text.substring(0, at).stripTrailing();
    return before.isEmpty() || ".!?:\n".indexOf(before.charAt(before.length() - 1)) >= 0;
  }

  /** Everyone the request names, first mention first, without repeats (by their plural). */
  static List<String> named(String text) {
    Map<String, String> names = new LinkedHashMap<>();
    Matcher named = NAMED.matcher(text);
    while (named.find()) {
      String name;
      if (named.group(2) != null) {
        String qualifier = named.group(1);
        boolean qualified =
            qualifier != null && !NOT_A_QUALIFIER.contains(qualifier.toLowerCase(Locale.ROOT));
        String role = named.group(2).toLowerCase(Locale.ROOT);
        name = qualified ? qualifier.toLowerCase(Locale.ROOT) + " " + role : role;
      } else if (named.group(4) == null
          && sentenceStart(text, named.start())
          && !SUBJECT_VERB.matcher(text.substring(named.end())).find()) {
        continue; // "Support dark mode": a verb, not the team
      } else {
        name = named.group(3) + (named.group(4) == null ? "" : " " + named.group(4));
      }
      names.putIfAbsent(Quantities.noun(name), plural(name));
    }
    return List.copyOf(names.values());
  }

  /** The roles the request restricts the feature to. */
  static List<String> restrictedTo(String text) {
    List<String> only = new ArrayList<>();
    Matcher matcher = ONLY.matcher(text);
    while (matcher.find()) {
      String role =
          matcher.group(1) != null
              ? matcher.group(1)
              : matcher.group(2) != null ? matcher.group(2) : matcher.group(3);
      String[] words = role.split("\\s+");
      if (words.length > 1 && NOT_A_QUALIFIER.contains(words[0].toLowerCase(Locale.ROOT))) {
        role = words[1];
      }
      String name = plural(role.toLowerCase(Locale.ROOT));
      if (!only.contains(name)) {
        only.add(name);
      }
    }
    return List.copyOf(only);
  }

  private static String plural(String name) {
    String lower = name.toLowerCase(Locale.ROOT);
    if (lower.endsWith("staff") || lower.endsWith("s") || Character.isUpperCase(name.charAt(0))) {
      return name;
    }
    return lower.endsWith("ch") ? name + "es" : name + "s";
  }
}
