package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.testing.Http;
import java.net.http.HttpResponse;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * The approvers' own work in the console: claiming from the queue, who holds a review, deciding
 * over someone's claim only after a confirmation, losing a race and being told so, and an operator
 * assigning a review to an approver who finds it in their notifications.
 */
final class ReviewChecks {

  private static final String PASSWORD = ConsoleChecks.PASSWORD;

  /** A second approver, beside {@code abe}. */
  static final String AVA = "ava";

  private final String server;
  private final ConsoleTasks tasks;

  ReviewChecks(String server) {
    this.server = server;
    this.tasks = new ConsoleTasks(server);
  }

  /**
   * abe claims a review from the unassigned list and finds it under "mine"; ava sees that he holds
   * it, is asked before deciding and leaves it to him; both then decide at once from pages opened
   * before either decided: abe's approval goes through, ava's rejection is refused naming abe, and
   * nothing is dead-lettered.
   */
  void approversClaimAndTheLoserOfARaceIsToldPlainly() {
    ensureAva();
    String id = tasks.waitingForReview();
    String title = tasks.details(id).getJsonObject("task").getString("title");
    try (Browser abe = new Browser(server).signIn("abe", PASSWORD);
        Browser ava = new Browser(server).signIn(AVA, PASSWORD)) {
      abe.open("console/review/queue.xhtml?filter=unassigned");
      WebElement row = row(abe, title);
      assertThat(row.findElement(By.className("holder")).getText()).isEqualTo("nobody");
      assertThat(row.findElement(By.className("due")).getText())
          .as("due when the service levels escalate (P1D by default)")
          .startsWith("in ");
      WebElement page = abe.element("queue");
      row.findElement(By.className("claim")).click();
      abe.waitFor(org.openqa.selenium.support.ui.ExpectedConditions.stalenessOf(page));
      assertThat(abe.text()).contains("You hold the review of \"" + title + "\" now.");
      abe.open("console/review/queue.xhtml?filter=mine");
      assertThat(row(abe, title).findElement(By.className("holder")).getText()).isEqualTo("abe");
      abe.screenshot("review-queue-mine");
      abe.open("console/review/queue.xhtml?filter=unassigned");
      assertThat(abe.element("queue:waiting").getText()).doesNotContain(title);

      ava.open("console/review/prd.xhtml?id=" + id);
      assertThat(ava.element("holder").getText()).startsWith("abe holds this review since");
      assertThat(ava.has("holding:claim")).as("a claim button on a held review").isFalse();
      ava.submit("approval:approve");
      assertThat(ava.element("confirm:question").getText())
          .startsWith("abe holds this review since")
          .endsWith("Approve it anyway?");
      ava.screenshot("review-held-by-another");
      ava.submit("confirm:keep");
      assertThat(ava.has("confirm")).isFalse();
      assertThat(tasks.status(id)).isEqualTo("PRD_VALIDATION");

      abe.open("console/review/prd.xhtml?id=" + id);
      assertThat(abe.element("holder").getText()).startsWith("You hold this review since");
      ava.open("console/review/prd.xhtml?id=" + id);
      ava.type("rejection:reason", "Needs numbers.");
      abe.submit("approval:approve");
      ava.submit("rejection:reject");
      if (ava.has("confirm")) { // abe's approval has not come back from Task Management yet
        ava.submit("confirm:reject-anyway");
      }
      assertThat(ava.text())
          .contains("abe approved the PRD of task " + id)
          .contains("before you: your rejection was not sent");
      assertThat(ava.has("approval:approve")).as("a decision form after losing").isFalse();
      assertThat(ava.element("decided").getText()).startsWith("Someone decided on this PRD first");
      ava.screenshot("review-race-lost");
    }
    tasks.await(id, task -> task.getString("status").equals("PRD_APPROVED"));
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.open("console/operations/dead-letters.xhtml?task=" + id);
      assertThat(opal.element("letters-total").getText())
          .as("the loser's command, which used to be dead-lettered")
          .startsWith("0 open dead letters match");
      opal.open("console/operations/audit.xhtml?actor=abe");
      assertThat(opal.element("entries").getText()).contains("REVIEW_CLAIMED", "PRD_APPROVED");
    }
  }

  /**
   * opal (OPERATOR) reads the queue and the review page without the decision forms, assigns the
   * review to ava, who finds it in her notifications and under "mine"; a requester gets neither
   * page, nor the assignment by a forged post.
   */
  void operatorAssignsAReviewToAnApprover() {
    ensureAva();
    String id = tasks.waitingForReview();
    String title = tasks.details(id).getJsonObject("task").getString("title");
    try (Browser opal = new Browser(server).signIn("opal", PASSWORD)) {
      opal.click("nav-review");
      opal.waitFor(d -> d.getCurrentUrl().contains("queue.xhtml"));
      assertThat(opal.all(By.cssSelector("#queue\\:waiting .claim")))
          .as("claim buttons for an operator")
          .isEmpty();
      opal.open("console/review/prd.xhtml?id=" + id);
      assertThat(opal.has("approval:approve")).isFalse();
      assertThat(opal.has("rejection:reject")).isFalse();
      new Select(opal.element("assigning:assignee")).selectByVisibleText(AVA);
      opal.submit("assigning:assign");
      assertThat(opal.element("holder").getText())
          .startsWith("ava holds this review since")
          .endsWith("(assigned by opal).");
      opal.screenshot("review-assigned");
      opal.open("console/tasks/detail.xhtml?id=" + id);
      assertThat(opal.element("review-holder").getText())
          .startsWith("Its review is held by ava since");
    }
    try (Browser ava = new Browser(server).signIn(AVA, PASSWORD)) {
      ava.open("console/notifications.xhtml");
      assertThat(ava.element("list").getText()).contains("opal asked you to review PRD revision");
      ava.open("console/review/queue.xhtml?filter=mine");
      assertThat(row(ava, title).findElement(By.className("holder")).getText()).isEqualTo(AVA);
      assertThat(row(ava, title).findElements(By.className("release")))
          .as("ava may release the review she was given")
          .hasSize(1);
    }
    try (Browser rita = new Browser(server).signIn("rita", PASSWORD)) {
      rita.open("console/review/prd.xhtml?id=" + id);
      assertThat(rita.text()).doesNotContain("Who reviews it");
      HttpResponse<String> forged =
          Http.sendAsIs(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(server + "console/review/prd.xhtml?id=" + id))
                  .header("Cookie", rita.sessionCookie())
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(
                      java.net.http.HttpRequest.BodyPublishers.ofString(
                          "assigning=assigning&assigning%3Aassignee=rita&assigning%3Aassign=x"))
                  .build());
      assertThat(forged.statusCode()).as("an assignment forged by a requester").isEqualTo(403);
    }
  }

  /** The queue's row of the task titled so. */
  /** The review queue's row of the task with this title (the page is open in the browser). */
  static WebElement row(Browser browser, String title) {
    return browser
        .all(By.xpath("//tbody[@id='queue:waiting_data']/tr[.//a[text()='" + title + "']]"))
        .stream()
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no row for " + title + " in " + browser.element("queue:waiting").getText()));
  }

  /** ava, a second approver, made over the API when missing. */
  private void ensureAva() {
    ConsoleChecks.ensurePerson(server, AVA, "APPROVER");
  }
}
