package dev.refinery.productdefinition.infrastructure.agent;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.Prd.AcceptanceCriterion;
import dev.refinery.productdefinition.domain.Prd.NonFunctionalRequirement;
import dev.refinery.productdefinition.domain.Prd.Requirement;
import dev.refinery.productdefinition.domain.reading.Quantity;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
import java.util.ArrayList;
import java.util.List;

/**
 * What the offline agent's PRD requires, from what the request states: acceptance criteria for its
 * targets, lists and restrictions; functional requirements in EARS form ("WHEN ... THE SYSTEM SHALL
 * ...") from its obligations, lists, access restrictions, standards and earlier rejections;
 * non-functional requirements with exactly its targets and standards, numbered in that order.
 */
final class OfflineRequirements {

  private OfflineRequirements() {}

  static List<AcceptanceCriterion> criteria(
      AgentRequest request, StatedRequest stated, String who, String feature) {
    List<AcceptanceCriterion> criteria = new ArrayList<>();
    for (StatedRequest.Target target : stated.targets()) {
      criteria.add(
          new AcceptanceCriterion(
              "the conditions the request states",
              OfflinePrdWriter.lower(who) + " use " + feature,
              "it holds: " + target.text()));
    }
    for (StatedRequest.Enumeration list : stated.enumerations()) {
      criteria.add(
          new AcceptanceCriterion(
              feature + " in use",
              "a person looks at what it gives",
              "it has each of: " + String.join(", ", list.items())));
    }
    for (String restricted : stated.restrictedTo()) {
      criteria.add(
          new AcceptanceCriterion(
              "a person who is not one of the " + restricted,
              "they try to use " + feature,
              "they are refused and see nothing of it"));
    }
    if (criteria.isEmpty()) {
      criteria.add(
          new AcceptanceCriterion(
              OfflinePrdWriter.lower(who) + " can use " + feature,
              "they use it as the request describes",
              OfflinePrdWriter.lower(
                  OfflinePrdWriter.answered(
                      request, Aspect.MEASURE, "it does what the request describes"))));
    }
    criteria.add(
        new AcceptanceCriterion(
            "something goes wrong", "they use " + feature, "they see why and lose nothing"));
    return criteria;
  }

  /**
   * @param thing the feature as a thing to have, or null when the title says what to do ({@code
   *     todo})
   */
  static List<Requirement> functional(
      AgentRequest request,
      StatedRequest stated,
      String who,
      String thing,
      String todo,
      String priority) {
    List<Requirement> requirements = new ArrayList<>();
    requirements.add(
        new Requirement(
            "",
            thing == null
                ? "WHEN "
                    + OfflinePrdWriter.lower(who)
                    + " ask to "
                    + todo
                    + " THE SYSTEM SHALL let them "
                    + todo
                    + " as the request describes"
                : "WHEN "
                    + OfflinePrdWriter.lower(who)
                    + " ask for "
                    + thing
                    + " THE SYSTEM SHALL provide "
                    + thing
                    + " as the request describes",
            priority));
    String feature = thing == null ? "the feature" : thing;
    for (String obligation : stated.obligations()) {
      requirements.add(
          new Requirement(
              "",
              "WHEN " + feature + " is used THE SYSTEM SHALL " + Ears.response(obligation, stated),
              priority));
    }
    for (StatedRequest.Enumeration list : stated.enumerations()) {
      requirements.add(
          new Requirement(
              "",
              "WHEN "
                  + feature
                  + " is used THE SYSTEM SHALL cover each item the request lists ("
                  + list.lead()
                  + " ...): "
                  + String.join(", ", list.items()),
              priority));
    }
    for (String restricted : stated.restrictedTo()) {
      requirements.add(
          new Requirement(
              "",
              "WHEN a person who is not one of the "
                  + restricted
                  + " asks for "
                  + feature
                  + " THE SYSTEM SHALL refuse: only "
                  + restricted
                  + " may use it",
              "P0"));
    }
    for (String standard : stated.standards()) {
      requirements.add(
          new Requirement(
              "",
              "WHEN " + feature + " is built and run THE SYSTEM SHALL comply with " + standard,
              "P0"));
    }
    requirements.add(
        new Requirement(
            "",
            "WHEN "
                + feature
                + " cannot be completed THE SYSTEM SHALL tell the person why and keep"
                + " what they entered",
            "P1"));
    for (AgentRequest.Rejection rejection : request.rejections()) {
      requirements.add(
          new Requirement(
              "",
              "WHEN revision "
                  + rejection.revision()
                  + " was rejected for \""
                  + rejection.reason()
                  + "\" THE SYSTEM SHALL meet that concern in "
                  + feature,
              "P0"));
    }
    List<Requirement> numbered = new ArrayList<>();
    for (Requirement requirement : requirements) {
      numbered.add(
          new Requirement(
              "REQ-" + (numbered.size() + 1), requirement.text(), requirement.priority()));
    }
    return numbered;
  }

  static List<NonFunctionalRequirement> nonFunctional(StatedRequest stated, String feature) {
    List<NonFunctionalRequirement> nfrs = new ArrayList<>();
    for (StatedRequest.Target target : stated.targets()) {
      Quantity.Dimension dimension =
          target.quantities().stream()
              .map(Quantity::dimension)
              .filter(d -> d == Quantity.Dimension.TIME)
              .findFirst()
              .orElse(target.quantities().getFirst().dimension());
      nfrs.add(
          new NonFunctionalRequirement(
              "",
              dimension.category(),
              OfflinePrdWriter.sentence(target.sentence()),
              dimension.metric(),
              target.text()));
    }
    for (String standard : stated.standards()) {
      nfrs.add(
          new NonFunctionalRequirement(
              "",
              "Compliance",
              feature + " conforms to " + standard,
              "open findings of a " + standard + " review",
              "none at release"));
    }
    if (nfrs.isEmpty()) {
      nfrs.add(
          new NonFunctionalRequirement(
              "",
              "Performance",
              feature + " responds fast enough for the people who use it",
              "response time",
              "not stated in the request: to be agreed (see the open questions)"));
    }
    List<NonFunctionalRequirement> numbered = new ArrayList<>();
    for (NonFunctionalRequirement nfr : nfrs) {
      numbered.add(
          new NonFunctionalRequirement(
              "NFR-" + (numbered.size() + 1),
              nfr.category(),
              nfr.requirement(),
              nfr.metric(),
              nfr.target()));
    }
    return numbered;
  }
}
