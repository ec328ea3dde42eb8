package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.productdefinition.infrastructure.llm.FakeModelServer;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import java.util.List;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * The LLM agents inside Payara Micro, against the loopback model server: what only a real model
 * brings.
 */
final class AgentContainerChecks {

  private final WorkflowContainerChecks workflow;
  private final Config config;

  AgentContainerChecks(WorkflowContainerChecks workflow, Config config) {
    this.workflow = workflow;
    this.config = config;
  }

  void brokenJsonTwiceFailsTheTaskAfterOneReprompt() throws Exception {
    UUID task = workflow.submit("[llm][garbage] Invoice export", "HIGH");

    TaskView failed = workflow.awaitStatus(task, TaskStatus.FAILED);

    assertThat(failed.failureReason()).contains("did not match the schema after one re-prompt");
    assertThat(ScriptedAgent.modelServer(config).calls(task.toString()))
        .as("the first call and one re-prompt")
        .hasSize(2);
    assertThat(
            workflow.rows(
                "SELECT outcome, tokens_in, tokens_out, model FROM productdefinition.agent_run"
                    + " WHERE task_id = ?",
                task))
        .singleElement()
        .satisfies(
            run ->
                assertThat(run)
                    .containsExactly(
                        "FAILED",
                        2 * FakeModelServer.TOKENS_IN,
                        2 * FakeModelServer.TOKENS_OUT,
                        FakeModelServer.MODEL));
    assertThat(workflow.alerts(task, 1))
        .singleElement()
        .satisfies(alert -> assertThat(alert.retryable()).isFalse());
  }

  /**
   * The Fault Tolerance timeout on the model call (set to 2 s for the tests, below the 10 s HTTP
   * timeout and the 4 s the slow answer takes) cuts the call off; the next attempt gets the PRD.
   */
  void modelSlowerThanTheFaultToleranceTimeoutIsCutOffAndRetried() throws Exception {
    UUID task = workflow.submit("[llm][slowx1] Invoice export", "HIGH");

    workflow.awaitStatus(task, TaskStatus.PRD_VALIDATION);

    List<Object[]> runs =
        workflow.rows(
            "SELECT outcome, latency_ms, error FROM productdefinition.agent_run WHERE task_id = ?"
                + " ORDER BY id",
            task);
    assertThat(runs).extracting(run -> run[0]).containsExactly("RETRY", "PRD");
    assertThat(((Number) runs.getFirst()[1]).longValue())
        .as("cut off after the 2 s timeout")
        .isBetween(1_900L, 3_500L);
    assertThat((String) runs.getFirst()[2]).contains("within the time limit");
  }

  void ollamaServerTakesATaskToThePrd() throws Exception {
    UUID task = workflow.submit("[ollama] Invoice export", "MEDIUM");

    workflow.awaitStatus(task, TaskStatus.PRD_VALIDATION);

    List<FakeModelServer.Call> calls = ScriptedAgent.modelServer(config).calls(task.toString());
    assertThat(calls)
        .singleElement()
        .satisfies(
            call -> {
              assertThat(call.path()).isEqualTo("/api/chat");
              assertThat(call.askedForSchema()).isTrue();
            });
    assertThat(
            workflow.rows(
                "SELECT agent, model, prompt_version, tokens_in FROM productdefinition.agent_run"
                    + " WHERE task_id = ?",
                task))
        .singleElement()
        .satisfies(
            run ->
                assertThat(run)
                    .containsExactly(
                        "ollama",
                        FakeModelServer.MODEL,
                        "product-manager-v2",
                        FakeModelServer.TOKENS_IN));
  }

  /**
   * LangChain4j and the schema validator run on the Jackson that Payara loads first; the build
   * packs and tests against that very version (the jackson-bom in the parent pom), so nothing runs
   * on an untested one.
   */
  void theJacksonInUseIsTheVersionTheBuildTestsWith() throws java.io.IOException {
    var build = new java.util.Properties();
    try (var in = AgentContainerChecks.class.getResourceAsStream("/refinery-it.properties")) {
      build.load(in);
    }

    assertThat(com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.toString())
        .isEqualTo(build.getProperty("jackson.version"));
  }
}
