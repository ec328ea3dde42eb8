package dev.refinery.productdefinition.domain.reading;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * What a PRD needs to know before it can be written, and how to tell that a question is about it:
 * who it is for, the problem, the outcome, and how success is measured. A question about a topic
 * the request already states is a redundant question.
 */
public enum Topic {
  WHO(
      "who",
      "\\b(who|audience|personas?|for whom|intended users|target users|which"
          + " (teams?|people|groups?|roles?))\\b"),
  PROBLEM("problem", "\\b(problem|pain|why|issue|solve|currently|today)\\b"),
  OUTCOME("outcome", "\\b(outcome|goal|benefit|value|worth|achieve|so that)\\b"),
  MEASURE(
      "measure",
      "\\b(measur\\w*|metrics?|success|done|acceptance|targets?|how fast|how many|how much|how"
          + " quickly|performance|response time|volumes?|deadline|sla)\\b");

  private final String id;
  private final Pattern asked;

  Topic(String id, String asked) {
    this.id = id;
    this.asked = Pattern.compile(asked, Pattern.CASE_INSENSITIVE);
  }

  /**
   * The id the offline agent gives the question about this topic (and the eval set names topics
   * by).
   */
  public String id() {
    return id;
  }

  public static Optional<Topic> byId(String id) {
    for (Topic topic : values()) {
      if (topic.id.equals(id.toLowerCase(Locale.ROOT))) {
        return Optional.of(topic);
      }
    }
    return Optional.empty();
  }

  /**
   * The topic a question asks about: by its id when that names one, otherwise by its words (the
   * first topic whose words it uses, in the order above); empty when it asks about something else.
   */
  public static Optional<Topic> of(String questionId, String questionText) {
    Optional<Topic> named = byId(questionId == null ? "" : questionId);
    if (named.isPresent()) {
      return named;
    }
    String words = (questionId == null ? "" : questionId.replace('-', ' ') + " ") + questionText;
    for (Topic topic : values()) {
      if (topic.asked.matcher(words).find()) {
        return Optional.of(topic);
      }
    }
    return Optional.empty();
  }
}
