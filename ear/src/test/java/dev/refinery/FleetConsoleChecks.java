package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The operators' view of the fleet and their hand on a task's agent: the Fleet page (instances,
 * queues from the broker, the outbox) and running the agent again from the task page.
 */
final class FleetConsoleChecks {

  private static final String PASSWORD = ConsoleChecks.PASSWORD;

  private final String server;
  private final ConsoleTasks tasks;

  FleetConsoleChecks(String server) {
    this.server = server;
    this.tasks = new ConsoleTasks(server);
  }

  /**
   * opal reads the fleet: the server as a live instance with its version and agent slots, each
   * context's queue with the broker's consumers, the outbox; rita finds no Fleet link.
   */
  void operatorSeesTheFleet() {
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.click("nav-fleet");
      opal.waitFor(d -> d.getCurrentUrl().contains("fleet.xhtml"));
      // the server beats every 10 s from its start: read again until its first beat is there
      By liveRows = By.xpath("//tbody[@id='instances_data']/tr[not(contains(@class, 'gone'))]");
      opal.waitFor(
          d -> {
            opal.open("console/operations/fleet.xhtml");
            return !opal.all(liveRows).isEmpty();
          });
      List<WebElement> live = opal.all(liveRows);
      WebElement server = live.getFirst();
      assertThat(server.findElement(By.className("slots")).getText()).matches("\\d+ of \\d+");
      assertThat(server.findElement(By.className("version")).getText())
          .as("the build's version")
          .matches("\\d+\\.\\d+\\.\\d+.*");
      assertThat(server.findElement(By.className("ticks")).getText())
          .as("the background work registered by now (the detector's first tick comes later)")
          .contains("scanner", "poller");
      for (String queue :
          List.of(
              "refinery.taskmanagement",
              "refinery.humaninteraction",
              "refinery.productdefinition",
              "refinery.orchestration")) {
        WebElement row =
            opal.all(By.xpath("//tbody[@id='queues_data']/tr[.//span[text()='" + queue + "']]"))
                .getFirst();
        assertThat(Long.parseLong(row.findElement(By.className("consumers")).getText()))
            .as("the broker's consumers of " + queue)
            .isPositive();
        assertThat(row.findElement(By.className("depth")).getText()).matches("\\d+");
      }
      assertThat(opal.element("outbox").getText()).contains("waiting to be published");
      opal.screenshot("fleet");
    }
    try (Browser rita = new Browser(server).signIn("rita", PASSWORD)) {
      assertThat(rita.has("nav-fleet")).isFalse();
    }
  }

  /**
   * With the poller paused a task's agent work waits READY; opal has the agent run again from the
   * task page (in the audit log), the poller resumes and the task reaches review. An approver sees
   * no such form.
   */
  void operatorRunsTheAgentAgain() {
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.open("console/operations/work.xhtml");
      clickAndWait(opal, ".pause-poller");
      String id;
      try {
        id =
            tasks.submit(
                "Run again " + System.nanoTime(), RefineryEarIT.COMPLETE, "MEDIUM", "rita");
        tasks.await(id, task -> task.getString("status").equals("REQUEST_VALIDATION"));
        String page = "console/tasks/detail.xhtml?id=" + id;
        opal.waitFor(d -> "READY".equals(workStatus(opal, page)));
        assertThat(opal.has("run-again:submit")).isTrue();
        opal.screenshot("task-run-again");
        opal.submit("run-again:submit");
        assertThat(opal.text()).contains("The agent runs again on this task now.");
      } finally {
        opal.open("console/operations/work.xhtml");
        clickAndWait(opal, ".resume-poller");
      }
      tasks.await(id, task -> task.getString("status").equals("PRD_VALIDATION"));
      opal.open("console/operations/audit.xhtml?actor=opal");
      assertThat(opal.element("entries").getText()).contains("AGENT_RUN_AGAIN", id);
      try (Browser abe = new Browser(server).signIn("abe", PASSWORD)) {
        abe.open("console/tasks/detail.xhtml?id=" + id);
        assertThat(abe.has("run-again")).isFalse();
      }
    }
  }

  /** The agent work's status on the task page, read afresh. */
  private static String workStatus(Browser browser, String page) {
    browser.open(page);
    return browser.has("work-status") ? browser.element("work-status").getText() : "";
  }

  private static void clickAndWait(Browser browser, String css) {
    WebElement page = browser.element("work");
    browser.all(By.cssSelector(css)).getFirst().click();
    browser.waitFor(ExpectedConditions.stalenessOf(page));
  }
}
