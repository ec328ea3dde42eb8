package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

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
   * sal signs in on the server and approves a PRD on the worker with that session; the server
   * stops, and sal approves a second PRD on the worker, still signed in; she signs out there, and
   * the server, started again, knows the session no more.
   */
  void aSessionFollowsItsPersonAndOutlivesTheInstanceThatMadeIt(Server serverControl) {
    ConsoleChecks.ensurePerson(server, SAL, "APPROVER");
    String first = tasks.waitingForReview();
    String second = tasks.waitingForReview();
    try (Browser sal = new Browser(server).signIn(SAL, PASSWORD)) {
      String session = sal.sessionCookie();
      assertThat(session).as("a session cookie from the server").isNotNull();

      sal.moveTo(worker).open("console/review/prd.xhtml?id=" + first);
      assertThat(sal.url()).as("signed in on the worker").doesNotContain("login.xhtml");
      assertThat(sal.element("session:who").getText()).isEqualTo(SAL);
      sal.submit("approval:approve");
      tasks.await(first, task -> task.getString("status").equals("PRD_APPROVED"));
      assertThat(sal.sessionCookie()).as("the same session, no new one").isEqualTo(session);
      sal.screenshot("session-continued-on-worker");

      serverControl.stop();
      sal.open("console/review/prd.xhtml?id=" + second);
      assertThat(sal.url())
          .as("still signed in once the server that made the session stopped")
          .doesNotContain("login.xhtml");
      sal.submit("approval:approve");
      new ConsoleTasks(worker)
          .await(second, task -> task.getString("status").equals("PRD_APPROVED"));

      sal.click("session:sign-out");
      sal.waitFor(driver -> driver.getCurrentUrl().contains("login.xhtml"));
      serverControl.start();
      sal.moveTo(server).open("console/dashboard.xhtml");
      assertThat(sal.url())
          .as("signed out on the worker: the session ended on the server too")
          .contains("login.xhtml");
    }
  }
}
