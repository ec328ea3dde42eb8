package dev.refinery.productdefinition.infrastructure.persistence;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.Clarifications;
import dev.refinery.taskmanagement.api.Question;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Questions and answers in {@code productdefinition.clarification}, each question kept as JSON. */
@ApplicationScoped
public class JpaClarifications implements Clarifications {

  private static final Jsonb JSONB = JsonbBuilder.create();

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public void asked(UUID task, int round, List<Question> questions) {
    for (Question question : questions) {
      entityManager
          .createNativeQuery(
              "INSERT INTO productdefinition.clarification (task_id, round, question_id,"
                  + " question) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING")
          .setParameter(1, task)
          .setParameter(2, round)
          .setParameter(3, question.id())
          .setParameter(4, JSONB.toJson(question))
          .executeUpdate();
    }
  }

  @Override
  @SuppressWarnings("unchecked")
  public Optional<Question> question(UUID task, int round, String questionId) {
    List<String> questions =
        entityManager
            .createNativeQuery(
                "SELECT question FROM productdefinition.clarification"
                    + " WHERE task_id = ? AND round = ? AND question_id = ?")
            .setParameter(1, task)
            .setParameter(2, round)
            .setParameter(3, questionId)
            .getResultList();
    return questions.stream().findFirst().map(json -> JSONB.fromJson(json, Question.class));
  }

  @Override
  public void answered(UUID task, int round, String questionId, String answer) {
    entityManager
        .createNativeQuery(
            "UPDATE productdefinition.clarification SET answer = ? WHERE task_id = ?"
                + " AND round = ? AND question_id = ?")
        .setParameter(1, answer)
        .setParameter(2, task)
        .setParameter(3, round)
        .setParameter(4, questionId)
        .executeUpdate();
  }

  @Override
  @SuppressWarnings("unchecked")
  public List<AgentRequest.Clarification> of(UUID task) {
    List<Object[]> rows =
        entityManager
            .createNativeQuery(
                "SELECT round, question_id, question, answer FROM productdefinition.clarification"
                    + " WHERE task_id = ? ORDER BY round, question_id")
            .setParameter(1, task)
            .getResultList();
    return rows.stream()
        .map(
            row ->
                new AgentRequest.Clarification(
                    ((Number) row[0]).intValue(),
                    (String) row[1],
                    JSONB.fromJson((String) row[2], Question.class).text(),
                    (String) row[3]))
        .toList();
  }
}
