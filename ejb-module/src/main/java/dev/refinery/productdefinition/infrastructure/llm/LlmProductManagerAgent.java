package dev.refinery.productdefinition.infrastructure.llm;

import dev.langchain4j.data.message.ChatMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.chat.request.ResponseFormatType;
import dev.langchain4j.model.chat.request.json.JsonRawSchema;
import dev.langchain4j.model.chat.request.json.JsonSchema;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.FinishReason;
import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.PrdDocuments;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.llm.AgentReplies.Reply;
import dev.refinery.shared.logging.LogText;
import java.lang.System.Logger.Level;
import java.util.ArrayList;
import java.util.List;

/**
 * The Product Manager as a language model: the versioned prompt and the task's context as JSON go
 * to the model, which must answer in the agent reply schema (enforced by the server where it
 * supports JSON schema). A reply that does not fit gets exactly one re-prompt quoting what was
 * wrong; a second misfit fails the run for good. A reply that fits but breaks the discipline
 * ({@link ReplyChecks}: a value the request states contradicted, a question about what it states)
 * gets that one re-prompt too; if the answer to it is no better, the better of the two replies is
 * taken and the problems are logged. Every run reports model, prompt version, tokens, latency and
 * cost.
 */
public final class LlmProductManagerAgent implements ProductManagerAgent {

  private static final System.Logger LOG = System.getLogger(LlmProductManagerAgent.class.getName());

  private final LlmSettings settings;
  private final ChatModel model;
  private final ModelCalls calls;
  private final Prompt prompt;
  private final AgentReplies replies;
  private final TaskContext context;
  private final ResponseFormat format;
  private final Discipline discipline = new Discipline();

  public LlmProductManagerAgent(LlmSettings settings, ModelCalls calls, PrdDocuments documents) {
    this.settings = settings;
    this.model = ChatModels.create(settings);
    this.calls = calls;
    this.prompt = Prompt.load(settings.prompt());
    this.replies = new AgentReplies(documents);
    this.context = new TaskContext(documents);
    this.format =
        settings.jsonSchema()
            ? ResponseFormat.builder()
                .type(ResponseFormatType.JSON)
                .jsonSchema(
                    JsonSchema.builder()
                        .name("agent_reply")
                        .rootElement(JsonRawSchema.from(replies.schema()))
                        .build())
                .build()
            : ResponseFormat.JSON;
  }

  @Override
  public String name() {
    return settings.provider();
  }

  @Override
  public AgentResult work(AgentRequest request) throws AgentException {
    List<ChatMessage> messages = new ArrayList<>();
    messages.add(
        SystemMessage.from(
            settings.jsonSchema()
                ? prompt.system()
                : prompt.system() + "\n\nThe JSON schema of your reply:\n" + replies.schema()));
    messages.add(UserMessage.from(context.json(request)));
    RunUsage usage = new RunUsage(settings, prompt.version());

    Reply reply = ask(messages, usage, request);
    if (reply instanceof Reply.Unusable unusable) {
      LOG.log(
          Level.WARNING,
          "The reply of {0} for task {1} did not fit ({2}); asking once more",
          settings.model(),
          request.taskId(),
          LogText.escaped(unusable.problems()));
      messages.add(UserMessage.from(prompt.reprompt(unusable.problems())));
      reply = ask(messages, usage, request);
      discipline
          .problems(request, reply)
          .forEach(
              problem ->
                  LOG.log(
                      Level.WARNING,
                      "The reply of {0} for task {1} breaks the discipline, no re-prompt left: {2}",
                      settings.model(),
                      request.taskId(),
                      LogText.escaped(problem)));
    } else {
      List<String> broken = discipline.problems(request, reply);
      if (!broken.isEmpty()) {
        LOG.log(
            Level.WARNING,
            "The reply of {0} for task {1} breaks the discipline ({2}); asking once more",
            settings.model(),
            request.taskId(),
            LogText.escaped(broken));
        messages.add(UserMessage.from(prompt.reprompt(broken)));
        Reply second = ask(messages, usage, request);
        List<String> still = discipline.problems(request, second);
        if (!(second instanceof Reply.Unusable) && still.size() <= broken.size()) {
          reply = second;
        }
        (reply == second ? still : broken)
            .forEach(
                problem ->
                    LOG.log(
                        Level.WARNING,
                        "The reply of {0} for task {1} is taken with a problem: {2}",
                        settings.model(),
                        request.taskId(),
                        LogText.escaped(problem)));
      }
    }
    LOG.log(
        Level.INFO, "{0} answered for task {1}: {2}", settings.model(), request.taskId(), usage);
    return switch (reply) {
      case Reply.Questions questions -> new AgentResult.Clarify(questions.questions(), usage.run());
      case Reply.Document document -> new AgentResult.WritePrd(document.prd(), usage.run());
      case Reply.Unusable unusable ->
          throw new AgentException(
              "the model's reply did not match the schema after one"
                  + " re-prompt: "
                  + String.join("; ", unusable.problems().stream().limit(5).toList()),
              false,
              null,
              usage.run());
    };
  }

  private Reply ask(List<ChatMessage> messages, RunUsage usage, AgentRequest request)
      throws AgentException {
    ChatRequest chat = ChatRequest.builder().messages(messages).responseFormat(format).build();
    long start = System.nanoTime();
    ChatResponse response;
    try {
      response = calls.chat(model, chat);
    } catch (RuntimeException e) {
      usage.failedCall(start);
      throw ModelFailures.classify(e, settings, usage.run());
    }
    usage.answered(response, start);
    if (response.finishReason() == FinishReason.CONTENT_FILTER) {
      throw new AgentException(
          "the model's content filter stopped the reply", false, null, usage.run());
    }
    messages.add(response.aiMessage());
    return replies.read(response.aiMessage().text(), request);
  }
}
