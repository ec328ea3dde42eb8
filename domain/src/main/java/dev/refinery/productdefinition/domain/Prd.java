package dev.refinery.productdefinition.domain;

import java.util.List;

/**
 * A product requirements document, as validated against {@code productdefinition/prd.schema.json}:
 * the request verbatim and what clarified it, the problem, at most three goals, personas, user
 * stories with Given/When/Then acceptance criteria, EARS requirements ("WHEN … THE SYSTEM SHALL
 * …"), measurable non-functional requirements, scope limits, assumptions (the gaps nobody
 * answered), open questions, risks and dependencies, success metrics; a revision says how it
 * answers the rejection before it.
 */
public record Prd(
    String title,
    String originalRequest,
    List<ClarificationEntry> clarifications,
    String problemStatement,
    List<String> goals,
    List<Persona> personas,
    List<UserStory> userStories,
    List<Requirement> requirements,
    List<NonFunctionalRequirement> nonFunctionalRequirements,
    List<String> outOfScope,
    List<String> assumptions,
    List<String> openQuestions,
    List<Risk> risks,
    List<String> dependencies,
    List<SuccessMetric> successMetrics,
    String revisionNotes) {

  public record ClarificationEntry(int round, String question, String answer) {}

  public record Persona(String name, String description) {}

  public record UserStory(
      String id,
      String asA,
      String iWant,
      String soThat,
      String priority,
      List<AcceptanceCriterion> acceptanceCriteria) {}

  public record AcceptanceCriterion(String given, String when, String then) {}

  public record Requirement(String id, String text, String priority) {}

  public record NonFunctionalRequirement(
      String id, String category, String requirement, String metric, String target) {}

  public record Risk(String risk, String mitigation) {}

  public record SuccessMetric(String metric, String target) {}
}
