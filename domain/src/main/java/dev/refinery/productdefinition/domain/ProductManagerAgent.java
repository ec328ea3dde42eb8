package dev.refinery.productdefinition.domain;

/**
 * The product manager: given a request and what is known about it, either asks the requester up to
 * three questions, or writes the PRD. Implementations: the built-in offline agent, and an
 * LLM-backed one.
 */
public interface ProductManagerAgent {

  /** How runs and failures name this agent. */
  String name();

  /**
   * @throws AgentException when the agent could not do the work; {@link AgentException#retryable()}
   *     says whether another attempt may succeed
   */
  AgentResult work(AgentRequest request) throws AgentException;
}
