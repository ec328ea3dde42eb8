package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

/**
 * The operators' console beyond dead letter replay: where a task is now, intervening (background
 * work, cancelling a live task), and dead letters at scale.
 */
final class OperatorConsoleChecks {

  private static final String PASSWORD = ConsoleChecks.PASSWORD;

  /** The open, unacknowledged alert about dead letters waiting. */
  private static final By DEAD_LETTERS_ALERT =
      By.xpath(
          "//ul[@id='open']/li[@class='unacknowledged' and contains(., 'dead letter(s) wait')]");

  private final String server;
  private final ConsoleTasks tasks;

  OperatorConsoleChecks(String server) {
    this.server = server;
    this.tasks = new ConsoleTasks(server);
  }

  /**
   * Where a task is now, for operators: its agent work, open alerts and dead letters beside the
   * timeline; the section is not there for its requester or an approver.
   */
  void operatorSeesWhereATaskIsNow() {
    String id = tasks.waitingForReview();
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.open("console/tasks/detail.xhtml?id=" + id);
      assertThat(opal.element("where").getText())
          .contains("Agent work", "Open alerts", "Dead letters");
      assertThat(opal.element("work-status").getText())
          .as("the agent's work once the PRD waits for review")
          .isEqualTo("WAITING");
      opal.screenshot("task-where");
    }
    for (String person : List.of("rita", "abe")) {
      try (Browser browser = new Browser(server).signIn(person, PASSWORD)) {
        browser.open("console/tasks/detail.xhtml?id=" + id);
        assertThat(browser.has("task-title")).isTrue();
        assertThat(browser.has("where")).as("where-it-is-now for %s", person).isFalse();
      }
    }
  }

  /**
   * An operator intervenes: pauses, resumes and runs the detector now (each in the audit log), and
   * cancels a task that waits for its requester, with a reason. The cancel form is there for the
   * task's requester too, not for an approver.
   */
  void operatorPausesBackgroundWorkAndCancelsALiveTask() {
    String title = "Cancellable " + System.nanoTime();
    String id = tasks.submit(title, "Reports should be nicer.", "LOW", "rita");
    tasks.await(id, task -> task.getString("status").equals("CLARIFICATION_NEEDED"));
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.click("nav-work");
      opal.waitFor(d -> d.getCurrentUrl().contains("work.xhtml"));
      assertThat(opal.all(By.cssSelector(".state-detector")).getFirst().getText())
          .isEqualTo("running");
      clickAndWait(opal, ".pause-detector");
      assertThat(opal.all(By.cssSelector(".state-detector")).getFirst().getText())
          .isEqualTo("paused");
      opal.screenshot("background-work");
      clickAndWait(opal, ".resume-detector");
      assertThat(opal.all(By.cssSelector(".state-detector")).getFirst().getText())
          .isEqualTo("running");
      clickAndWait(opal, ".run-detector");
      assertThat(opal.text()).contains("woken to run now");
      opal.open("console/operations/audit.xhtml?actor=opal");
      assertThat(opal.element("entries").getText())
          .contains("WORK_PAUSED", "WORK_RESUMED", "WORK_RUN_NOW", "detector");

      opal.open("console/tasks/detail.xhtml?id=" + id);
      opal.all(By.cssSelector("#cancel summary")).getFirst().click();
      opal.submit("cancel:submit");
      assertThat(opal.text()).as("a cancel without a reason").contains("Cancelling needs a reason");
      assertThat(tasks.status(id)).isEqualTo("CLARIFICATION_NEEDED");
      opal.all(By.cssSelector("#cancel summary")).getFirst().click();
      opal.type("cancel:reason", "Asked twice; the requester filed a clearer one.");
      opal.submit("cancel:submit");
      tasks.await(id, task -> task.getString("status").equals("CANCELLED"));
      opal.open("console/tasks/detail.xhtml?id=" + id);
      assertThat(opal.element("timeline").getText()).contains("CANCELLED", "opal");
      assertThat(opal.has("cancel")).as("the cancel form of an ended task").isFalse();
    }
    String live =
        tasks.submit("Still live " + System.nanoTime(), "Reports should be nicer.", "LOW", "rita");
    tasks.await(live, task -> task.getString("status").equals("CLARIFICATION_NEEDED"));
    try (Browser rita = new Browser(server).signIn("rita", PASSWORD)) {
      rita.open("console/tasks/detail.xhtml?id=" + live);
      assertThat(rita.has("cancel")).as("the cancel form, to the task's requester").isTrue();
    }
    try (Browser abe = new Browser(server).signIn("abe", PASSWORD)) {
      abe.open("console/tasks/detail.xhtml?id=" + live);
      assertThat(abe.has("cancel")).as("the cancel form, to an approver").isFalse();
      assertThat(abe.has("nav-work")).isFalse();
    }
  }

  private static void clickAndWait(Browser browser, String css) {
    WebElement page = browser.element("work");
    browser.all(By.cssSelector(css)).getFirst().click();
    browser.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
  }

  /**
   * Dead letters at scale: a thousand broken messages from another AMQP client (one task id, so the
   * check can find them) land in one group with its count, paged 100 at a time; the operator
   * discards the whole group after a confirmation that says how many, and the audit log has it
   * once.
   */
  void operatorClearsAThousandDeadLettersByGroup(
      String vhost, java.util.function.Supplier<String> diagnosis) throws Exception {
    String marker = java.util.UUID.randomUUID().toString();
    try (ForeignClient client = new ForeignClient(vhost)) {
      for (int i = 0; i < 1000; i++) {
        client.publish(
            "",
            "refinery.taskmanagement",
            ForeignClient.typed("taskmanagement.CreateTask", marker),
            "{\"title\": \"bulk " + i + "\", broken");
      }
    }
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      String ours = "console/operations/dead-letters.xhtml?task=" + marker;
      awaitAllDeadLettered(opal, ours, diagnosis);
      assertThat(opal.all(By.cssSelector("#letters\\:table tbody tr"))).as("one page").hasSize(100);
      opal.click("letters:next");
      opal.waitFor(d -> d.getCurrentUrl().contains("page=1"));
      assertThat(opal.element("letters-total").getText()).contains("page 2, 100 shown");

      opal.open("console/operations/dead-letters.xhtml");
      WebElement group =
          opal.all(By.cssSelector("#groups\\:table tbody tr")).stream()
              .filter(row -> row.getText().contains("taskmanagement.CreateTask"))
              .filter(row -> row.getText().contains("Malformed"))
              .findFirst()
              .orElseThrow(
                  () -> new AssertionError("no group of broken CreateTask: " + opal.text()));
      long count = Long.parseLong(group.findElement(By.cssSelector(".group-count")).getText());
      assertThat(count).as("the group, with the thousand in it").isGreaterThanOrEqualTo(1000);
      opal.screenshot("dead-letter-groups");
      WebElement page = opal.element("groups");
      opal.confirmingEverything();
      group.findElement(By.cssSelector(".discard-group")).click();
      opal.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
      assertThat(opal.asked())
          .singleElement()
          .asString()
          .startsWith("Discard all " + count + " dead letters of taskmanagement.CreateTask (");
      assertThat(opal.text())
          .contains(count + " dead letters of taskmanagement.CreateTask discarded.");
      assertThat(opal.open(ours).element("letters-total").getText())
          .startsWith("0 open dead letters match");
      opal.open("console/operations/audit.xhtml?actor=opal");
      assertThat(opal.element("entries").getText())
          .contains("DEAD_LETTERS_DISCARDED", count + " dead letters");
    }
  }

  /**
   * Waits while the count of the thousand on the page grows: it fails when it stops growing for a
   * minute (a stall, whatever the machine's speed) or has not reached a thousand in five minutes,
   * and then says what the broker and the server were doing. Here the thousand take 6 to 25 s; CI
   * twice saw 842 and 896 after two minutes and kept nothing that said why.
   */
  private static void awaitAllDeadLettered(
      Browser opal, String page, java.util.function.Supplier<String> diagnosis)
      throws InterruptedException {
    long started = System.nanoTime();
    long lastGrowth = started;
    long last = -1;
    while (true) {
      String total = opal.open(page).element("letters-total").getText();
      long count = Long.parseLong(total.substring(0, total.indexOf(' ')));
      if (count >= 1000) {
        return;
      }
      long now = System.nanoTime();
      if (count > last) {
        last = count;
        lastGrowth = now;
      }
      boolean stalled = now - lastGrowth > Duration.ofMinutes(1).toNanos();
      if (stalled || now - started > Duration.ofMinutes(5).toNanos()) {
        throw new AssertionError(
            String.format(
                java.util.Locale.ROOT,
                "%d of a thousand broken messages dead-lettered after %d s (%s); %s",
                count,
                Duration.ofNanos(now - started).toSeconds(),
                stalled ? "no more for a minute" : "still coming",
                diagnosis.get()));
      }
      Thread.sleep(1000);
    }
  }

  /**
   * An operator takes an open alert on: acknowledging without a note is refused; with one, the
   * alert shows who and what they are doing, and the audit log has it. A dead letter is made first,
   * so that the detector has an alert to raise when none is open.
   */
  void operatorAcknowledgesAnAlertWithANote(String vhost) throws Exception {
    ForeignClient.publishNotJson(vhost, "for the alert");
    String note = "Looking at it: replaying once the fix is out " + System.nanoTime();
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      await("the dead letters alert, not yet acknowledged")
          .atMost(Duration.ofSeconds(90))
          .pollInterval(Duration.ofSeconds(2))
          .until(
              () -> opal.open("console/operations/alerts.xhtml").all(DEAD_LETTERS_ALERT).size(),
              count -> count > 0);
      WebElement page = opal.element("open");
      opal.all(DEAD_LETTERS_ALERT)
          .getFirst()
          .findElement(By.cssSelector("input[type=submit]"))
          .click();
      opal.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
      assertThat(opal.text()).as("without a note").contains("needs a note");

      WebElement alert = opal.all(DEAD_LETTERS_ALERT).getFirst();
      String summary = alert.findElement(By.tagName("strong")).getText();
      alert.findElement(By.cssSelector("input.note")).sendKeys(note);
      page = opal.element("open");
      alert.findElement(By.cssSelector("input[type=submit]")).click();
      opal.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
      assertThat(opal.all(By.cssSelector("#open li.acknowledged")))
          .as("the alert, acknowledged, on: %s", opal.text())
          .anySatisfy(
              li -> assertThat(li.getText()).contains(summary, "Acknowledged by opal", note));
      opal.screenshot("alerts-acknowledged");
      opal.open("console/operations/audit.xhtml?actor=opal");
      assertThat(opal.element("entries").getText()).contains("ALERT_ACKNOWLEDGED", note);
    }
  }
}
