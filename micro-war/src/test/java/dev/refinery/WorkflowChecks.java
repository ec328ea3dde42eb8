package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.infrastructure.webhook.HttpWebhookEndpoint;
import dev.refinery.productdefinition.infrastructure.prd.PrdSchema;
import dev.refinery.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonObject;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;

/** The refinement workflow over the REST API, as a requester and an approver go through it. */
final class WorkflowChecks {

  /** The secret the container is started with (arquillian.xml). */
  private static final String WEBHOOK_SECRET = "it-webhook-secret";

  private final Api api;

  WorkflowChecks(Api api) {
    this.api = api;
  }

  void vagueRequestIsClarifiedThenRejectedRevisedAndApproved() {
    String task = api.submit("Make reporting better", "", "MEDIUM", "ana");

    JsonObject details = api.awaitStatus(task, "CLARIFICATION_NEEDED");
    JsonObject round = details.getJsonArray("clarifications").getJsonObject(0);
    JsonArray questions = round.getJsonArray("questions");
    assertThat(questions).isNotEmpty().hasSizeLessThanOrEqualTo(3);
    assertThat(inbox("ana", task, "CLARIFICATION 1")).containsExactly("CLARIFICATION 1");

    // The requester picks an option for the first question, takes the recommendations for the rest.
    JsonObject first = questions.getJsonObject(0);
    String option = first.getJsonArray("options").getJsonObject(1).getString("id");
    String answers =
        Json.createObjectBuilder()
            .add(
                "answers",
                Json.createArrayBuilder()
                    .add(
                        Json.createObjectBuilder()
                            .add("questionId", first.getString("id"))
                            .add("optionId", option)))
            .add("useRecommendations", true)
            .add("by", "ana")
            .build()
            .toString();
    assertThat(api.post("tasks/" + task + "/answers", answers).statusCode()).isEqualTo(202);
    details = answerWithRecommendationsUntilThePrd(task);

    JsonObject prd = details.getJsonArray("prds").getJsonObject(0).getJsonObject("document");
    assertThat(new PrdSchema().problems(prd.toString())).isEmpty();
    assertThat(prd.getJsonArray("clarifications").getValuesAs(JsonObject.class))
        .anySatisfy(
            entry ->
                assertThat(entry.getString("answer"))
                    .isEqualTo(first.getJsonArray("options").getJsonObject(1).getString("label")));
    assertThat(inbox("approvers", task, "PRD_REVIEW 1")).containsExactly("PRD_REVIEW 1");

    HttpResponse<String> tooLate = api.post("tasks/" + task + "/answers", answers);
    assertThat(tooLate.statusCode()).isEqualTo(409);
    assertThat(Http.json(tooLate).getString("detail"))
        .isEqualTo("task " + task + " is PRD_VALIDATION; cannot answer a clarification");
    HttpResponse<String> noReason = api.post("tasks/" + task + "/rejection", "{\"by\":\"bo\"}");
    assertThat(noReason.statusCode()).isEqualTo(400);
    assertThat(Http.json(noReason).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("reason");

    String reason = "It must cover credit notes too";
    assertThat(
            api.post(
                    "tasks/" + task + "/rejection", "{\"by\":\"bo\",\"reason\":\"" + reason + "\"}")
                .statusCode())
        .isEqualTo(202);
    details =
        api.await(
            task,
            d ->
                d.getJsonArray("prds").size() == 2
                    && d.getJsonObject("task").getString("status").equals("PRD_VALIDATION"),
            "a second PRD revision");
    JsonObject revised = details.getJsonArray("prds").getJsonObject(1);
    assertThat(revised.getJsonObject("document").getString("revisionNotes")).contains(reason);
    assertThat(details.getJsonArray("prds").getJsonObject(0).getString("rejectionReason"))
        .isEqualTo(reason);
    assertThat(inbox("approvers", task, "PRD_REVIEW 1", "PRD_REVIEW 2"))
        .containsExactlyInAnyOrder("PRD_REVIEW 1", "PRD_REVIEW 2");

    assertThat(api.post("tasks/" + task + "/approval", "{\"by\":\"bo\"}").statusCode())
        .isEqualTo(202);
    details = api.awaitStatus(task, "PRD_APPROVED");
    assertThat(details.getJsonArray("history").getValuesAs(JsonObject.class))
        .extracting(entry -> entry.getString("event"))
        .containsExactly(
            "TaskCreated",
            "RequestValidationStarted",
            "ClarificationRequested",
            "ClarificationAnswered",
            "ClarificationRequested",
            "ClarificationAnswered",
            "PrdSubmitted",
            "PrdRejected",
            "PrdSubmitted",
            "PrdApproved");
    assertThat(details.getJsonArray("history").getJsonObject(7).getString("detail"))
        .isEqualTo(reason);
    assertThat(details.getJsonArray("agentRuns").getValuesAs(JsonObject.class))
        .extracting(run -> run.getString("outcome"))
        .containsExactly("CLARIFY", "CLARIFY", "PRD", "PRD");
    HttpResponse<String> again = api.post("tasks/" + task + "/approval", "{\"by\":\"bo\"}");
    assertThat(again.statusCode()).isEqualTo(409);
    assertThat(Http.json(again).getString("detail"))
        .as("approving twice: the first approval stands")
        .startsWith("you approved the PRD of task " + task + " at ")
        .endsWith("already: this approval was not sent");
  }

  /**
   * The LLM agent (OpenAI protocol, the model server on loopback): questions first, a PRD once they
   * are answered; each run's model, prompt version, tokens and cost, and their sum, in the task's
   * API view and in the metrics.
   */
  void llmAgentClarifiesThenWritesThePrdWithItsCostsInTheApi() {
    String task = api.submit("[llm] Make reporting better", "", "HIGH", "ana");

    JsonObject details = api.awaitStatus(task, "CLARIFICATION_NEEDED");
    assertThat(details.getJsonArray("clarifications").getJsonObject(0).getJsonArray("questions"))
        .isNotEmpty();
    assertThat(
            api.post("tasks/" + task + "/answers", "{\"useRecommendations\":true,\"by\":\"ana\"}")
                .statusCode())
        .isEqualTo(202);
    details = answerWithRecommendationsUntilThePrd(task);

    assertThat(
            new PrdSchema()
                .problems(
                    details
                        .getJsonArray("prds")
                        .getJsonObject(0)
                        .getJsonObject("document")
                        .toString()))
        .isEmpty();
    List<JsonObject> runs = details.getJsonArray("agentRuns").getValuesAs(JsonObject.class);
    assertThat(runs)
        .extracting(run -> run.getString("outcome"))
        .endsWith("PRD")
        .startsWith("CLARIFY");
    assertThat(runs)
        .allSatisfy(
            run -> {
              assertThat(run.getString("agent")).isEqualTo("openai");
              assertThat(run.getString("model")).isEqualTo("fake-pm-1");
              assertThat(run.getString("promptVersion")).isEqualTo("product-manager-v2");
              assertThat(run.getInt("tokensIn")).isEqualTo(1200);
              assertThat(run.getInt("tokensOut")).isEqualTo(800);
              assertThat(run.getJsonNumber("costUsd").bigDecimalValue())
                  .isEqualByComparingTo("0.011");
            });
    JsonObject costs = details.getJsonObject("agentCosts");
    assertThat(costs.getInt("runs")).isEqualTo(runs.size());
    assertThat(costs.getJsonNumber("tokensIn").longValue()).isEqualTo(1200L * runs.size());
    assertThat(costs.getJsonNumber("costUsd").bigDecimalValue())
        .isEqualByComparingTo(
            new java.math.BigDecimal("0.011").multiply(java.math.BigDecimal.valueOf(runs.size())));
    assertThat(details.getJsonArray("prds").getJsonObject(0).getString("model"))
        .isEqualTo("fake-pm-1");

    String metrics = Http.get(api.uri("").resolve("/metrics")).body();
    assertThat(metrics)
        .containsPattern(
            "refinery_agent_tokens_total\\{[^}]*direction=\"in\"[^}]*model=\"fake-pm-1\"[^}]*}"
                + " [1-9]")
        .containsPattern(
            "refinery_agent_runs_total\\{[^}]*agent=\"openai\"[^}]*outcome=\"PRD\"[^}]*} [1-9]")
        .containsPattern("refinery_agent_cost_usd\\{[^}]*} (0\\.0[1-9]|0\\.[1-9]|[1-9])");
  }

  /**
   * Every command and event of a task's workflow, in order, with outcomes, from the event log over
   * REST.
   */
  void taskHistoryIsReadBackFromTheEventLog() {
    String task = api.submit("Invoice export", WorkflowContainerChecks.COMPLETE, "MEDIUM", "ivy");
    api.awaitStatus(task, "PRD_VALIDATION");

    List<String> expected =
        List.of(
            "PUBLISHED taskmanagement.CreateTask taskmanagement published",
            "CONSUMED taskmanagement.CreateTask taskmanagement ok",
            "PUBLISHED taskmanagement.TaskCreated subscribers published",
            "CONSUMED taskmanagement.TaskCreated orchestration ok",
            "PUBLISHED taskmanagement.StartRequestValidation taskmanagement published",
            "CONSUMED taskmanagement.RequestValidationStarted productdefinition ok",
            "PUBLISHED taskmanagement.SubmitPrd taskmanagement published",
            "CONSUMED taskmanagement.PrdSubmitted orchestration ok",
            "CONSUMED taskmanagement.PrdSubmitted humaninteraction ok");
    await("the event log of task " + task)
        .atMost(Duration.ofSeconds(20))
        .pollInterval(Duration.ofMillis(200))
        .untilAsserted(() -> assertThat(described(eventsOf(task))).containsAll(expected));
    List<JsonObject> log = eventsOf(task);
    List<String> lines = described(log);
    assertThat(lines)
        .containsAll(expected)
        .allMatch(line -> line.endsWith(" published") || line.endsWith(" ok"));
    for (int i = 0;
        i < log.size();
        i++) { // in order: every message is published before any context consumes it
      JsonObject line = log.get(i);
      if (line.getString("direction").equals("CONSUMED")) {
        String id = line.getString("messageId");
        assertThat(log.subList(0, i))
            .as("the publication of %s before its consumption", line.getString("type"))
            .anySatisfy(
                earlier ->
                    assertThat(earlier.getString("messageId") + earlier.getString("direction"))
                        .isEqualTo(id + "PUBLISHED"));
      }
    }

    HttpResponse<String> malformed = api.get("events?from=yesterday");
    assertThat(malformed.statusCode()).isEqualTo(400);
    assertThat(Http.json(malformed).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("from");
  }

  void unknownTaskDecisionIsA404AndMalformedAnswerA400() {
    assertThat(
            api.post("tasks/" + java.util.UUID.randomUUID() + "/approval", "{\"by\":\"bo\"}")
                .statusCode())
        .isEqualTo(404);
    String task = api.submit("Make exports better", "", "LOW", "cy");
    api.awaitStatus(task, "CLARIFICATION_NEEDED");
    HttpResponse<String> wrong =
        api.post(
            "tasks/" + task + "/answers",
            "{\"answers\":[{\"questionId\":\"who\",\"optionId\":\"nobody\"}],"
                + "\"useRecommendations\":true,\"by\":\"cy\"}");
    assertThat(wrong.statusCode()).isEqualTo(400);
    assertThat(Http.json(wrong).getJsonArray("errors").getJsonObject(0).getString("message"))
        .isEqualTo("'nobody' is not an option of question 'who'");
  }

  /**
   * The approvers' notification is posted to the configured webhook, signed with the shared secret;
   * a post the webhook refuses is retried after the configured delay, and an accepted one is not
   * posted again.
   */
  void notificationIsPostedSignedToTheWebhookAndRetriedAfterARefusal() throws Exception {
    try (WebhookReceiver webhook = WebhookReceiver.start(Integer.getInteger("it.webhook.port"))) {
      String task =
          api.submit("Export invoices as CSV", WorkflowContainerChecks.COMPLETE, "HIGH", "dee");
      webhook.refuseFirstPostAbout(task);
      api.awaitStatus(task, "PRD_VALIDATION");

      await()
          .atMost(Duration.ofSeconds(30))
          .untilAsserted(() -> assertThat(webhook.postsAbout(task)).hasSizeGreaterThanOrEqualTo(2));
      Api.sleep(
          4_000); // longer than the timer's period: an accepted post that was sent again would show
      List<WebhookReceiver.Post> posts = webhook.postsAbout(task);
      assertThat(posts).extracting(WebhookReceiver.Post::status).containsExactly(503, 204);
      assertThat(java.time.Duration.between(posts.get(0).at(), posts.get(1).at()))
          .isGreaterThanOrEqualTo(java.time.Duration.ofSeconds(1));
      for (WebhookReceiver.Post post : posts) {
        // signed with the time of the post: a receiver refusing old timestamps refuses a replayed
        // capture
        assertThat(Long.parseLong(post.timestamp()))
            .isCloseTo(post.at().getEpochSecond(), within(5L));
        assertThat(post.signature())
            .isEqualTo(
                "sha256="
                    + HttpWebhookEndpoint.sign(WEBHOOK_SECRET, post.timestamp(), post.body()));
        assertThat(post.notification().getString("recipient")).isEqualTo("approvers");
        assertThat(post.notification().getString("kind")).isEqualTo("PRD_REVIEW");
      }
      assertThat(posts.get(0).body()).isEqualTo(posts.get(1).body());
    }
  }

  void tasksCanBeFilteredAndPaged() {
    String marker = "Filterable " + java.util.UUID.randomUUID();
    for (int i = 0; i < 3; i++) {
      api.submit(marker + " " + i, "", "HIGH", "dee");
    }
    String firstPage =
        "tasks?q=" + marker.replace(" ", "%20") + "&requester=dee&priority=HIGH&size=2&page=0";
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> assertThat(Http.json(api.get(firstPage)).getInt("total")).isEqualTo(3));
    JsonObject page = Http.json(api.get(firstPage));
    assertThat(page.getInt("total")).isEqualTo(3);
    assertThat(page.getJsonArray("items")).hasSize(2);
    JsonObject second =
        Http.json(api.get("tasks?q=" + marker.replace(" ", "%20") + "&size=2&page=1"));
    assertThat(second.getJsonArray("items")).hasSize(1);
    assertThat(api.get("tasks?status=SOMETHING").statusCode())
        .as("not a status: a 400 naming it")
        .isEqualTo(400);
  }

  private JsonObject answerWithRecommendationsUntilThePrd(String task) {
    int answeredRound = 1;
    while (true) {
      int seen = answeredRound;
      JsonObject details =
          api.await(
              task,
              d -> {
                String status = d.getJsonObject("task").getString("status");
                return status.equals("PRD_VALIDATION")
                    || status.equals("CLARIFICATION_NEEDED")
                        && d.getJsonObject("task").getInt("clarificationRound") > seen;
              },
              "a PRD or another round");
      if (details.getJsonObject("task").getString("status").equals("PRD_VALIDATION")) {
        return details;
      }
      answeredRound = details.getJsonObject("task").getInt("clarificationRound");
      assertThat(
              api.post("tasks/" + task + "/answers", "{\"useRecommendations\":true,\"by\":\"ana\"}")
                  .statusCode())
          .isEqualTo(202);
    }
  }

  /**
   * Waits until the recipient's notifications about the task include the expected ones ("KIND
   * step"): the workflow's own, not the service-level reminders the short test thresholds add.
   */
  private List<String> inbox(String recipient, String task, String... expected) {
    return await("notifications of " + recipient + " about task " + task)
        .atMost(Duration.ofSeconds(20))
        .until(
            () ->
                Http.jsonArray(api.get("notifications?recipient=" + recipient + "&limit=500"))
                    .getValuesAs(JsonObject.class)
                    .stream()
                    .filter(n -> n.getString("taskId").equals(task))
                    .filter(
                        n ->
                            n.getString("kind").equals("CLARIFICATION")
                                || n.getString("kind").equals("PRD_REVIEW"))
                    .map(n -> n.getString("kind") + " " + n.getInt("step"))
                    .toList(),
            found -> found.containsAll(List.of(expected)));
  }

  private List<JsonObject> eventsOf(String task) {
    return Http.jsonArray(api.get("events?task=" + task)).getValuesAs(JsonObject.class);
  }

  /** Each event log line as "DIRECTION type target outcome". */
  private static List<String> described(List<JsonObject> log) {
    return log.stream()
        .map(
            line ->
                line.getString("direction")
                    + " "
                    + line.getString("type")
                    + " "
                    + line.getString("target")
                    + " "
                    + line.getString("outcome"))
        .toList();
  }
}
