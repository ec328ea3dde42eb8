package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import java.util.regex.Pattern;

/**
 * What a request must say before a PRD can be written from it, how to tell whether it does, and the
 * question that asks for it when it does not. Asked in this order, at most three a round.
 */
enum Aspect {
  WHO("who",
      "(?i)\\b(user|users|customer|customers|admin|administrator|operator|team|staff|manager|managers|finance|sales|support|partner|client|clients|as an?|for (the|our))\\b",
      "Who is this for?",
      List.of(option("end-users", "End users of the product"), option("staff", "Internal staff who run the business"),
          option("admins", "Administrators and operators"), option("partners", "External partners and API clients")),
      "end-users", "The audience decides the personas, the user stories and how the result is measured."),
  PROBLEM("problem",
      "(?i)\\b(because|problem|pain|currently|today|manual|manually|slow|error|errors|hard to|cannot|can't|too long|missing|broken)\\b",
      "What problem does it solve?",
      List.of(option("manual-work", "A recurring task takes too much manual work"),
          option("errors", "Mistakes or inconsistent data"), option("missing", "A capability people ask for is missing"),
          option("compliance", "A compliance or audit need")),
      "missing", "The problem statement keeps scope honest: what does not serve it is out of scope."),
  OUTCOME("outcome",
      "(?i)\\b(so that|in order to|so we can|to reduce|to increase|to save|to avoid|goal|outcome|expect|benefit)\\b",
      "What outcome would make it worth doing?",
      List.of(option("time", "Save time on a recurring task"), option("quality", "Fewer errors and rework"),
          option("revenue", "More revenue or engagement"), option("risk", "Lower risk or a met obligation")),
      "time", "The outcome becomes the goals and the success metrics the PRD is judged by."),
  ACCEPTANCE("acceptance",
      "(?i)\\b(done when|acceptance|accept|must|should|at least|within|less than|no more than|every|measur\\w*|percent|%)\\b",
      "How will we know it is done?",
      List.of(option("flow", "A person can complete the flow end to end"),
          option("target", "A measurable target is met (time, volume, error rate)"),
          option("parity", "It works on the existing data and integrations")),
      "flow", "Acceptance criteria turn into the Given/When/Then checks the delivery team tests against.");

  private final String id;
  private final Pattern mentioned;
  private final String question;
  private final List<Question.Option> options;
  private final String recommended;
  private final String why;

  Aspect(String id, String mentioned, String question, List<Question.Option> options, String recommended, String why) {
    this.id = id;
    this.mentioned = Pattern.compile(mentioned);
    this.question = question;
    this.options = options;
    this.recommended = recommended;
    this.why = why;
  }

  String id() {
    return id;
  }

  boolean saidIn(String text) {
    return mentioned.matcher(text).find();
  }

  Question question() {
    return new Question(id, question, options, recommended, why);
  }

  private static Question.Option option(String id, String label) {
    return new Question.Option(id, label);
  }
}
