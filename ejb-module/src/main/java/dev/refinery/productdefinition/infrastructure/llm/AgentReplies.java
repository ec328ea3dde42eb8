package dev.refinery.productdefinition.infrastructure.llm;

import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.Prd;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.shared.infrastructure.resources.ClasspathResources;
import dev.refinery.taskmanagement.api.Question;
import jakarta.json.Json;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonReader;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.io.StringReader;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The shape of the model's reply ({@code productdefinition/agent-reply.schema.json} with the PRD
 * schema inside it), and reading a reply: parsed, checked against the schema and against what the
 * schema cannot say (the recommendation is one of the options, no round past the last).
 */
final class AgentReplies {

  /** A reply read: questions, a PRD, or why it cannot be used. */
  sealed interface Reply {
    record Questions(List<Question> questions) implements Reply {}

    record Document(Prd prd) implements Reply {}

    record Unusable(List<String> problems) implements Reply {}
  }

  private static final String RESOURCE = "productdefinition/agent-reply.schema.json";
  private static final Jsonb JSONB = JsonbBuilder.create();
  private static final Type QUESTIONS =
      new ArrayList<Question>() {}.getClass().getGenericSuperclass();

  private final String schemaText;
  private final Schema schema;
  private final PrdDocuments documents;

  AgentReplies(PrdDocuments documents) {
    this.documents = documents;
    this.schemaText = compose(ClasspathResources.text(RESOURCE), documents.schema());
    this.schema =
        SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12)
            .getSchema(schemaText, InputFormat.JSON);
  }

  /** The whole reply schema, PRD included: what the model is asked to answer in. */
  String schema() {
    return schemaText;
  }

  Reply read(String text, AgentRequest request) {
    String json = withoutCodeFence(text == null ? "" : text.strip());
    JsonObject reply;
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      reply = reader.readObject();
    } catch (JsonException | IllegalStateException e) {
      return new Reply.Unusable(List.of("the reply is not a JSON object: " + e.getMessage()));
    }
    List<String> problems =
        new ArrayList<>(
            schema.validate(json, InputFormat.JSON).stream()
                .map(error -> error.getInstanceLocation() + ": " + error.getMessage())
                .toList());
    if (!problems.isEmpty()) {
      return new Reply.Unusable(problems);
    }
    if ("PRD".equals(reply.getString("outcome"))) {
      return reply.containsKey("prd")
          ? new Reply.Document(documents.prd(reply.getJsonObject("prd").toString()))
          : new Reply.Unusable(List.of("/prd: an outcome of PRD needs the prd"));
    }
    if (!reply.containsKey("questions")) {
      return new Reply.Unusable(List.of("/questions: an outcome of CLARIFY needs the questions"));
    }
    if (request.mustWritePrd()) {
      return new Reply.Unusable(
          List.of(
              "/outcome: the clarification rounds are used up ("
                  + request.round()
                  + " of "
                  + request.maxRounds()
                  + "); write the PRD and record what is still open as assumptions"));
    }
    List<Question> questions =
        JSONB.fromJson(reply.getJsonArray("questions").toString(), QUESTIONS);
    problems.addAll(questionProblems(questions));
    return problems.isEmpty() ? new Reply.Questions(questions) : new Reply.Unusable(problems);
  }

  private static List<String> questionProblems(List<Question> questions) {
    List<String> problems = new ArrayList<>();
    Set<String> ids = new HashSet<>();
    for (int i = 0; i < questions.size(); i++) {
      Question question = questions.get(i);
      String where = "/questions/" + i;
      if (!ids.add(question.id())) {
        problems.add(where + ": the question id is used twice");
      }
      int options = question.options() == null ? 0 : question.options().size();
      if (options == 1) {
        problems.add(where + ": give 2 to 5 options, or none for a free answer");
      }
      if (options > 0
          && question.options().stream()
              .noneMatch(option -> option.id().equals(question.recommended()))) {
        problems.add(where + ": recommended must be the id of one of its options");
      }
    }
    return problems;
  }

  private static String withoutCodeFence(String text) {
    if (text.startsWith("```") && text.endsWith("```") && text.length() > 6) {
      String inner = text.substring(3, text.length() - 3);
      return inner.startsWith("json") ? inner.substring(4).strip() : inner.strip();
    }
    return text;
  }

  /**
   * The reply schema with the PRD schema (minus its own identifiers) as the schema of {@code prd}.
   */
  private static String compose(String reply, String prd) {
    JsonObject prdSchema = parse(prd);
    JsonObject replySchema = parse(reply);
    var inner = Json.createObjectBuilder(prdSchema).remove("$schema").remove("$id").build();
    var properties =
        Json.createObjectBuilder(replySchema.getJsonObject("properties")).add("prd", inner).build();
    return Json.createObjectBuilder(replySchema).add("properties", properties).build().toString();
  }

  private static JsonObject parse(String json) {
    try (JsonReader reader = Json.createReader(new StringReader(json))) {
      return reader.readObject();
    }
  }
}
