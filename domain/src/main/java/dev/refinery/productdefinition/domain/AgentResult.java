package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.Question;
import java.util.List;

/** What an agent run produced, and what it cost. */
public sealed interface AgentResult permits AgentResult.Clarify, AgentResult.WritePrd {

  AgentRun run();

  /** Questions for the requester: at most three, each with 2 to 5 options and a recommendation. */
  record Clarify(List<Question> questions, AgentRun run) implements AgentResult {}

  /** The PRD, valid against the schema. */
  record WritePrd(Prd prd, AgentRun run) implements AgentResult {}
}
