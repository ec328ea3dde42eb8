package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.testing.Http;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The console in headless Chromium against the EAR on Payara Server: requesters, approvers,
 * operators and admins doing their work by clicking, with a screenshot of every page under
 * target/screenshots.
 */
final class ConsoleChecks {

  static final String PASSWORD = "console-secret-1";

  private final String server;

  private final ConsoleTasks tasks;

  ConsoleChecks(String server) {
    this.tasks = new ConsoleTasks(server);
    this.server = server;
  }

  /**
   * Without signing in: the API answers 401 (a wrong password too), the console sends to the login
   * page.
   */
  void anonymousCallersMustSignIn() {
    HttpResponse<String> anonymous =
        Http.sendAsIs(HttpRequest.newBuilder(URI.create(server + "api/tasks")).build());
    assertThat(anonymous.statusCode()).isEqualTo(401);
    assertThat(anonymous.headers().firstValue("WWW-Authenticate"))
        .hasValueSatisfying(value -> assertThat(value).startsWith("Basic"));
    HttpResponse<String> wrong =
        Http.sendAsIs(
            HttpRequest.newBuilder(URI.create(server + "api/tasks"))
                .header("Authorization", Http.basic("admin", "not-the-password"))
                .build());
    assertThat(wrong.statusCode()).isEqualTo(401);
    HttpResponse<String> console =
        Http.sendAsIs(
            HttpRequest.newBuilder(URI.create(server + "console/tasks/list.xhtml")).build());
    assertThat(console.statusCode()).isEqualTo(302);
    assertThat(console.headers().firstValue("Location"))
        .hasValueSatisfying(value -> assertThat(value).contains("login.xhtml?next="));
    HttpResponse<String> login =
        Http.sendAsIs(HttpRequest.newBuilder(URI.create(server + "login.xhtml")).build());
    assertThat(login.statusCode()).isEqualTo(200);
    assertThat(login.headers().firstValue("Content-Security-Policy"))
        .hasValueSatisfying(value -> assertThat(value).contains("frame-ancestors 'none'"));
    assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
    try (Browser nobody = new Browser(server)) {
      nobody.open("console/dashboard.xhtml");
      assertThat(nobody.url()).contains("login.xhtml");
      nobody
          .type("login:username", "admin")
          .type("login:password", "wrong-password-1")
          .click("login:sign-in");
      nobody.waitFor(d -> d.getPageSource().contains("Wrong username or password"));
      nobody.screenshot("login");
    }
  }

  /**
   * The admin adds a requester, an approver and an operator in the console; the audit log names the
   * admin.
   */
  void adminAddsPeople() {
    try (Browser admin = new Browser(server).signIn("admin", Http.ADMIN_PASSWORD)) {
      admin.screenshot("dashboard");
      assertThat(admin.text()).contains("Dashboard", "Throughput, last hour", "PRD_VALIDATION");
      admin.open("console/admin/people.xhtml");
      for (String[] person :
          new String[][] {{"rita", "REQUESTER"}, {"abe", "APPROVER"}, {"opal", "OPERATOR"}}) {
        admin
            .type("add:username", person[0])
            .type("add:name", person[0] + " Example")
            .type("add:password", PASSWORD);
        setRoles(admin, "add:roles", person[1]);
        admin.click("add:submit");
        admin.waitFor(d -> d.getPageSource().contains("Added " + person[0]));
      }
      assertThat(admin.element("people").getText())
          .contains("rita", "[REQUESTER]", "abe", "[APPROVER]", "opal", "[OPERATOR]");
      admin.screenshot("people");

      // A new password for rita, then back to the one the other scenarios use; and opal disabled,
      // then enabled.
      new org.openqa.selenium.support.ui.Select(admin.element("password:username"))
          .selectByValue("rita");
      admin.type("password:password", "rita-second-secret").click("password:submit");
      admin.waitFor(d -> d.getPageSource().contains("New password set for rita"));
      try (Browser rita = new Browser(server)) {
        rita.signIn("rita", "rita-second-secret");
        assertThat(rita.element("session:who").getText()).isEqualTo("rita");
      }
      new org.openqa.selenium.support.ui.Select(admin.element("password:username"))
          .selectByValue("rita");
      // the page already says "New password set for rita" (the first reset): wait for the next page
      // first
      admin.type("password:password", PASSWORD).submit("password:submit");
      admin.waitFor(d -> d.getPageSource().contains("New password set for rita"));
      new org.openqa.selenium.support.ui.Select(admin.element("change:username"))
          .selectByValue("opal");
      setRoles(admin, "change:roles", "OPERATOR");
      admin.click("change:enabled").click("change:submit");
      admin.waitFor(d -> d.getPageSource().contains("Changed opal"));
      assertThat(admin.element("people").getText()).contains("disabled");
      assertThat(
              Http.sendAsIs(
                      java.net.http.HttpRequest.newBuilder(URI.create(server + "api/tasks"))
                          .header("Authorization", Http.basic("opal", PASSWORD))
                          .build())
                  .statusCode())
          .as("disabled opal")
          .isEqualTo(401);
      new org.openqa.selenium.support.ui.Select(admin.element("change:username"))
          .selectByValue("opal");
      setRoles(admin, "change:roles", "OPERATOR");
      assertThat(admin.element("change:enabled").isSelected())
          .as("'may sign in' ticked by default")
          .isTrue();
      admin.submit("change:submit"); // the page says "Changed opal" already
      admin.waitFor(d -> d.getPageSource().contains("Changed opal"));
      assertThat(admin.element("people").getText()).doesNotContain("disabled");

      admin.open("console/operations/audit.xhtml?actor=admin");
      assertThat(admin.element("entries").getText())
          .contains("PERSON_CREATED", "rita", "abe", "opal", "PASSWORD_RESET", "PERSON_CHANGED");
      admin.screenshot("audit");
    }
  }

  /**
   * rita (REQUESTER), abe (APPROVER) and opal (OPERATOR), as {@link #adminAddsPeople} makes them in
   * the console: made over the API when a check runs without it (alone), left as they are
   * otherwise.
   */
  void ensurePeople() {
    for (String[] person :
        new String[][] {{"rita", "REQUESTER"}, {"abe", "APPROVER"}, {"opal", "OPERATOR"}}) {
      ensurePerson(server, person[0], person[1]);
    }
  }

  /** A person with the console's password and one role, made over the API (as admin) if missing. */
  static void ensurePerson(String server, String username, String role) {
    if (Http.get(server + "api/people/" + username).statusCode() == 200) {
      return;
    }
    String body =
        jakarta.json.Json.createObjectBuilder()
            .add("username", username)
            .add("password", PASSWORD)
            .add("roles", jakarta.json.Json.createArrayBuilder().add(role))
            .build()
            .toString();
    HttpResponse<String> created = Http.postJson(server + "api/people", body);
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
  }

  private static void setRoles(Browser browser, String name, String role) {
    for (WebElement box : browser.all(By.cssSelector("input[name='" + name + "']"))) {
      if (box.isSelected() != box.getAttribute("value").equals(role)) {
        box.click();
      }
    }
  }

  /** Scenario 1: a vague request, submitted and clarified in the browser, becomes a PRD. */
  String requesterSubmitsAVagueRequestAndAnswersTheClarification() {
    String title = "Better reports " + System.nanoTime();
    try (Browser rita = new Browser(server).signIn("rita", PASSWORD)) {
      rita.click("nav-new")
          .type("request:title", title)
          .type("request:description", "Reports should be nicer.");
      rita.screenshot("new-request");
      rita.click("request:submit");
      rita.waitFor(d -> d.getPageSource().contains("Request submitted as task"));
      rita.screenshot("tasks");
      String id = tasks.idByTitle(title);
      tasks.await(id, task -> task.getString("status").equals("CLARIFICATION_NEEDED"));

      for (int round = 1; !tasks.status(id).equals("PRD_VALIDATION"); round++) {
        assertThat(round).as("clarification rounds").isLessThanOrEqualTo(3);
        rita.open("console/tasks/detail.xhtml?id=" + id).click("to-clarify");
        rita.waitFor(d -> d.getCurrentUrl().contains("clarify.xhtml"));
        assertThat(rita.all(By.cssSelector("input[type=radio]:checked")))
            .as("recommendations preselected")
            .isNotEmpty();
        WebElement firstText = rita.all(By.tagName("textarea")).getFirst();
        firstText.sendKeys("Monthly, as a CSV for finance.");
        rita.screenshot("clarification");
        rita.click("answers:send");
        rita.waitFor(d -> d.getPageSource().contains("Answers sent"));
        int answered = round;
        tasks.await(
            id,
            task ->
                task.getInt("clarificationRound") > answered
                    || !task.getString("status").equals("CLARIFICATION_NEEDED")
                        && !task.getString("status").equals("REQUEST_VALIDATION"));
      }
      JsonObject details = tasks.details(id);
      assertThat(details.getJsonArray("clarifications").getJsonObject(0).getString("answeredBy"))
          .isEqualTo("rita");
      return id;
    }
  }

  /** Scenario 2: the approver rejects with a reason, reads the revision and its diff, approves. */
  void approverRejectsSeesTheRevisedPrdAndItsDiffThenApproves(String id) {
    try (Browser abe = new Browser(server).signIn("abe", PASSWORD)) {
      abe.click("nav-review");
      assertThat(abe.text()).contains("PRDs waiting for review");
      abe.open("console/review/prd.xhtml?id=" + id);
      assertThat(abe.has("changes")).as("a changes panel on the first revision").isFalse();
      assertThat(abe.element("document").getText())
          .as("acceptance criteria as Given / When / Then lines, not JSON")
          .contains("Given ", "When ", "Then ")
          .doesNotContain("{\"given\"", "Done when:");
      abe.click("rejection:reject");
      abe.waitFor(d -> d.getPageSource().contains("A rejection needs a reason"));
      abe.type("rejection:reason", "Say which reports and who reads them.");
      abe.screenshot("review");
      abe.click("rejection:reject");
      abe.waitFor(d -> d.getPageSource().contains("Sent back with your reason"));
      tasks.await(
          id,
          task ->
              task.getString("status").equals("PRD_VALIDATION") && task.getInt("prdRevision") == 2);

      abe.open("console/review/prd.xhtml?id=" + id);
      assertThat(abe.element("revision").getText()).isEqualTo("2");
      assertThat(abe.element("previous-reason").getText())
          .isEqualTo("Say which reports and who reads them.");
      assertThat(abe.all(By.cssSelector("#diff .ADDED"))).as("added lines").isNotEmpty();
      assertThat(abe.element("diff").getText()).contains("Say which reports and who reads them.");
      abe.screenshot("review-diff");
      abe.click("approval:approve");
      abe.waitFor(d -> d.getPageSource().contains("Approved: the PRD is final."));
      tasks.await(id, task -> task.getString("status").equals("PRD_APPROVED"));
      String title = tasks.details(id).getJsonObject("task").getString("title");
      abe.open(
          "console/tasks/list.xhtml?status=PRD_APPROVED&requester=rita&q="
              + URLEncoder.encode(title, StandardCharsets.UTF_8));
      assertThat(abe.element("table").getText()).contains(title);
      abe.open(
          "console/tasks/list.xhtml?status=CANCELLED&q="
              + URLEncoder.encode(title, StandardCharsets.UTF_8));
      assertThat(abe.element("table").getText()).doesNotContain(title);
      abe.open("console/tasks/list.xhtml?priority=MEDIUM&requester=nobody-" + System.nanoTime());
      assertThat(abe.element("total").getText()).isEqualTo("0 found");
      abe.open("console/tasks/detail.xhtml?id=" + id);
      assertThat(abe.element("task-status").getText()).isEqualTo("PRD_APPROVED");
      assertThat(abe.element("timeline").getText())
          .contains("PrdRejected", "PrdApproved", "by abe");
      JsonObject firstRound = tasks.details(id).getJsonArray("clarifications").getJsonObject(0);
      JsonObject answer = firstRound.getJsonArray("answers").getJsonObject(0);
      JsonObject asked =
          firstRound.getJsonArray("questions").getValuesAs(JsonObject.class).stream()
              .filter(q -> q.getString("id").equals(answer.getString("questionId")))
              .findFirst()
              .orElseThrow();
      String label =
          asked.getJsonArray("options").getValuesAs(JsonObject.class).stream()
              .filter(o -> o.getString("id").equals(answer.getString("optionId")))
              .map(o -> o.getString("label"))
              .findFirst()
              .orElseThrow();
      assertThat(label).as("the option's label").isNotEqualTo(answer.getString("optionId"));
      assertThat(abe.element("clarifications").getText())
          .as("the answer by its option's label, not its id")
          .contains("Answer: " + label)
          .doesNotContain("Answer: " + answer.getString("optionId"));
      abe.screenshot("task-detail");
    }
    JsonObject details = tasks.details(id);
    assertThat(details.getJsonArray("prds")).hasSize(2);
    assertThat(details.getJsonArray("prds").getJsonObject(0).getString("rejectedBy"))
        .isEqualTo("abe");
  }

  /**
   * Scenario 3: a message from another AMQP client that is not what its type says (broken JSON) is
   * dead-lettered with its reason; the operator reads it and replays it; the audit log says who.
   * Beside it, a message with no message id at all and a command type no queue is bound to
   * (unroutable) are dead letters too, and none stalls the queue.
   */
  void operatorReplaysADeadLetterAndTheAuditLogShowsWho(String vhost) throws Exception {
    String marker = "unreadable-" + System.nanoTime();
    try (ForeignClient client = new ForeignClient(vhost)) {
      client
          .publish("", "refinery.taskmanagement", null, "no headers at all")
          .publish(
              "",
              "refinery.taskmanagement",
              ForeignClient.typed("taskmanagement.CreateTask", null),
              "{\"title\": \"" + marker + "\", broken")
          // a command type no context subscribes to: the alternate exchange parks it, it becomes a
          // dead letter
          .publish(
              "refinery.commands",
              "taskmanagement.NoSuchCommand",
              ForeignClient.typed("taskmanagement.NoSuchCommand", null),
              "{}");
    }
    String after = tasks.waitingForReview(); // the queue still flows after both
    assertThat(after).isNotNull();

    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.open("console/operations/dead-letters.xhtml");
      String unroutable = "no queue is bound to type taskmanagement.NoSuchCommand";
      await("the malformed and the unroutable messages on the dead letters page")
          .atMost(Duration.ofSeconds(30))
          .pollInterval(Duration.ofMillis(500))
          .until(
              () -> opal.open("console/operations/dead-letters.xhtml").text(),
              page -> page.contains("Malformed") && page.contains(unroutable));
      assertThat(opal.text())
          .as("the unroutable command among the dead letters, with its reason")
          .contains(unroutable);
      WebElement row =
          opal.all(By.cssSelector("#letters\\:table tr.ui-widget-content")).stream()
              .filter(tr -> tr.getText().contains("Malformed"))
              .findFirst()
              .orElseThrow(() -> new AssertionError("no dead letter on the page: " + opal.text()));
      row.findElement(By.cssSelector(".ui-row-toggler")).click();
      opal.waitFor(d -> d.getPageSource().contains(marker));
      opal.screenshot("dead-letters");
      row.findElement(By.cssSelector(".ui-chkbox-box")).click();
      opal.confirmingEverything().click("letters:replay");
      opal.waitFor(d -> d.getPageSource().contains("1 dead letter replayed."));
      assertThat(opal.asked()).containsExactly("Replay the 1 selected dead letters?");
      opal.open("console/operations/audit.xhtml?actor=opal");
      assertThat(opal.element("entries").getText()).contains("DEAD_LETTER_REPLAYED", "opal");
      opal.screenshot("audit-replay");
      opal.open("console/operations/failed.xhtml").screenshot("failed");
      opal.open("console/operations/alerts.xhtml").screenshot("alerts");
    }
  }

  /**
   * Scenario 4: a requester has no approve button, cannot open the review, and a forged POST is
   * refused.
   */
  void requesterCannotApprove(String id) throws Exception {
    try (Browser rita = new Browser(server).signIn("rita", PASSWORD)) {
      rita.open("console/tasks/detail.xhtml?id=" + id);
      assertThat(rita.has("to-review")).as("review button for a requester").isFalse();
      assertThat(rita.has("nav-review")).isFalse();
      rita.open("console/review/prd.xhtml?id=" + id);
      assertThat(rita.text()).contains("Not allowed");
      rita.screenshot("forbidden");

      HttpResponse<String> forged =
          Http.sendAsIs(
              HttpRequest.newBuilder(URI.create(server + "console/review/prd.xhtml?id=" + id))
                  .header("Cookie", rita.sessionCookie())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "approval=approval&approval%3Aapprove=Approve"))
                  .build());
      assertThat(forged.statusCode()).as("forged console POST").isEqualTo(403);

      // Her own form, posted from elsewhere: without the page's view state Faces refuses it (CSRF).
      String marker = "Forged " + System.nanoTime();
      HttpResponse<String> crossSite =
          Http.sendAsIs(
              HttpRequest.newBuilder(URI.create(server + "console/requests/new.xhtml"))
                  .header("Cookie", rita.sessionCookie())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      HttpRequest.BodyPublishers.ofString(
                          "request=request&request%3Atitle="
                              + URLEncoder.encode(marker, StandardCharsets.UTF_8)
                              + "&request%3Adescription=x&request%3Apriority=LOW&request%3Asubmit=Submit&"
                              + "jakarta.faces.ViewState=guessed"))
                  .build());
      assertThat(crossSite.headers().firstValue("Location").orElse(""))
          .doesNotContain("tasks/list");
      Thread.sleep(1_000);
      assertThat(
              Http.json(
                      Http.get(
                          server
                              + "api/tasks?q="
                              + URLEncoder.encode(marker, StandardCharsets.UTF_8)))
                  .getJsonNumber("total")
                  .longValue())
          .as("tasks made by the cross-site post")
          .isZero();
    }
    HttpResponse<String> api =
        Http.sendAsIs(
            HttpRequest.newBuilder(URI.create(server + "api/tasks/" + id + "/approval"))
                .header("Authorization", Http.basic("rita", PASSWORD))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString("{\"by\":\"rita\"}"))
                .build());
    assertThat(api.statusCode()).as("approval through the API by a requester").isEqualTo(403);
    assertThat(api.body()).contains("APPROVER");
    Thread.sleep(1_000);
    assertThat(tasks.status(id)).isEqualTo("PRD_VALIDATION");
  }

  /** Scenario 5: a title with a script tag is shown as text and never runs. */
  void titleWithScriptRendersAsText() {
    String title = "<script>window.refineryXss=1</script>Shiny " + System.nanoTime();
    String id = tasks.submit(title, RefineryEarIT.COMPLETE, "LOW", "rita");
    tasks.await(id, task -> true);
    try (Browser admin = new Browser(server).signIn("admin", Http.ADMIN_PASSWORD)) {
      admin.open(
          "console/tasks/list.xhtml?q=" + URLEncoder.encode("Shiny", StandardCharsets.UTF_8));
      assertThat(admin.text()).contains(title);
      admin.open("console/tasks/detail.xhtml?id=" + id);
      assertThat(admin.element("task-title").getText()).isEqualTo(title);
      assertThat(admin.script("return window.refineryXss === undefined")).isEqualTo(true);
      admin.screenshot("escaped-title");
    }
  }

  /**
   * The dashboard takes in a new task by itself: its tiles count it while the page stays loaded.
   */
  void dashboardUpdatesWithoutAReload() {
    try (Browser admin = new Browser(server).signIn("admin", Http.ADMIN_PASSWORD)) {
      admin.open("console/dashboard.xhtml");
      admin.script("window.refineryLoaded = 'once'");
      long before = tasksOnTiles(admin);
      tasks.submit("Live " + System.nanoTime(), RefineryEarIT.COMPLETE, "LOW", "rita");
      admin.waitFor(d -> tasksOnTiles(admin) > before);
      assertThat(admin.script("return window.refineryLoaded"))
          .as("the same page, not a reload")
          .isEqualTo("once");
    }
  }

  private static long tasksOnTiles(Browser browser) {
    return browser.all(By.cssSelector(".tile-count")).stream()
        .mapToLong(tile -> Long.parseLong(tile.getText().strip()))
        .sum();
  }

  /** A PRD waiting for review, made through the API. */
  /**
   * Notifications in the console: the approvers' "PRD waits for review" lands in the bell of an
   * approver, who opens the list and marks it read (the count drops), then marks the rest read (the
   * badge goes); the requester's bell never shows the approvers' inbox.
   */
  void notificationsArriveInTheConsoleAndAreMarkedRead() {
    String id = tasks.waitingForReview();
    String title = tasks.details(id).getJsonObject("task").getString("title");
    String subject = "PRD revision 1 of \"" + title + "\" waits for review";
    try (Browser abe = new Browser(server).signIn("abe", PASSWORD)) {
      assertThat(abe.has("unread")).as("the bell's unread badge").isTrue();
      long before = Long.parseLong(abe.element("unread").getText().strip());
      assertThat(before).isPositive();
      abe.click("nav-bell");
      abe.waitFor(d -> d.getCurrentUrl().contains("notifications.xhtml"));
      assertThat(abe.text()).contains(subject);
      abe.screenshot("notifications");
      WebElement page = abe.element("list");
      abe.all(
              By.xpath(
                  "//li[@class='unread' and contains(., '"
                      + title
                      + "')]//input[@value='Mark as read']"))
          .getFirst()
          .click();
      abe.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
      assertThat(abe.all(By.xpath("//li[@class='read' and contains(., '" + title + "')]")))
          .as("the notification, now read")
          .isNotEmpty();
      assertThat(abe.all(By.xpath("//li[@class='unread' and contains(., '" + title + "')]")))
          .as("still unread")
          .isEmpty();
      long after = abe.has("unread") ? Long.parseLong(abe.element("unread").getText().strip()) : 0;
      assertThat(after).as("unread after marking one").isLessThan(before);
      if (after > 0) {
        abe.submit("all:mark-all");
        assertThat(abe.text()).contains("marked read");
      }
      assertThat(abe.has("unread")).as("the badge once everything is read").isFalse();
    }
    try (Browser rita = new Browser(server).signIn("rita", PASSWORD)) {
      rita.open("console/notifications.xhtml");
      assertThat(rita.text()).as("the approvers' inbox, to a requester").doesNotContain(subject);
    }
  }

  /** A task of rita's whose first PRD waits for review. */
  String taskWaitingForReview() {
    return tasks.waitingForReview();
  }
}
