package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.reading.StatedRequest;
import dev.refinery.productdefinition.domain.reading.Topic;
import dev.refinery.taskmanagement.api.Question;
import java.util.List;

/**
 * What a request must say before a PRD can be written from it, and the question that asks for it
 * when the request does not say it ({@link StatedRequest#topics()} tells). Asked in this order, at
 * most three a round.
 */
enum Aspect {
  WHO(
      Topic.WHO,
      "Who is this for?",
      List.of(
          option("end-users", "End users of the product"),
          option("staff", "Internal staff who run the business"),
          option("admins", "Administrators and operators"),
          option("partners", "External partners and API clients")),
      "end-users",
      "The audience decides the personas, the user stories and who may use it."),
  PROBLEM(
      Topic.PROBLEM,
      "What problem does it solve?",
      List.of(
          option("manual-work", "A recurring task takes too much manual work"),
          option("errors", "Mistakes or inconsistent data"),
          option("missing", "A capability people ask for is missing"),
          option("compliance", "A compliance or audit need")),
      "missing",
      "The problem statement keeps scope honest: what does not serve it is out of scope."),
  OUTCOME(
      Topic.OUTCOME,
      "What outcome would make it worth doing?",
      List.of(
          option("time", "Save time on a recurring task"),
          option("quality", "Fewer errors and rework"),
          option("revenue", "More revenue or engagement"),
          option("risk", "Lower risk or a met obligation")),
      "time",
      "The outcome becomes the goals the PRD is judged by."),
  MEASURE(
      Topic.MEASURE,
      "How will we know it is done, and how is success measured?",
      List.of(
          option("flow", "A person can complete the flow end to end"),
          option("target", "A measurable target is met (time, volume, error rate)"),
          option("parity", "It works on the existing data and integrations")),
      "flow",
      "Acceptance criteria and success metrics turn into the checks the delivery team tests"
          + " against.");

  private final Topic topic;
  private final String question;
  private final List<Question.Option> options;
  private final String recommended;
  private final String why;

  Aspect(
      Topic topic, String question, List<Question.Option> options, String recommended, String why) {
    this.topic = topic;
    this.question = question;
    this.options = options;
    this.recommended = recommended;
    this.why = why;
  }

  /**
   * The question's id: the topic's, so any reader of the answers (and the evaluation) knows what it
   * asked.
   */
  String id() {
    return topic.id();
  }

  Topic topic() {
    return topic;
  }

  Question question() {
    return new Question(id(), question, options, recommended, why);
  }

  /** The label of the option this aspect recommends. */
  String recommendedLabel() {
    return options.stream()
        .filter(option -> option.id().equals(recommended))
        .findFirst()
        .orElseThrow()
        .label();
  }

  private static Question.Option option(String id, String label) {
    return new Question.Option(id, label);
  }
}
