package dev.refinery.productdefinition.eval;

import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.productdefinition.domain.reading.Quantity;
import dev.refinery.productdefinition.domain.reading.ReplyChecks;
import dev.refinery.productdefinition.domain.reading.StatedRequest;
import dev.refinery.taskmanagement.api.Question;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

/**
 * What one request's run scored: every count the evaluation prints, and what was missed, for the
 * table.
 */
final class Score {

  final EvalCase request;
  int rounds;
  int questions;
  final List<String> redundant = new ArrayList<>();
  final List<String> missedFacts = new ArrayList<>();
  final List<String> contradictions = new ArrayList<>();
  final List<String> invented = new ArrayList<>();
  boolean prdWritten;
  boolean valid;
  String failure;
  int calls;
  int tokensIn;
  int tokensOut;
  long latencyMillis;
  double costUsd;

  Score(EvalCase request) {
    this.request = request;
  }

  /** A round of questions: which of them ask about what the request states. */
  void asked(List<Question> asked) {
    rounds++;
    questions += asked.size();
    ReplyChecks.redundant(request.stated(), asked)
        .forEach(question -> redundant.add(question.id() + ": " + question.text()));
  }

  /** The PRD: schema, facts kept, values contradicted, numbers invented. */
  void wrote(Prd prd, PrdDocuments documents) {
    prdWritten = true;
    valid = documents.problems(documents.json(prd)).isEmpty();
    String text = ownText(prd).toLowerCase(Locale.ROOT);
    for (String fact : request.facts()) {
      if (Stream.of(fact.split("\\|"))
          .noneMatch(alternative -> text.contains(alternative.toLowerCase(Locale.ROOT)))) {
        missedFacts.add(fact);
      }
    }
    List<Quantity> values = request.quantities();
    ReplyChecks.contradictions(values, prd).forEach(c -> contradictions.add(c.toString()));
    List<Quantity> stated =
        new ArrayList<>(values); // a number the request gives is not invented, listed or not
    stated.addAll(StatedRequest.read(request.title(), request.description()).quantities());
    ReplyChecks.invented(stated, prd).forEach(q -> invented.add(q.text()));
  }

  int factsKept() {
    return request.facts().size() - missedFacts.size();
  }

  /**
   * The PRD's own words: everything but the request it quotes and the questions and answers it
   * lists.
   */
  static String ownText(Prd prd) {
    List<String> parts = new ArrayList<>();
    parts.add(prd.problemStatement());
    parts.addAll(prd.goals());
    prd.personas().forEach(p -> parts.addAll(List.of(p.name(), p.description())));
    prd.userStories()
        .forEach(
            s -> {
              parts.addAll(List.of(s.asA(), s.iWant(), s.soThat()));
              s.acceptanceCriteria()
                  .forEach(c -> parts.addAll(List.of(c.given(), c.when(), c.then())));
            });
    prd.requirements().forEach(r -> parts.add(r.text()));
    prd.nonFunctionalRequirements()
        .forEach(n -> parts.addAll(List.of(n.category(), n.requirement(), n.metric(), n.target())));
    parts.addAll(prd.outOfScope());
    parts.addAll(prd.assumptions());
    parts.addAll(prd.openQuestions());
    prd.risks().forEach(r -> parts.addAll(List.of(r.risk(), r.mitigation())));
    parts.addAll(prd.dependencies());
    prd.successMetrics().forEach(m -> parts.addAll(List.of(m.metric(), m.target())));
    return String.join("\n", parts.stream().filter(part -> part != null).toList());
  }
}
