package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.Prd.Persona;
import dev.refinery.productdefinition.domain.Prd.Risk;
import dev.refinery.productdefinition.domain.Prd.SuccessMetric;
import dev.refinery.productdefinition.domain.Prd.UserStory;
import dev.refinery.productdefinition.domain.reading.Quantity;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
import dev.refinery.productdefinition.domain.reading.Topic;
import dev.refinery.taskmanagement.api.Priority;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the offline agent's PRD from what the request states ({@link StatedRequest}) and the
 * answers: personas from the people it names, requirements from its obligations, enumerations,
 * access restrictions and standards, non-functional requirements with exactly its targets. What it
 * does not state becomes an assumption or an open question, never a number of the agent's own.
 */
final class OfflinePrdWriter {

  Prd write(AgentRequest request, StatedRequest stated, List<Aspect> gaps) {
    // "Export invoices as CSV" is something to do, "CSV export of invoices" a thing to have
    boolean todo = StatedRequest.instruction(request.title());
    String feature = todo ? "the feature" : feature(request.title());
    String want = todo ? lower(request.title().strip()) : feature;
    String priority = storyPriority(request.priority());
    String who = primary(request, stated);
    List<String> outcomes =
        stated.sentencesAbout(Topic.OUTCOME).stream().map(StatedRequest::outcomeClause).toList();
    String outcome =
        !outcomes.isEmpty()
            ? outcomes.getFirst()
            : answered(request, Aspect.OUTCOME, "they can do what the request describes");

    return new Prd(
        request.title(),
        request.title() + "\n\n" + request.description(),
        request.clarifications().stream()
            .map(
                c ->
                    new Prd.ClarificationEntry(
                        c.round(), c.question(), c.answer() == null ? "" : c.answer()))
            .toList(),
        problem(request, stated, who, feature),
        goals(stated, outcomes, request, feature),
        personas(request, stated),
        List.of(
            new UserStory(
                "US-1",
                who,
                want,
                lower(outcome),
                priority,
                OfflineRequirements.criteria(request, stated, who, feature))),
        OfflineRequirements.functional(request, stated, who, todo ? null : feature, want, priority),
        OfflineRequirements.nonFunctional(stated, feature),
        outOfScope(stated),
        gaps.stream()
            .map(
                gap ->
                    "Not confirmed by the requester, assumed: "
                        + gap.question().text()
                        + " "
                        + gap.recommendedLabel())
            .toList(),
        openQuestions(stated, gaps, feature),
        risks(request, stated),
        List.of("Access to the systems and data " + feature + " needs"),
        successMetrics(request, stated, outcomes),
        revisionNotes(request));
  }

  /**
   * Whom the first story is for: the people the feature is restricted to, else the first named,
   * else the answer.
   */
  private static String primary(AgentRequest request, StatedRequest stated) {
    if (!stated.restrictedTo().isEmpty()) {
      return capital(stated.restrictedTo().getFirst());
    }
    if (!stated.audiences().isEmpty()) {
      return capital(stated.audiences().getFirst());
    }
    return capital(answered(request, Aspect.WHO, "Its users (not stated in the request)"));
  }

  private static String problem(
      AgentRequest request, StatedRequest stated, String who, String feature) {
    List<String> said = stated.sentencesAbout(Topic.PROBLEM);
    String answer = OfflineProductManagerAgent.answer(request, Aspect.PROBLEM);
    String problem =
        !said.isEmpty()
            ? (said.size() == 1 && said.getFirst().length() < 40
                ? who + " ask for " + feature + ". The request says: " + said.getFirst()
                : String.join(" ", said))
            : !answer.isBlank()
                ? who + " need " + feature + ". The requester names the problem: " + answer + "."
                : who
                    + " ask for "
                    + feature
                    + ". The request does not say what problem it solves (see the open questions).";
    return problem;
  }

  private static List<String> goals(
      StatedRequest stated, List<String> outcomes, AgentRequest request, String feature) {
    List<String> goals = new ArrayList<>();
    outcomes.stream().limit(1).map(OfflinePrdWriter::capital).forEach(goals::add);
    if (goals.isEmpty()) {
      goals.add(
          capital(
              answered(
                  request, Aspect.OUTCOME, "Deliver " + feature + " as the request describes")));
    }
    if (!stated.targets().isEmpty()) {
      goals.add(
          "Meet the stated targets: "
              + String.join(
                  "; ", stated.targets().stream().map(StatedRequest.Target::text).toList()));
    }
    if (!stated.restrictedTo().isEmpty()) {
      goals.add("Only " + String.join(" and ", stated.restrictedTo()) + " can use " + feature);
    }
    return goals.stream().limit(3).toList();
  }

  private static List<Persona> personas(AgentRequest request, StatedRequest stated) {
    List<Persona> personas = new ArrayList<>();
    for (String restricted : stated.restrictedTo()) {
      personas.add(
          new Persona(
              capital(restricted), "The only people allowed to use it, as the request says"));
    }
    for (String audience : stated.audiences()) {
      if (personas.stream().noneMatch(persona -> persona.name().equalsIgnoreCase(audience))) {
        personas.add(
            new Persona(
                capital(audience), "Named in the request: \"" + mention(stated, audience) + "\""));
      }
    }
    if (personas.isEmpty()) {
      String answer = OfflineProductManagerAgent.answer(request, Aspect.WHO);
      personas.add(
          answer.isBlank()
              ? new Persona(
                  "Its users (not stated in the request)",
                  "To be confirmed with " + request.requester())
              : new Persona(capital(answer), "As the requester answered"));
    }
    return personas;
  }

  private static List<String> outOfScope(StatedRequest stated) {
    List<String> out =
        new ArrayList<>(stated.exclusions().stream().map(OfflinePrdWriter::sentence).toList());
    out.add("Changes to workflows the request does not mention");
    return out;
  }

  private static List<String> openQuestions(
      StatedRequest stated, List<Aspect> gaps, String feature) {
    List<String> open = new ArrayList<>(gaps.stream().map(gap -> gap.question().text()).toList());
    List<Quantity.Dimension> given = stated.quantities().stream().map(Quantity::dimension).toList();
    if (!given.contains(Quantity.Dimension.TIME)) {
      open.add("How fast must " + feature + " be? The request gives no time, so none is assumed.");
    }
    if (!given.contains(Quantity.Dimension.COUNT)) {
      open.add(
          "How much must "
              + feature
              + " handle (people, records, requests)? The request gives no volume.");
    }
    return open;
  }

  private static List<Risk> risks(AgentRequest request, StatedRequest stated) {
    List<Risk> risks =
        new ArrayList<>(
            List.of(
                new Risk(
                    "The scope grows beyond what the request states",
                    "Hold every change against the goals above"),
                new Risk(
                    "The assumptions turn out wrong",
                    "Confirm them with " + request.requester() + " before building")));
    if (!stated.restrictedTo().isEmpty()) {
      risks.add(
          new Risk(
              "Someone other than " + String.join(" and ", stated.restrictedTo()) + " gets access",
              "Test access as each role, including those refused"));
    }
    return risks;
  }

  private static List<SuccessMetric> successMetrics(
      AgentRequest request, StatedRequest stated, List<String> outcomes) {
    List<SuccessMetric> metrics = new ArrayList<>();
    for (StatedRequest.Target target : stated.targets()) {
      metrics.add(
          new SuccessMetric(
              capital(target.quantities().getFirst().dimension().metric())
                  + ": "
                  + sentence(target.sentence()),
              target.text()));
    }
    for (String outcome : outcomes.stream().limit(1).toList()) {
      metrics.add(
          new SuccessMetric(
              capital(outcome), "confirmed by " + request.requester() + " after release"));
    }
    if (metrics.isEmpty()) {
      metrics.add(
          new SuccessMetric(
              capital(answered(request, Aspect.MEASURE, "It does what the request describes")),
              "confirmed by " + request.requester() + " after release; no number is stated"));
    }
    return metrics;
  }

  private static String revisionNotes(AgentRequest request) {
    if (request.rejections().isEmpty()) {
      return null;
    }
    AgentRequest.Rejection last = request.rejections().getLast();
    return "Revision "
        + request.revision()
        + " answers the rejection of revision "
        + last.revision()
        + ": \""
        + last.reason()
        + "\". The last requirements state how.";
  }

  /** The requester's answer about the aspect, or the fallback. */
  static String answered(AgentRequest request, Aspect aspect, String fallback) {
    String answer = OfflineProductManagerAgent.answer(request, aspect);
    return answer.isBlank() ? fallback : answer;
  }

  /** The sentence of the request that names the audience. */
  private static String mention(StatedRequest stated, String audience) {
    String singular =
        audience.endsWith("s") ? audience.substring(0, audience.length() - 1) : audience;
    return stated.sentences().stream()
        .skip(1)
        .filter(
            s ->
                s.toLowerCase(java.util.Locale.ROOT)
                    .contains(singular.toLowerCase(java.util.Locale.ROOT)))
        .findFirst()
        .map(OfflinePrdWriter::sentence)
        .orElse(stated.title());
  }

  private static String storyPriority(Priority priority) {
    return switch (priority) {
      case CRITICAL, HIGH -> "P0";
      case MEDIUM -> "P1";
      case LOW -> "P2";
    };
  }

  private static String feature(String title) {
    String trimmed = title.strip();
    return trimmed.isEmpty() ? "the feature" : lower(trimmed);
  }

  static String sentence(String text) {
    return text.replaceFirst("[.;!]+$", "").strip();
  }

  static String lower(String text) {
    if (text.isEmpty() || text.length() > 1 && Character.isUpperCase(text.charAt(1))) {
      return text; // "CSV export", "HR": an acronym keeps its case
    }
    return Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  static String capital(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
