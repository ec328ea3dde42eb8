package dev.refinery.productdefinition.domain.reading;

import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.taskmanagement.api.Question;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The discipline an agent's reply is held to, whoever wrote it: a PRD keeps every value the request
 * (or an answer, or an approver's rejection) states, and invents none; a question asks only about
 * what the request does not state. The LLM agent re-prompts on these problems; {@code ./refinery
 * eval agent} counts them.
 */
public final class ReplyChecks {

  /** A number the PRD writes where the request states another for the same thing. */
  public record Contradiction(String stated, String written) {
    @Override
    public String toString() {
      return "the PRD says \"" + written + "\" where the request says \"" + stated + "\"";
    }
  }

  private ReplyChecks() {}

  /**
   * The numbers the PRD writes that differ from what the request states for the same kind of thing.
   */
  public static List<Contradiction> contradictions(Collection<Quantity> stated, Prd prd) {
    List<Contradiction> found = new ArrayList<>();
    for (Quantity written : written(prd)) {
      if (written.dimension() == Quantity.Dimension.DATE) {
        continue;
      }
      List<Quantity> comparable = stated.stream().filter(written::comparableTo).toList();
      if (!comparable.isEmpty() && comparable.stream().noneMatch(written::sameAs)) {
        Contradiction contradiction =
            new Contradiction(comparable.getFirst().text(), written.text());
        if (!found.contains(contradiction)) {
          found.add(contradiction);
        }
      }
    }
    return List.copyOf(found);
  }

  /** The numbers the PRD writes for things the request gives no number for. */
  public static List<Quantity> invented(Collection<Quantity> stated, Prd prd) {
    return written(prd).stream()
        .filter(written -> stated.stream().noneMatch(written::comparableTo))
        .distinct()
        .toList();
  }

  /** The questions that ask about a topic the request (or an earlier answer) already covers. */
  public static List<Question> redundant(Set<Topic> covered, List<Question> questions) {
    return questions.stream()
        .filter(
            question ->
                Topic.of(question.id(), question.text()).filter(covered::contains).isPresent())
        .toList();
  }

  /** The problems above in words a model can act on; empty when the reply keeps the discipline. */
  public static List<String> problems(
      Collection<Quantity> stated, Set<Topic> covered, Prd prd, List<Question> questions) {
    List<String> problems = new ArrayList<>();
    if (prd != null) {
      contradictions(stated, prd).forEach(c -> problems.add(c + ": keep the stated value"));
    }
    for (Question question : redundant(covered, questions)) {
      problems.add(
          "the question \""
              + question.text()
              + "\" asks about the "
              + Topic.of(question.id(), question.text()).orElseThrow().id()
              + ", which the request already states: do not ask it");
    }
    return List.copyOf(problems);
  }

  /**
   * The quantities in the PRD's own text (not the request it quotes, nor the questions and
   * answers).
   */
  static List<Quantity> written(Prd prd) {
    Stream<String> texts =
        Stream.of(
                Stream.of(prd.problemStatement()),
                prd.goals().stream(),
                prd.personas().stream().flatMap(p -> Stream.of(p.name(), p.description())),
                prd.userStories().stream()
                    .flatMap(
                        s ->
                            Stream.concat(
                                Stream.of(s.asA(), s.iWant(), s.soThat()),
                                s.acceptanceCriteria().stream()
                                    .flatMap(c -> Stream.of(c.given(), c.when(), c.then())))),
                prd.requirements().stream().map(Prd.Requirement::text),
                prd.nonFunctionalRequirements().stream()
                    .flatMap(n -> Stream.of(n.requirement(), n.metric(), n.target())),
                prd.successMetrics().stream().flatMap(m -> Stream.of(m.metric(), m.target())))
            .flatMap(s -> s);
    return texts
        .filter(text -> text != null && !text.isBlank())
        .flatMap(text -> Quantities.in(text).stream())
        .flatMap(target -> target.quantities().stream())
        .toList();
  }
}
