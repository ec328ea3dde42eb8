package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.Question;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * This context's copy of the questions an agent asked and the answers given. Implemented in the EJB
 * module.
 */
public interface Clarifications {

  /** Keeps a round's questions; a round kept already is left as it is. */
  void asked(UUID task, int round, List<Question> questions);

  Optional<Question> question(UUID task, int round, String questionId);

  void answered(UUID task, int round, String questionId, String answer);

  /** Every round's questions and answers so far, in order, as the agent is told them. */
  List<AgentRequest.Clarification> of(UUID task);
}
