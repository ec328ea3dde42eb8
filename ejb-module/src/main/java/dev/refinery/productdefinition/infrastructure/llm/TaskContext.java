package dev.refinery.productdefinition.infrastructure.llm;

import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.PrdDocuments;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import java.io.StringReader;

/**
 * The task as the model reads it: one JSON document with the request, the clarification rounds and
 * answers, how many rounds remain, and on a revision the rejections and the previous PRD. Data, not
 * prose, so the prompt's policy and the task's facts stay apart.
 */
final class TaskContext {

  private final PrdDocuments documents;

  TaskContext(PrdDocuments documents) {
    this.documents = documents;
  }

  String json(AgentRequest request) {
    JsonArrayBuilder clarifications = Json.createArrayBuilder();
    request
        .clarifications()
        .forEach(
            asked ->
                clarifications.add(
                    Json.createObjectBuilder()
                        .add("round", asked.round())
                        .add("questionId", asked.questionId())
                        .add("question", asked.question())
                        .add("answer", asked.answer() == null ? "" : asked.answer())));
    JsonArrayBuilder rejections = Json.createArrayBuilder();
    request
        .rejections()
        .forEach(
            rejection ->
                rejections.add(
                    Json.createObjectBuilder()
                        .add("revision", rejection.revision())
                        .add("reason", rejection.reason())));
    JsonObjectBuilder context =
        Json.createObjectBuilder()
            .add(
                "task",
                Json.createObjectBuilder()
                    .add("id", request.taskId())
                    .add("title", request.title())
                    .add("description", request.description() == null ? "" : request.description())
                    .add("requester", request.requester())
                    .add("priority", request.priority().name()))
            .add(
                "clarificationRounds",
                Json.createObjectBuilder()
                    .add("asked", request.round())
                    .add("max", request.maxRounds())
                    .add("mustWritePrd", request.mustWritePrd()))
            .add("clarifications", clarifications)
            .add("prdRevisionToWrite", request.revision())
            .add("rejections", rejections);
    if (request.previous() != null) {
      context.add(
          "previousPrd",
          Json.createReader(new StringReader(documents.json(request.previous()))).readObject());
    }
    return context.build().toString();
  }
}
