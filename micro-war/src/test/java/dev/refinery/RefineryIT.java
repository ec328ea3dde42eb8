package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.api.SubmitRequest;
import dev.refinery.humaninteraction.application.Notifications;
import dev.refinery.humaninteraction.application.Requests;
import dev.refinery.orchestration.application.StallDetector;
import dev.refinery.orchestration.application.TaskScanningService;
import dev.refinery.orchestration.application.WorkflowScans;
import dev.refinery.productdefinition.api.LoadEvent;
import dev.refinery.productdefinition.application.AgentWork;
import dev.refinery.productdefinition.application.TaskPollingService;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.infrastructure.messaging.MessageQueueContract;
import dev.refinery.shared.infrastructure.messaging.MessagingSettings;
import dev.refinery.shared.infrastructure.messaging.deadletter.DeadLetterStore;
import dev.refinery.shared.infrastructure.messaging.jms.JmsHarness;
import dev.refinery.shared.infrastructure.messaging.jms.MessagingResources;
import dev.refinery.shared.infrastructure.messaging.memory.InMemoryMessageQueue;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxRelay;
import dev.refinery.shared.infrastructure.messaging.outbox.OutboxStore;
import dev.refinery.shared.infrastructure.persistence.SchemaMigrator;
import dev.refinery.shared.messaging.MessageQueue;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.shared.monitoring.EventLog;
import dev.refinery.shared.monitoring.MachineStalls;
import dev.refinery.taskmanagement.application.Tasks;
import dev.refinery.testing.Http;
import dev.refinery.testing.TaskClient;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedExecutorService;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.json.JsonObject;
import jakarta.transaction.UserTransaction;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.jboss.arquillian.container.test.api.Deployment;
import org.jboss.arquillian.container.test.api.RunAsClient;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.jboss.shrinkwrap.api.ShrinkWrap;
import org.jboss.shrinkwrap.api.spec.WebArchive;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * The real micro-war WAR on Payara Micro against the real PostgreSQL and RabbitMQ (a virtual host
 * of its own, reached through a proxy the tests control), configured by the same asadmin files as
 * production. One class, so one Payara boot for the module; the scenarios live in the *Checks
 * classes.
 */
@ExtendWith(ArquillianExtension.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RefineryIT {

  /** The broker as the application sees it: down until the third test starts this proxy. */
  private static final BrokerProxy BROKER =
      new BrokerProxy(Integer.getInteger("it.rabbitmq.proxy.port", 0), 5672);

  private static final String PUBLISHED_WHILE_DOWN = UUID.randomUUID().toString();

  /** Submitted while the broker was away, so that Task Management had not recorded it yet. */
  private static String unrecorded;

  @Deployment
  static WebArchive refinery() throws IOException {
    if (!brokerAwayScenarioSelected(System.getProperty("it.selected"))) {
      BROKER.start(); // a check run alone (-Dit.test=RefineryIT#...) finds the broker up, as after
      // the scenario
    }
    return ShrinkWrap.createFromZipFile(
            WebArchive.class, new File(System.getProperty("refinery.war")))
        .addClasses(
            RefineryIT.class,
            Http.class,
            TaskClient.class,
            Api.class,
            BrokerProxy.class,
            Ledger.class,
            MessagingChecks.class,
            MessagingChecks.PermanentFailure.class,
            JmsHarness.class,
            LoadEvent.class,
            ScriptedAgent.class,
            WorkflowChecks.class,
            WorkflowContainerChecks.class,
            AgentContainerChecks.class,
            OperationsContainerChecks.class,
            MonitoringChecks.class,
            AlertChecks.class,
            OperatorChecks.class,
            dev.refinery.orchestration.api.MonitoringProbe.class,
            dev.refinery.orchestration.api.FailingProbe.class,
            AlertChecks.ProbeRefused.class,
            WebhookReceiver.class,
            WebhookReceiver.Post.class,
            dev.refinery.taskmanagement.api.LoadPing.class,
            dev.refinery.humaninteraction.api.LoadPing.class,
            dev.refinery.productdefinition.api.LoadPing.class,
            dev.refinery.orchestration.api.LoadPing.class,
            WireFormatChecks.class,
            SerializationCanary.class,
            AccessChecks.class,
            AccessMatrix.class,
            FirstAdminRace.class,
            SignInCost.class,
            IdleSignOutChecks.class,
            IdleSignOutChecks.Session.class,
            RetentionChecks.class)
        .addAsResource("refinery-it.properties")
        .addAsLibraries(
            new File(System.getProperty("assertj.jar")),
            new File(System.getProperty("awaitility.jar")),
            new File(System.getProperty("hamcrest.jar")),
            new File(System.getProperty("contract.jar")));
  }

  /**
   * As Arquillian reports it: with the machine's host name, while Payara listens on loopback only.
   */
  @ArquillianResource URL deployed;

  @Resource(lookup = "jdbc/refinery")
  DataSource dataSource;

  @Resource UserTransaction transaction;

  @Resource ManagedExecutorService executor;

  @Resource(lookup = MessagingResources.CONNECTION_FACTORY)
  ConnectionFactory connectionFactory;

  @Inject MessageQueue messageQueue;
  @Inject MessagingSettings messagingSettings;
  @Inject DeadLetterStore deadLetterStore;
  @Inject DeadLetters deadLetters;
  @Inject OutboxRelay relay;
  @Inject OutboxStore outbox;
  @Inject Requests requests;
  @Inject dev.refinery.humaninteraction.application.Decisions decisions;
  @Inject dev.refinery.humaninteraction.application.TaskViews taskViews;
  @Inject Tasks tasks;
  @Inject TaskScanningService scanner;
  @Inject WorkflowScans scans;
  @Inject TaskPollingService poller;
  @Inject AgentWork agentWork;
  @Inject ProductManagerAgent agent;
  @Inject InMemoryMessageQueue inMemoryQueue;
  @Inject EventLog eventLog;
  @Inject MetricRegistry metricRegistry;
  @Inject Alerts alertBook;
  @Inject StallDetector detector;
  @Inject MachineStalls machineStalls;
  @Inject Notifications notifications;
  @Inject dev.refinery.shared.application.AuditTrail auditTrail;
  @Inject dev.refinery.humaninteraction.application.People people;

  /** Provisioned once per JVM side (client, container), on first use. */
  private static AccessChecks access;

  @Inject Config config;
  @Inject dev.refinery.shared.monitoring.Fleet fleet;
  @Inject dev.refinery.shared.monitoring.BrokerQueues brokerQueues;
  @Inject dev.refinery.productdefinition.application.AgentInterventions interventions;
  @Inject dev.refinery.shared.application.Retention retention;
  @Inject dev.refinery.shared.application.AuditExport auditExport;

  // --- RabbitMQ away at deployment, then back ---------------------------------------------------
  // The one scenario whose steps run in order (@Order 1-5): the deployment meets no broker until
  // step 4. Every other check stands alone and runs alone with -Dit.test=RefineryIT#<check>.

  /** The scenario's steps, in order. */
  static final List<String> BROKER_AWAY =
      List.of(
          "brokerDownAtDeploymentShowsInHealthWhileTheDatabaseIsUp",
          "requestsAreAcceptedWhileTheBrokerIsDown",
          "taskNotYetRecordedCannotBeCancelledByAnyone",
          "publicationWhileTheBrokerIsDownIsKeptInTheOutbox",
          "brokerComesUp",
          "whatWaitedInTheOutboxIsDeliveredOnceTheBrokerIsBack",
          "onceRecordedTheTaskIsCancelledByItsOwnerOnly");

  /**
   * Whether the run includes the broker-away scenario: the whole class (no selection, or Maven's
   * unresolved {@code ${it.test}}), or a selection naming RefineryIT without a method, a pattern,
   * or one of its steps.
   */
  static boolean brokerAwayScenarioSelected(String selection) {
    if (selection == null || selection.isBlank() || selection.startsWith("${")) {
      return true;
    }
    return Arrays.stream(selection.split(","))
        .map(String::strip)
        .filter(part -> part.contains("RefineryIT"))
        .anyMatch(
            part ->
                !part.contains("#")
                    || part.contains("*")
                    || BROKER_AWAY.stream()
                        .anyMatch(step -> part.substring(part.indexOf('#') + 1).contains(step)));
  }

  @Test
  @Order(1)
  @RunAsClient
  void brokerDownAtDeploymentShowsInHealthWhileTheDatabaseIsUp() {
    HttpResponse<String> response = Http.get(server("health"));

    assertThat(response.statusCode()).isEqualTo(503);
    JsonObject broker = check(Http.json(response), "broker");
    assertThat(broker.getString("status")).isEqualTo("DOWN");
    // probes are public: the kind of failure, not its message (hosts, ports), which goes to the
    // server log
    assertThat(broker.getJsonObject("data").getString("error"))
        .matches("\\w+ \\(details in the server log\\)");
    assertThat(check(Http.json(response), "database").getString("status")).isEqualTo("UP");
  }

  @Test
  @Order(2)
  @RunAsClient
  void requestsAreAcceptedWhileTheBrokerIsDown() {
    HttpResponse<String> response =
        Http.postJson(
            app("api/requests"),
            "{\"title\":\"Sent while the broker is"
                + " away\",\"description\":\"\",\"priority\":\"LOW\",\"requester\":\"ana\"}");

    assertThat(response.statusCode()).isEqualTo(202);
  }

  @Test
  @Order(2)
  @RunAsClient
  void taskNotYetRecordedCannotBeCancelledByAnyone() {
    unrecorded = access().justSubmittedTaskCannotBeCancelledBeforeItIsRecorded();
  }

  @Test
  @Order(3)
  void publicationWhileTheBrokerIsDownIsKeptInTheOutbox() {
    messaging().publishWhileBrokerIsDown(PUBLISHED_WHILE_DOWN);
  }

  @Test
  @Order(4)
  @RunAsClient
  void brokerComesUp() throws Exception {
    BROKER.start();
  }

  @Test
  @Order(5)
  void whatWaitedInTheOutboxIsDeliveredOnceTheBrokerIsBack() {
    messaging().deliveredOnceTheBrokerIsBack(PUBLISHED_WHILE_DOWN);
  }

  @Test
  @Order(6)
  @RunAsClient
  void onceRecordedTheTaskIsCancelledByItsOwnerOnly() {
    access().onceRecordedOnlyItsOwnerCancels(unrecorded);
  }

  // --- the message queue contract, on RabbitMQ ---------------------------------------------------

  @Test
  void eventReachesEverySubscribedContextOnce() {
    contract().eventReachesEverySubscribedContextOnce();
  }

  @Test
  void commandReachesOnlyTheContextThatOwnsIt() {
    contract().commandReachesOnlyTheContextThatOwnsIt();
  }

  @Test
  void rolledBackTransactionPublishesNothingAndCommittedOnePublishesOnce() {
    contract().rolledBackTransactionPublishesNothingAndCommittedOnePublishesOnce();
  }

  @Test
  void handlerFailingTwiceIsRetriedWithGrowingDelaysThenSucceeds() {
    contract().handlerFailingTwiceIsRetriedWithGrowingDelaysThenSucceeds();
  }

  @Test
  void nonRetryableFailureIsDeadLetteredAtOnceWithItsReason() {
    contract().nonRetryableFailureIsDeadLetteredAtOnceWithItsReason();
  }

  @Test
  void retryableFailureIsDeadLetteredAfterTheLastAttempt() {
    contract().retryableFailureIsDeadLetteredAfterTheLastAttempt();
  }

  @Test
  void sameMessageIdDeliveredTwiceHasOneEffect() {
    contract().sameMessageIdDeliveredTwiceHasOneEffect();
  }

  @Test
  void sameMessageIdDeliveredTenTimesHasOneEffect() {
    contract().sameMessageIdDeliveredTenTimesHasOneEffect();
  }

  @Test
  void malformedMessageIsDeadLetteredAndConsumingGoesOn() {
    contract().malformedMessageIsDeadLetteredAndConsumingGoesOn();
  }

  @Test
  void messagePublishedWhileHandlingIsCausedByTheHandledMessage() {
    contract().messagePublishedWhileHandlingIsCausedByTheHandledMessage();
  }

  // --- the RabbitMQ adapter's own guarantees -----------------------------------------------------

  @Test
  void thousandMessagesAcrossTheFourContextsTakeEffectOnce() {
    messaging().thousandMessagesAcrossTheFourContextsTakeEffectOnce();
  }

  @Test
  void closedConnectionsLoseNothing() throws Exception {
    messaging().closedConnectionsLoseNothing();
  }

  @Test
  void relayStoppedBetweenCommitAndSendSendsOnceWhenBack() {
    messaging().relayStoppedBetweenCommitAndSendSendsOnceWhenBack();
  }

  @Test
  void rowsOfAnInstanceThatDiedBeforeSendingAreSentAfterTheirClaim() {
    messaging().rowsOfAnInstanceThatDiedBeforeSendingAreSentAfterTheirClaim();
  }

  @Test
  void confirmedRowsTakenByATransactionThatRollsBackStillLeaveTheOutboxOnce() {
    messaging().confirmedRowsTakenByATransactionThatRollsBackStillLeaveTheOutboxOnce();
  }

  @Test
  void deadLetterCanBeReplayedOrDiscardedOnceByAnOperator() {
    messaging().deadLetterCanBeReplayedOrDiscardedOnceByAnOperator();
  }

  @Test
  void javaSerializedPayloadIsRefusedWithoutLoadingItsClass() throws Exception {
    new WireFormatChecks(connectionFactory, deadLetterStore)
        .javaSerializedPayloadIsRefusedWithoutLoadingItsClass();
  }

  // --- the refinement workflow
  // --------------------------------------------------------------------

  @Test
  @RunAsClient
  void vagueRequestIsClarifiedThenRejectedRevisedAndApproved() {
    workflow().vagueRequestIsClarifiedThenRejectedRevisedAndApproved();
  }

  @Test
  @RunAsClient
  void unknownTaskDecisionIsA404AndMalformedAnswerA400() {
    workflow().unknownTaskDecisionIsA404AndMalformedAnswerA400();
  }

  @Test
  @RunAsClient
  void notificationIsPostedSignedToTheWebhookAndRetriedAfterARefusal() throws Exception {
    workflow().notificationIsPostedSignedToTheWebhookAndRetriedAfterARefusal();
  }

  @Test
  @RunAsClient
  void tasksCanBeFilteredAndPaged() {
    workflow().tasksCanBeFilteredAndPaged();
  }

  @Test
  void eventThatOvertakesTheTaskCreatedIsRetriedNotDropped() throws Exception {
    services().eventThatOvertakesTheTaskCreatedIsRetriedNotDropped(messageQueue, transaction);
  }

  @Test
  void agentSlotComesBackFromATransactionMarkedForRollback() throws Exception {
    services().agentSlotComesBackFromATransactionMarkedForRollback(transaction);
  }

  @Test
  void criticalTaskSubmittedAfterTwentyLowOnesIsProcessedFirst() throws Exception {
    services().criticalTaskSubmittedAfterTwentyLowOnesIsProcessedFirst();
  }

  @Test
  void twoScannersAndTwoPollersAtOnceDoEveryStepOnce() throws Exception {
    services().twoScannersAndTwoPollersAtOnceDoEveryStepOnce();
  }

  @Test
  void lateResultFromAHolderWhoseLeaseRanOutIsRefused() throws Exception {
    services().lateResultFromAHolderWhoseLeaseRanOutIsRefused();
  }

  @Test
  void twoApproversDecidingAtOnceOneWinsAndTheOtherIsTold() throws Exception {
    operations().twoApproversDecidingAtOnceOneWinsAndTheOtherIsTold();
  }

  @Test
  void operatorRunsAStuckAgentAgainAndTheNextClaimTakesItOver() throws Exception {
    operations().operatorRunsAStuckAgentAgainAndTheNextClaimTakesItOver();
  }

  @Test
  void fleetShowsThisInstanceTheBrokersQueuesAndTheOutbox() {
    operations().fleetShowsThisInstanceTheBrokersQueuesAndTheOutbox();
  }

  @Test
  void retentionPrunesOnlyRowsPastTheirAgeAndNothingAnOperatorStillNeeds() throws Exception {
    new RetentionChecks(retention, auditExport, dataSource)
        .pruningTakesOnlyRowsPastTheirAgeAndNothingAnOperatorStillNeeds();
  }

  @Test
  void retentionVacuumsInPlaceOfAutovacuumOnlyWhenTheServerHasItOff() throws Exception {
    new RetentionChecks(retention, auditExport, dataSource)
        .theJobVacuumsInPlaceOfAutovacuumOnlyWhenTheServerHasItOff();
  }

  @Test
  void answerPastItsLimitIsRefusedAtTheBoundaryTheConsoleUses() throws Exception {
    services().answerPastItsLimitIsRefusedAtTheBoundaryTheConsoleUses(decisions, taskViews);
  }

  @Test
  void resultClaimsTheNextDueWorkForTheSlotItFrees() throws Exception {
    services().resultClaimsTheNextDueWorkForTheSlotItFrees();
  }

  @Test
  void expiredLeaseIsClaimedBeforeFreshCriticalWork() throws Exception {
    services().expiredLeaseIsClaimedBeforeFreshCriticalWork();
  }

  @Test
  void retryableAgentErrorIsRetriedWithGrowingDelaysThenSucceeds() throws Exception {
    services()
        .retryableAgentErrorIsRetriedWithGrowingDelaysThenSucceeds(
            "[flaky:2] Invoice export", "HTTP 503");
  }

  @Test
  void nonRetryableAgentErrorFailsTheTaskWithAnAlert() throws Exception {
    services().nonRetryableAgentErrorFailsTheTaskWithAnAlert("[broken] Invoice export", "HTTP 401");
  }

  // --- authorization, as each role
  // -----------------------------------------------------------------

  @Test
  @RunAsClient
  void peopleAreManagedOverTheApiByAdminsOnly() {
    access().peopleAreManagedOverTheApiByAdminsOnly();
  }

  @Test
  @RunAsClient
  void inboxesAreReadByTheirOwnersAndTheirRoles() {
    access().inboxesAreReadByTheirOwnersAndTheirRoles();
  }

  @Test
  @RunAsClient
  void eventLogShowsARequesterTheirOwnTasksOnly() {
    access().eventLogShowsARequesterTheirOwnTasksOnly();
  }

  @Test
  @RunAsClient
  void cancellationIsRefusedToOthersAndWhileTheTaskIsUnknown() {
    access().cancellationIsRefusedToOthersAndWhileTheTaskIsUnknown();
  }

  @Test
  @RunAsClient
  void answersAreBoundedAndBelongToTheRequester() {
    access().answersAreBoundedAndBelongToTheRequester();
  }

  @Test
  void approverCannotApproveTheirOwnRequest() {
    access().approverCannotApproveTheirOwnRequest();
  }

  @Test
  void signInIsThrottledThenLockedOutUntilAnAdminUnlocks() {
    access().signInIsThrottledThenLockedOutUntilAnAdminUnlocks();
  }

  @Test
  void personDisabledByAnotherInstanceIsRefusedAtOnce() throws Exception {
    access().personDisabledByAnotherInstanceIsRefusedAtOnce();
  }

  @Test
  @RunAsClient
  void badQueryParametersAreA400NamingTheParameter() {
    access().badQueryParametersAreA400NamingTheParameter();
  }

  @Test
  @RunAsClient
  void everyApiCallAnswersEachRoleAsTheReadmeSays() {
    new AccessMatrix(access()).everyCallAnswersEachRoleAsPromised();
  }

  @Test
  @RunAsClient
  void dashboardPollDoesNotKeepAnIdleSessionAlive() {
    idleSignOut().dashboardPollDoesNotKeepTheSessionAlive(access().owner, AccessChecks.PASSWORD);
  }

  @Test
  @RunAsClient
  void apiCallsWithTheSessionCookieDoNotKeepAnIdleSessionAlive() {
    idleSignOut()
        .apiCallsWithTheSessionCookieDoNotKeepItAlive(access().approver, AccessChecks.PASSWORD);
  }

  @Test
  @RunAsClient
  void actingKeepsTheSessionAlive() {
    idleSignOut().actingKeepsTheSessionAlive(access().operator, AccessChecks.PASSWORD);
  }

  @Test
  void personChangedByAnotherInstanceIsHeldToItAtOnce() throws Exception {
    access().personChangedByAnotherInstanceIsHeldToItAtOnce();
  }

  @Test
  void unknownUsernameCostsWhatAWrongPasswordCosts() {
    new SignInCost(people).unknownUsernameCostsWhatAWrongPasswordCosts();
  }

  @Test
  void twoInstancesStartingTogetherCreateOneFirstAdmin() throws Exception {
    new FirstAdminRace(people, dataSource, executor)
        .twoInstancesStartingTogetherCreateOneFirstAdmin();
  }

  // --- monitoring --------------------------------------------------------------------------------

  @Test
  void interceptorRecordsPublishAndConsumptionOnBothAdapters() throws Exception {
    monitoring().interceptorRecordsPublishAndConsumptionOnBothAdapters();
  }

  @Test
  void monitoringThatCannotWriteNeverStopsMessages() throws Exception {
    monitoring().monitoringThatCannotWriteNeverStopsMessages();
  }

  @Test
  @RunAsClient
  void taskHistoryIsReadBackFromTheEventLog() {
    workflow().taskHistoryIsReadBackFromTheEventLog();
  }

  @Test
  void stalledTaskRaisesOneAlertEverywhereAndResumingClearsIt() throws Exception {
    alerts().stalledTaskRaisesOneAlertEverywhereAndResumingClearsIt();
  }

  @Test
  void unansweredClarificationIsRemindedThenEscalatedThenExpired() throws Exception {
    alerts().unansweredClarificationIsRemindedThenEscalatedThenExpired();
  }

  @Test
  void outboxHeldPastItsThresholdIsAnAlertUntilItDrains() throws Exception {
    alerts().outboxHeldPastItsThresholdIsAnAlertUntilItDrains(relay);
  }

  @Test
  void messageTypeFailingTooOftenIsAnAlert() throws Exception {
    alerts().messageTypeFailingTooOftenIsAnAlert(messageQueue, transaction);
  }

  @Test
  void queueThatDidNotConsumeTheHeartbeatIsAnAlert() throws Exception {
    alerts().queueThatDidNotConsumeTheHeartbeatIsAnAlert(detector, machineStalls, dataSource);
  }

  @Test
  void metricsMatchTheEventLogAfterFiftyWorkflows() throws Exception {
    alerts().metricsMatchTheEventLogAfterFiftyWorkflows();
  }

  @Test
  @RunAsClient
  void mbeansAnswerOverJmxAndTheScannerPausesAndResumes() throws Exception {
    new OperatorChecks(Integer.getInteger("it.jmx.port"))
        .mbeansAnswerOverJmxAndTheScannerPausesAndResumes();
  }

  // --- the LLM agent, against a model server on loopback
  // ------------------------------------------

  @Test
  @RunAsClient
  void llmAgentClarifiesThenWritesThePrdWithItsCostsInTheApi() {
    workflow().llmAgentClarifiesThenWritesThePrdWithItsCostsInTheApi();
  }

  @Test
  void modelRateLimitingTwiceIsRetriedWithGrowingDelaysThenSucceeds() throws Exception {
    services()
        .retryableAgentErrorIsRetriedWithGrowingDelaysThenSucceeds(
            "[llm][429x2] Invoice export", "HTTP 429");
  }

  @Test
  void modelSlowerThanTheFaultToleranceTimeoutIsCutOffAndRetried() throws Exception {
    agents().modelSlowerThanTheFaultToleranceTimeoutIsCutOffAndRetried();
  }

  @Test
  void modelRefusingTheKeyFailsTheTaskWithAnAlertAndAReadableReason() throws Exception {
    services()
        .nonRetryableAgentErrorFailsTheTaskWithAnAlert(
            "[llm][401] Invoice export", "HTTP 401: the openai server");
  }

  @Test
  void brokenJsonTwiceFailsTheTaskAfterOneReprompt() throws Exception {
    agents().brokenJsonTwiceFailsTheTaskAfterOneReprompt();
  }

  @Test
  void ollamaServerTakesATaskToThePrd() throws Exception {
    agents().ollamaServerTakesATaskToThePrd();
  }

  @Test
  void theJacksonInUseIsTheVersionTheBuildTestsWith() throws Exception {
    agents().theJacksonInUseIsTheVersionTheBuildTestsWith();
  }

  // --- the thin slice
  // -----------------------------------------------------------------------------

  @Test
  @RunAsClient
  void submittedRequestBecomesATaskThatCanBeReadBack() {
    HttpResponse<String> created =
        Http.postJson(
            app("api/requests"),
            """
            {"title":"Export invoices to CSV","description":"Finance wants a monthly export.",
             "priority":"high","requester":"ana"}\
            """);

    assertThat(created.statusCode()).isEqualTo(202);
    String location = created.headers().firstValue("Location").orElseThrow();
    String id = Http.json(created).getString("taskId");
    assertThat(location).endsWith("/api/tasks/" + id);
    JsonObject task =
        new Api(app("").toString()).await(id, details -> true, "created").getJsonObject("task");
    assertThat(task.getString("priority")).isEqualTo("HIGH");
    assertThat(task.getString("title")).isEqualTo("Export invoices to CSV");
    assertThat(task.getString("requester")).isEqualTo("ana");
    assertThat(task.getString("createdAt")).isNotBlank();
  }

  @Test
  @RunAsClient
  void invalidRequestsAreRefusedNamingTheFieldAndStoreNothing() {
    String marker = "invalid-" + UUID.randomUUID();
    String megabyte = "x".repeat(1024 * 1024);
    String[][] cases = {
      {"{\"description\":\"" + marker + "\",\"priority\":\"LOW\",\"requester\":\"ana\"}", "title"},
      {
        "{\"title\":\""
            + marker
            + "\",\"description\":\"d\",\"priority\":\"URGENT\",\"requester\":\"ana\"}",
        "priority"
      },
      {
        "{\"title\":\""
            + marker
            + "\",\"description\":\""
            + megabyte
            + "\",\"priority\":\"LOW\",\"requester\":\"ana\"}",
        "description"
      },
      {"{\"title\":\"" + marker + "\",\"description\":\"d\",\"priority\":\"LOW\"}", "requester"},
      {"", "body"}
    };

    for (String[] input : cases) {
      HttpResponse<String> response = Http.postJson(app("api/requests"), input[0]);
      assertThat(response.statusCode())
          .as("status for missing/invalid %s", input[1])
          .isEqualTo(400);
      assertThat(response.headers().firstValue("Content-Type"))
          .hasValue("application/problem+json");
      assertThat(Http.json(response).getJsonArray("errors").getValuesAs(JsonObject.class))
          .extracting(error -> error.getString("field"))
          .containsExactly(input[1]);
    }
    Api.sleep(1_000);
    assertThat(Http.json(Http.get(app("api/tasks?q=" + marker))).getInt("total"))
        .as("nothing stored")
        .isZero();
  }

  @Test
  @RunAsClient
  void malformedJsonIsA400ProblemNotAStackTrace() {
    HttpResponse<String> response = Http.postJson(app("api/requests"), "{\"title\": \"t\", ");

    assertThat(response.statusCode()).isEqualTo(400);
    assertThat(response.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    assertThat(Http.json(response).getString("detail")).startsWith("Malformed JSON");
  }

  @Test
  @RunAsClient
  void unknownTaskIsA404Problem() {
    HttpResponse<String> response = Http.get(app("api/tasks/" + UUID.randomUUID()));

    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(Http.json(response).getString("detail")).startsWith("No task ");
  }

  @Test
  @RunAsClient
  void readinessReportsTheDatabaseItsMigrationsTheBrokerAndTheScheduler() {
    HttpResponse<String> response = Http.get(server("health/ready"));

    assertThat(response.statusCode()).isEqualTo(200);
    JsonObject health = Http.json(response);
    assertThat(health.getString("status")).isEqualTo("UP");
    JsonObject database = check(health, "database");
    assertThat(database.getString("status")).isEqualTo("UP");
    assertThat(database.getJsonObject("data").getString("migrations")).isEqualTo("applied");
    assertThat(check(health, "broker").getString("status")).isEqualTo("UP");
    JsonObject scheduler = check(health, "scheduler");
    assertThat(scheduler.getString("status")).isEqualTo("UP");
    assertThat(scheduler.getJsonObject("data").keySet()).contains("scanner", "poller", "detector");
    assertThat(Http.get(server("health/live")).statusCode()).isEqualTo(200);
  }

  @Test
  @RunAsClient
  void metricsAnswerInPrometheusFormatWithTheSubmissionCounter() {
    Http.postJson(
        app("api/requests"),
        "{\"title\":\"Counted\",\"description\":\"\",\"priority\":\"LOW\",\"requester\":\"bo\"}");

    HttpResponse<String> response = Http.get(server("metrics"));

    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("text/plain");
    assertThat(response.body())
        .containsPattern("(?m)^refinery_tasks_submitted_total\\{[^}]*\\} [1-9]");
  }

  /**
   * Every {@code refinery_*} family on {@code /metrics} says what it measures (promtool warns on a
   * family without HELP), and the families operators' dashboards read are there. Only the {@code
   * _mean} and {@code _max} gauges Payara derives from a timer have no HELP line of their own.
   */
  @Test
  @RunAsClient
  void everyRefineryMetricSaysWhatItMeasures() {
    String id = new Api(app("").toString()).submit("Measured", "", "LOW", "bo");
    new Api(app("").toString()).await(id, details -> true, "created");

    String body = Http.get(server("metrics")).body();

    Map<String, String> help = new TreeMap<>();
    Matcher line = Pattern.compile("(?m)^# HELP (refinery_\\w+) ?(.*)$").matcher(body);
    while (line.find()) {
      help.put(line.group(1), line.group(2).strip());
    }
    List<String> families =
        Pattern.compile("(?m)^# TYPE (refinery_\\w+) ")
            .matcher(body)
            .results()
            .map(type -> type.group(1))
            .toList();
    assertThat(families)
        .as("the families on /metrics")
        .contains(
            "refinery_messages_total",
            "refinery_tasks_submitted_total",
            "refinery_outbox_backlog",
            "refinery_dead_letters",
            "refinery_alerts_open",
            "refinery_tasks",
            "refinery_scheduling_runs",
            "refinery_agent_in_flight");
    // Payara writes a timer's mean and max as gauges of their own, without HELP: the timer's HELP
    // covers them.
    assertThat(families)
        .allSatisfy(
            family ->
                assertThat(help.get(family.replaceFirst("_(mean|max)$", "")))
                    .as("HELP text of %s", family)
                    .isNotBlank());
  }

  /**
   * The Grafana dashboard and the Prometheus rules under {@code server-config/monitoring} query
   * only metrics a running Refinery writes: after one workflow to review, each name they use is on
   * {@code /metrics}.
   */
  @Test
  @RunAsClient
  void shippedDashboardAndRulesQueryMetricsThatExist() throws IOException {
    Api api = new Api(app("").toString());
    api.awaitStatus(
        api.submit("Dashboard fodder", WorkflowContainerChecks.COMPLETE, "LOW", "bo"),
        "PRD_VALIDATION");
    java.nio.file.Path monitoring =
        java.nio.file.Path.of(System.getProperty("refinery.monitoring"));
    Pattern name = Pattern.compile("refinery_[a-z_]+");
    List<String> used =
        Stream.of("refinery-dashboard.json", "refinery-alerts.yml")
            .flatMap(file -> name.matcher(read(monitoring.resolve(file))).results())
            .map(java.util.regex.MatchResult::group)
            .distinct()
            .sorted()
            .toList();

    String body = Http.get(server("metrics")).body();
    List<String> written =
        Pattern.compile("(?m)^(refinery_[a-z_]+)[{ ]")
            .matcher(body)
            .results()
            .map(sample -> sample.group(1))
            .distinct()
            .toList();

    assertThat(used)
        .as("metrics the dashboard and the rules query")
        .hasSizeGreaterThanOrEqualTo(14);
    assertThat(written).as("metrics on /metrics").containsAll(used);
  }

  private static String read(java.nio.file.Path file) {
    try {
      return java.nio.file.Files.readString(file);
    } catch (IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }

  @Test
  @RunAsClient
  void consoleListsTasksWithTheirTitlesEscaped() {
    String id = new Api(app("").toString()).submit("<b>Bold</b> idea", "", "CRITICAL", "cy");
    new Api(app("").toString()).await(id, details -> true, "created");

    HttpResponse<String> page = Http.get(app("console/tasks/list.xhtml"));

    assertThat(page.statusCode()).isEqualTo(200);
    assertThat(page.body()).contains("&lt;b&gt;Bold&lt;/b&gt; idea").doesNotContain("<b>Bold</b>");
  }

  @Test
  void everyContextHasItsOwnMigratedSchema() throws SQLException {
    try (Connection connection = dataSource.getConnection()) {
      for (String schema : SchemaMigrator.SCHEMAS) {
        try (PreparedStatement statement =
                connection.prepareStatement(
                    "SELECT count(*) FROM "
                        + schema
                        + ".flyway_schema_history WHERE success AND version IS NOT NULL");
            ResultSet rows = statement.executeQuery()) {
          rows.next();
          assertThat(rows.getInt(1)).as("migrations applied in %s", schema).isPositive();
        }
      }
    }
  }

  @Test
  void submittedRequestIsStoredInTheTaskManagementSchema() throws Exception {
    UUID task =
        requests.submit(
            new SubmitRequest("Dark mode", "For night shifts", "MEDIUM", "dee"),
            new Caller("dee", java.util.Set.of(Role.REQUESTER)));

    await("task " + task + " known to Task Management")
        .atMost(Duration.ofSeconds(20))
        .until(() -> tasks.find(task).isPresent());
    try (Connection connection = dataSource.getConnection();
        PreparedStatement statement =
            connection.prepareStatement(
                "SELECT priority, requester FROM taskmanagement.task WHERE id = ?")) {
      statement.setObject(1, task);
      try (ResultSet row = statement.executeQuery()) {
        assertThat(row.next()).isTrue();
        assertThat(row.getString("priority")).isEqualTo("MEDIUM");
        assertThat(row.getString("requester")).isEqualTo("dee");
      }
    }
  }

  private JmsHarness harness() {
    return new JmsHarness(
        messageQueue, messagingSettings, transaction, connectionFactory, deadLetterStore);
  }

  private MessageQueueContract contract() {
    return new MessageQueueContract(harness());
  }

  private MessagingChecks messaging() {
    return new MessagingChecks(harness(), new Ledger(dataSource), relay, outbox, deadLetters);
  }

  /** arquillian.xml's {@code refinery.console.idle-timeout}. */
  private IdleSignOutChecks idleSignOut() {
    return new IdleSignOutChecks(app("").toString(), Duration.ofSeconds(5));
  }

  private AccessChecks access() {
    if (access == null) {
      access = new AccessChecks(new Api(app("").toString()), auditTrail, dataSource).provisioned();
    }
    return access;
  }

  private WorkflowChecks workflow() {
    return new WorkflowChecks(new Api(app("").toString()));
  }

  private AlertChecks alerts() {
    return new AlertChecks(
        services(), poller, alertBook, notifications, eventLog, metricRegistry, messageQueue);
  }

  private MonitoringChecks monitoring() {
    return new MonitoringChecks(
        messageQueue, inMemoryQueue, eventLog, transaction, dataSource, metricRegistry);
  }

  private OperationsContainerChecks operations() {
    return new OperationsContainerChecks(
        services(),
        decisions,
        taskViews,
        deadLetters,
        new OperationsContainerChecks.Agents(poller, agentWork, interventions, dataSource),
        fleet,
        brokerQueues);
  }

  private AgentContainerChecks agents() {
    return new AgentContainerChecks(services(), config);
  }

  private WorkflowContainerChecks services() {
    return new WorkflowContainerChecks(
        requests, tasks, scanner, scans, poller, agentWork, agent, dataSource, messageQueue);
  }

  private static JsonObject check(JsonObject health, String name) {
    return health.getJsonArray("checks").getValuesAs(JsonObject.class).stream()
        .filter(check -> check.getString("name").equals(name))
        .findFirst()
        .orElseThrow();
  }

  private URI app(String path) {
    return server(deployed.getPath().substring(1) + path);
  }

  private URI server(String path) {
    return URI.create("http://127.0.0.1:" + deployed.getPort() + "/" + path);
  }
}
