package dev.refinery.productdefinition.infrastructure.llm;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.reading.Quantity;
import dev.refinery.productdefinition.domain.reading.ReplyChecks;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
import dev.refinery.productdefinition.domain.reading.Topic;
import dev.refinery.productdefinition.infrastructure.llm.AgentReplies.Reply;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The checks {@code ./refinery eval agent} scores, applied to a model's reply before it is taken:
 * the values the request, the answers and the approvers' rejection reasons state are kept, and no
 * question asks about a topic the request or an answer already covers.
 */
final class Discipline {

  /**
   * What is wrong with the reply, in words for the re-prompt; empty when nothing is (or it is
   * unusable anyway).
   */
  List<String> problems(AgentRequest request, Reply reply) {
    StatedRequest stated = StatedRequest.read(request.title(), request.description());
    List<Quantity> values = new ArrayList<>(stated.quantities());
    Set<Topic> covered = EnumSet.noneOf(Topic.class);
    covered.addAll(stated.topics());
    for (AgentRequest.Clarification answered : request.clarifications()) {
      if (answered.answer() != null && !answered.answer().isBlank()) {
        values.addAll(StatedRequest.read("", answered.answer()).quantities());
        Topic.of(answered.questionId(), answered.question()).ifPresent(covered::add);
      }
    }
    request
        .rejections()
        .forEach(
            rejection -> values.addAll(StatedRequest.read("", rejection.reason()).quantities()));
    return switch (reply) {
      case Reply.Document document ->
          ReplyChecks.problems(values, covered, document.prd(), List.of());
      case Reply.Questions questions ->
          ReplyChecks.problems(values, covered, null, questions.questions());
      case Reply.Unusable unusable -> List.of();
    };
  }
}
