/**
 * The LLM-backed Product Manager agent on LangChain4j: OpenAI-compatible servers and Ollama,
 * structured JSON replies checked against the agent reply schema with one re-prompt, versioned
 * prompts, Fault Tolerance on the model call, failures classified for the workflow's retries, and
 * cost accounting.
 */
package dev.refinery.productdefinition.infrastructure.llm;
