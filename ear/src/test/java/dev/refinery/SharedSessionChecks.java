package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Console sessions kept in Payara's data grid (REFINERY_DATA_GRID=on), shared by the server and a
 * Payara Micro worker: a person signed in on one instance continues on another with the same
 * cookie, outlives the instance that made the session, and signs out everywhere at once.
 */
final class SharedSessionChecks {

  private static final String PASSWORD = ConsoleChecks.PASSWORD;

  /**
   * An approver of this check's own: the console's story adds rita, abe and opal itself, after the
   * class's other tests.
   */
  private static final String SAL = "sal";

  private final String server;
  private final String worker;
  private final ConsoleTasks tasks;

  SharedSessionChecks(String server, String worker) {
    this.server = server;
    this.worker = worker;
    this.tasks = new ConsoleTasks(server);
  }

  /** What the check needs done to the server, the instance that makes the session. */
  interface Server {
    void stop();

    void start();
  }

  /**
   * sal works through one address, as behind a load balancer that does not keep her on one
   * instance. She signs in on the server; the worker shows her a PRD and takes her approval, and
   * the server shows the page after it, with the approval's message. The server shows her the
   * review queue, and the worker takes her claim of a row. The server shows her a second PRD and
   * stops; her approval, posted from the page the server rendered, reaches the worker, which
   * restores the page from the grid and approves. She signs out there, and the server, started
   * again, knows the session no more.
   */
  void aSessionFollowsItsPersonAndOutlivesTheInstanceThatMadeIt(Server serverControl) {
    ConsoleChecks.ensurePerson(server, SAL, "APPROVER");
    String first = tasks.waitingForReview();
    String second = tasks.waitingForReview();
    try (OneAddress balancer = new OneAddress(server);
        Browser sal = new Browser(balancer.base()).signIn(SAL, PASSWORD)) {
      String session = sal.sessionCookie();
      assertThat(session).as("a session cookie from the server").isNotNull();

      balancer.sendTo(worker);
      sal.open("console/review/prd.xhtml?id=" + first);
      assertThat(sal.url()).as("signed in on the worker").doesNotContain("login.xhtml");
      assertThat(sal.element("session:who").getText()).isEqualTo(SAL);
      balancer.afterRedirectSendTo(server);
      sal.submit("approval:approve");
      assertThat(sal.element("messages").getText())
          .as("the server shows the message of the approval the worker took")
          .contains("Approved: the PRD is final.");
      tasks.await(first, task -> task.getString("status").equals("PRD_APPROVED"));
      assertThat(sal.sessionCookie()).as("the same session, no new one").isEqualTo(session);
      sal.screenshot("session-continued-on-worker");

      // A page with a view-scoped bean: the server shows the queue, the worker takes the claim of
      // one of its rows (the bean and the rows it showed come from the grid).
      String title = tasks.details(second).getJsonObject("task").getString("title");
      sal.open("console/review/queue.xhtml?filter=unassigned");
      WebElement row = ReviewChecks.row(sal, title);
      WebElement page = sal.element("queue");
      balancer.sendTo(worker);
      row.findElement(By.className("claim")).click();
      sal.waitFor(ExpectedConditions.stalenessOf(page));
      assertThat(sal.text())
          .as("the worker finished the queue the server showed")
          .contains("You hold the review of \"" + title + "\" now.");

      balancer.sendTo(server);
      sal.open("console/review/prd.xhtml?id=" + second);
      assertThat(sal.element("session:who").getText()).isEqualTo(SAL);
      serverControl.stop();
      balancer.sendTo(worker);
      sal.submit("approval:approve");
      assertThat(sal.url())
          .as("after the approval the server's page posted to the worker: still signed in")
          .doesNotContain("login.xhtml");
      assertThat(sal.element("messages").getText())
          .as("the worker restored the server's page from the grid and approved")
          .contains("Approved: the PRD is final.");
      new ConsoleTasks(worker)
          .await(second, task -> task.getString("status").equals("PRD_APPROVED"));

      sal.click("session:sign-out");
      sal.waitFor(driver -> driver.getCurrentUrl().contains("login.xhtml"));
      serverControl.start();
      balancer.sendTo(server);
      sal.open("console/dashboard.xhtml");
      assertThat(sal.url())
          .as("signed out on the worker: the session ended on the server too")
          .contains("login.xhtml");
    }
  }
}
