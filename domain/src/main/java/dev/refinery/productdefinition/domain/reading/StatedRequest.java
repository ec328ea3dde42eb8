package dev.refinery.productdefinition.domain.reading;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a feature request states, read deterministically from its title and description: who it is
 * for and whom it is restricted to, its targets (numbers with units, in the request's own words),
 * its obligations ("must", "should", "needs to" clauses), its enumerations, the standards and
 * regulations it names, what it excludes, and which {@link Topic}s it covers. The offline agent
 * writes its PRD from this; the LLM agent's replies and the evaluation are checked against it.
 */
public record StatedRequest(
    String title,
    List<String> sentences,
    List<String> audiences,
    List<String> restrictedTo,
    List<Target> targets,
    List<String> obligations,
    List<Enumeration> enumerations,
    List<String> standards,
    List<String> exclusions,
    Set<Topic> topics) {

  /** A target as the request words it, with the quantities it states. */
  public record Target(String sentence, String text, List<Quantity> quantities) {}

  /** "with number, customer, net, tax and total": what the items belong to, and the items. */
  public record Enumeration(String sentence, String lead, List<String> items) {}

  private static final Pattern SENTENCE_END =
      Pattern.compile("(?<=[.!?;])\\s+(?=[\\p{Lu}0-9\"'(])|\\n+");
  private static final Pattern OBLIGATION =
      Pattern.compile(
          "(?i)\\b(must|shall|should|needs?|wants?|would like|asks? for|requires?|has to|have"
              + " to|(?:is|are) required to|required|at least|at most|within|no more than|no later"
              + " than|never|always|only)\\b");

  /**
   * A sentence that starts with one of these verbs is an instruction: "Lock the account after 5
   * failed attempts."
   */
  private static final Pattern IMPERATIVE =
      Pattern.compile(
          "^(?:Add|Allow|Let|Lock|Send|Show|Export|Import|Notify|Remind|Block|"
              + "Prevent|Provide|Enable|Disable|Keep|Log|Record|Store|Delete|"
              + "Remove|Display|Generate|Create|Update|Sync|Integrate|"
              + "Email|Alert|Track|Limit|Require|Validate|Check|Archive|Retain|"
              + "Encrypt|Mask|Hide|Filter|Sort|Search|Group|Flag|"
              + "Escalate|Assign|Schedule|Print|Download|Upload|Share|Publish|"
              + "Translate|Offer|Include|Make|Mark|Warn|Refuse|Reject|"
              + "Accept|Support|Expire|Retry|Cap|Round|Calculate|Compute|Attach|"
              + "Link|Import|Replace|Merge|Split|Pause|Resume|Cancel)\\b");

  private static final Pattern VERB_THEN_OBJECT =
      Pattern.compile(
          "^(?!(?:A|An|The|This|That|These|Those|Each|Every|All|Some|"
              + "Any|No|Our|Their|Its|My|Your|It|We|They|I|He|She|There|Here|"
              + "If|When|Once|After|Before|While|Today|Currently)\\b)"
              + "\\p{Lu}\\p{Ll}+(?<!s)\\s+(?:a|an|the|one|two|three|each|every|"
              + "all|their|its|our|his|her|them|it|\\d[\\d,.]*)\\b");
  private static final Pattern LEAD =
      Pattern.compile(
          "(?i)^(with|including|includes?|containing|contains?|showing|shows?|"
              + "such as|by|per|for|of|in|as)\\s+");
  private static final Pattern LIST =
      Pattern.compile(
          "(?i)\\b(with|including|includes?|containing|contains?|showing|shows?|such"
              + " as|by|per|for|of|in|as|:)\\s+((?:[\\w/-]+(?:\\s+[\\w/-]+){0,"
              + "2},\\s+)+[\\w/-]+(?:\\s+[\\w/-]+){0,2},?\\s+(?:and|or)\\s+"
              + "[\\w/-]+(?:\\s+[\\w/-]+){0,2})");
  private static final Pattern STANDARD =
      Pattern.compile(
          "\\b(GDPR|CCPA|HIPAA|PCI[ -]DSS|SOC ?2|ISO ?\\d{4,5}(?:-\\d+)?|WCAG(?:"
              + " ?\\d(?:\\.\\d)?)?(?: ?A{1,3}\\b)?|TOTP|HOTP|HMAC(?:-SHA-?\\d+)?|OAuth"
              + " ?2?(?:\\.\\d)?|OpenID Connect|OIDC|SAML(?: ?2\\.0)?|SSO|TLS(?:"
              + " ?\\d\\.\\d)?|FIDO2|WebAuthn|SCIM|PSD2|SEPA|eIDAS|ADA|Section 508|EN 301 549|RFC"
              + " ?\\d{3,5}|OWASP(?: ASVS| Top 10)?|SOX|FERPA|COPPA)");
  private static final Pattern EXCLUSION =
      Pattern.compile(
          "(?i)\\b(out of scope|not (?:needed|required|in scope|part of)|(?:does|do|need) not"
              + " need|doesn't need|don't need|no need|without|except|excluding|not yet|later"
              + " phase)\\b");
  private static final Pattern PROBLEM =
      Pattern.compile(
          "(?i)\\b(because|problem|pain|currently|today|manual|manually|slow|errors?|mistakes?|hard"
              + " to|cannot|can't|too long|takes? (?:\\w+"
              + " ){0,2}(?:hours|days|ages)|missing|broken|complain\\w*|lose|"
              + "lost|frustrat\\w*|wast\\w*|forget|miss(?:es|ed)?|no"
              + " way to|have to|by hand|by phone|spreadsheets?|time out|timeouts?|too many|so"
              + " many|overload\\w*|wait(?:s|ing)?|on hold|chas(?:es|ing)|(?:which|that)"
              + " costs?|late|run out|nobody|keep asking|leave|(?:phone|call|ask|email)s? us)\\b");
  private static final Pattern OUTCOME =
      Pattern.compile(
          "(?i)\\b(so that|in order to|so (?:we|they|he|she|I|you|people|customers|users) can|to"
              + " (?:reduce|increase|cut|save|avoid|improve|speed"
              + " up|prevent|lower|raise|stop|comply)|goal|outcome|benefit|instead of|which"
              + " would|that way)\\b");
  private static final Pattern MEASURE =
      Pattern.compile(
          "(?i)\\b(done when|acceptance|success (?:means|is)|measured by|"
              + "kpi|we will know|counts as done)\\b");

  /**
   * Reads a request. Never fails: a request that says little gives a reading that states little.
   */
  public static StatedRequest read(String title, String description) {
    String text = (description == null ? "" : description.strip());
    List<String> sentences = new ArrayList<>();
    for (String sentence : SENTENCE_END.split(title.strip() + ".\n" + text)) {
      String clean = sentence.strip();
      if (!clean.isEmpty() && !clean.equals(".")) {
        sentences.add(clean);
      }
    }
    String all = String.join(" ", sentences);
    List<Target> targets = new ArrayList<>();
    List<String> obligations = new ArrayList<>();
    List<Enumeration> enumerations = new ArrayList<>();
    List<String> exclusions = new ArrayList<>();
    for (int i = 0; i < sentences.size(); i++) {
      String sentence = sentences.get(i);
      for (Quantities.Target target : Quantities.in(sentence)) {
        targets.add(new Target(sentence, target.text(), target.quantities()));
      }
      boolean excludes = EXCLUSION.matcher(sentence).find();
      if (excludes) {
        exclusions.add(sentence);
      } else if (i > 0 && (OBLIGATION.matcher(sentence).find() || instruction(sentence))) {
        obligations.add(sentence);
      }
      Matcher list = LIST.matcher(sentence);
      while (list.find()) {
        enumerations.add(enumeration(sentence, list.group(1), items(list.group(2))));
      }
    }
    List<String> standards = new ArrayList<>();
    Matcher standard = STANDARD.matcher(all);
    while (standard.find()) {
      if (!standards.contains(standard.group(1))) {
        standards.add(standard.group(1));
      }
    }
    String notListed = all;
    for (Enumeration enumeration :
        enumerations) { // "with number, customer, net": columns, not customers
      for (String item : enumeration.items()) {
        notListed = notListed.replace(item, " ");
      }
    }
    List<String> audiences = Audiences.named(notListed);
    Set<Topic> topics = EnumSet.noneOf(Topic.class);
    if (!audiences.isEmpty()) {
      topics.add(Topic.WHO);
    }
    if (PROBLEM.matcher(all).find()) {
      topics.add(Topic.PROBLEM);
    }
    if (OUTCOME.matcher(all).find()) {
      topics.add(Topic.OUTCOME);
    }
    if (targets.stream()
            .anyMatch(
                target ->
                    target.quantities().stream()
                        .anyMatch(q -> q.dimension() != Quantity.Dimension.DATE))
        || MEASURE.matcher(all).find()) {
      topics.add(Topic.MEASURE);
    }
    return new StatedRequest(
        title.strip(),
        List.copyOf(sentences),
        audiences,
        Audiences.restrictedTo(all),
        List.copyOf(targets),
        List.copyOf(obligations),
        List.copyOf(enumerations),
        List.copyOf(standards),
        List.copyOf(exclusions),
        Set.copyOf(topics));
  }

  /**
   * The request's sentences (the title aside) that speak about the topic: who, the problem, the
   * outcome, a measure.
   */
  public List<String> sentencesAbout(Topic topic) {
    return sentences.stream()
        .skip(1)
        .filter(
            sentence ->
                switch (topic) {
                  case WHO -> !Audiences.named(sentence).isEmpty();
                  case PROBLEM -> PROBLEM.matcher(sentence).find();
                  case OUTCOME -> OUTCOME.matcher(sentence).find();
                  case MEASURE ->
                      MEASURE.matcher(sentence).find()
                          || targets.stream()
                              .anyMatch(target -> target.sentence().equals(sentence));
                })
        .toList();
  }

  /** The words of an outcome sentence from its cue on: "so that they save a day a month". */
  public static String outcomeClause(String sentence) {
    Matcher cue = OUTCOME.matcher(sentence);
    if (!cue.find()) {
      return sentence;
    }
    String clause = sentence.substring(cue.start()).split("[,;]", 2)[0];
    return clause.replaceFirst("[.!]+$", "").strip();
  }

  /**
   * Whether the sentence is an instruction: it starts with a verb such as "Lock", "Send", "Show",
   * or with a word that is not a plural and is followed by what a verb takes ("Award one point per
   * euro").
   */
  public static boolean instruction(String sentence) {
    String text = sentence.strip();
    return IMPERATIVE.matcher(text).find() || VERB_THEN_OBJECT.matcher(text).find();
  }

  /** Every quantity the request states. */
  public List<Quantity> quantities() {
    return targets.stream().flatMap(target -> target.quantities().stream()).toList();
  }

  /** "of a month, with number, customer, ...": the list starts at its last lead word. */
  private static Enumeration enumeration(String sentence, String lead, List<String> items) {
    for (int i = items.size() - 1; i >= 0; i--) {
      Matcher inner = LEAD.matcher(items.get(i));
      if (inner.find()) {
        List<String> rest = new ArrayList<>(items.subList(i, items.size()));
        rest.set(0, items.get(i).substring(inner.end()));
        return new Enumeration(sentence, inner.group(1), List.copyOf(rest));
      }
    }
    return new Enumeration(sentence, lead, items);
  }

  private static List<String> items(String list) {
    List<String> items = new ArrayList<>();
    for (String item : list.split(",\\s*|\\s+(?:and|or)\\s+")) {
      String clean = item.strip().replaceFirst("(?i)^(?:and|or)\\s+", "");
      if (!clean.isEmpty()) {
        items.add(clean);
      }
    }
    return List.copyOf(items);
  }
}
