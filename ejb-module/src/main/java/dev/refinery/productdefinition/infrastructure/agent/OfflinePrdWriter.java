package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.Prd.AcceptanceCriterion;
import dev.refinery.productdefinition.domain.Prd.NonFunctionalRequirement;
import dev.refinery.productdefinition.domain.Prd.Persona;
import dev.refinery.productdefinition.domain.Prd.Requirement;
import dev.refinery.productdefinition.domain.Prd.Risk;
import dev.refinery.productdefinition.domain.Prd.SuccessMetric;
import dev.refinery.productdefinition.domain.Prd.UserStory;
import dev.refinery.taskmanagement.api.Priority;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Writes the offline agent's PRD from the request, the answers, and the gaps it records as assumptions. */
final class OfflinePrdWriter {

  Prd write(AgentRequest request, List<Aspect> gaps) {
    String feature = feature(request.title());
    String persona = said(request, Aspect.WHO, "End users of the product");
    String problem = said(request, Aspect.PROBLEM, "A capability people ask for is missing");
    String outcome = said(request, Aspect.OUTCOME, "Save time on a recurring task");
    String done = said(request, Aspect.ACCEPTANCE, "A person can complete the flow end to end");
    String priority = storyPriority(request.priority());

    List<Requirement> requirements = new ArrayList<>(List.of(
        new Requirement("REQ-1", "WHEN " + lower(persona) + " ask for " + feature + " THE SYSTEM SHALL provide " + feature
            + " as described in the request", priority),
        new Requirement("REQ-2", "WHEN " + feature + " cannot be completed THE SYSTEM SHALL tell the person why and keep"
            + " what they entered", "P1"),
        new Requirement("REQ-3", "WHEN " + feature + " is used THE SYSTEM SHALL record who did it and when", "P2")));
    int next = requirements.size() + 1;
    for (AgentRequest.Rejection rejection : request.rejections()) {
      requirements.add(new Requirement("REQ-" + next++, "WHEN revision " + rejection.revision()
          + " was rejected for \"" + rejection.reason() + "\" THE SYSTEM SHALL meet that concern in " + feature, "P0"));
    }

    return new Prd(
        request.title(),
        request.title() + "\n\n" + request.description(),
        request.clarifications().stream()
            .map(c -> new Prd.ClarificationEntry(c.round(), c.question(), c.answer() == null ? "" : c.answer()))
            .toList(),
        persona + " need " + feature + ". " + problem + ". " + firstSentence(request.description()),
        goals(feature, persona, outcome),
        List.of(new Persona(persona, "The people who asked for " + feature + " (requested by " + request.requester() + ")")),
        List.of(new UserStory("US-1", persona, feature, lower(outcome), priority, List.of(
                new AcceptanceCriterion(persona + " can use " + feature, "they use it as the request describes",
                    done.toLowerCase(Locale.ROOT)),
                new AcceptanceCriterion("something goes wrong", "they use " + feature, "they see why and lose nothing"))),
            new UserStory("US-2", "Operators", "to see who used " + feature + " and when", "problems can be traced",
                "P2", List.of(new AcceptanceCriterion(feature + " was used", "an operator looks at the record",
                    "it shows who and when")))),
        requirements,
        List.of(
            new NonFunctionalRequirement("NFR-1", "Performance", feature + " answers quickly under normal load",
                "95th percentile response time", "at most 2 seconds"),
            new NonFunctionalRequirement("NFR-2", "Reliability", "no request is lost when a part fails",
                "requests lost per month", "0"),
            new NonFunctionalRequirement("NFR-3", "Security", "only people allowed to use " + feature + " can use it",
                "unauthorized uses found in review", "0")),
        List.of("Anything " + feature + " does not need", "Changes to unrelated workflows"),
        gaps.stream().map(gap -> "Not confirmed by the requester, assumed: " + gap.question().text() + " "
            + said(request, gap, gap.question().options().stream()
                .filter(option -> option.id().equals(gap.question().recommended()))
                .findFirst().orElseThrow().label())).toList(),
        gaps.stream().map(gap -> gap.question().text()).toList(),
        List.of(new Risk("The scope grows beyond the stated problem", "Hold every change against the goals above"),
            new Risk("The assumptions turn out wrong", "Confirm them with " + request.requester() + " before building")),
        List.of("Access to the systems and data " + feature + " needs"),
        List.of(new SuccessMetric(outcome, "measurably better within a month of release"),
            new SuccessMetric("Adoption by " + lower(persona), "most of them use it within a month")),
        revisionNotes(request));
  }

  private static String revisionNotes(AgentRequest request) {
    if (request.rejections().isEmpty()) {
      return null;
    }
    AgentRequest.Rejection last = request.rejections().getLast();
    return "Revision " + request.revision() + " answers the rejection of revision " + last.revision() + ": \""
        + last.reason() + "\". Requirements REQ-4 onwards state how.";
  }

  private static List<String> goals(String feature, String persona, String outcome) {
    return List.of(outcome, "Give " + lower(persona) + " " + feature, "Keep " + feature + " reliable and traceable");
  }

  /** What the request or an answer says about the aspect, or the fallback. */
  private static String said(AgentRequest request, Aspect aspect, String fallback) {
    String answer = OfflineProductManagerAgent.answer(request, aspect);
    return answer.isBlank() ? fallback : answer;
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
    return trimmed.isEmpty() ? "the feature" : Character.toLowerCase(trimmed.charAt(0)) + trimmed.substring(1);
  }

  private static String lower(String text) {
    return text.isEmpty() ? text : Character.toLowerCase(text.charAt(0)) + text.substring(1);
  }

  private static String firstSentence(String description) {
    String text = description == null ? "" : description.strip();
    if (text.isEmpty()) {
      return "The request gives no more detail.";
    }
    int end = text.indexOf(". ");
    String sentence = end > 0 ? text.substring(0, end + 1) : text;
    return "The request says: " + (sentence.length() > 300 ? sentence.substring(0, 300) + "…" : sentence);
  }
}
