package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Console sessions kept in Payara's data grid (REFINERY_DATA_GRID=on), shared by the server and a
 * Payara Micro worker: a person signed in on one instance continues on another with the same
 * cookie, outlives the instance that made the session, and signs out everywhere at once.
 */
final class SharedSessionChecks {

  private static final String PASSWORD = ConsoleChecks.PASSWORD;

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
   * abe signs in on the server and approves a PRD on the worker with that session; the server
   * stops, and abe approves a second PRD on the worker, still signed in; he signs out there, and
   * the server, started again, knows the session no more.
   */
  void aSessionFollowsItsPersonAndOutlivesTheInstanceThatMadeIt(Server serverControl) {
    String first = tasks.waitingForReview();
    String second = tasks.waitingForReview();
    try (Browser abe = new Browser(server).signIn("abe", PASSWORD)) {
      String session = abe.sessionCookie();
      assertThat(session).as("a session cookie from the server").isNotNull();

      abe.moveTo(worker).open("console/review/prd.xhtml?id=" + first);
      assertThat(abe.url()).as("signed in on the worker").doesNotContain("login.xhtml");
      assertThat(abe.element("session:who").getText()).isEqualTo("abe");
      abe.submit("approval:approve");
      tasks.await(first, task -> task.getString("status").equals("PRD_APPROVED"));
      assertThat(abe.sessionCookie()).as("the same session, no new one").isEqualTo(session);
      abe.screenshot("session-continued-on-worker");

      serverControl.stop();
      abe.open("console/review/prd.xhtml?id=" + second);
      assertThat(abe.url())
          .as("still signed in once the server that made the session stopped")
          .doesNotContain("login.xhtml");
      abe.submit("approval:approve");
      new ConsoleTasks(worker)
          .await(second, task -> task.getString("status").equals("PRD_APPROVED"));

      abe.click("session:sign-out");
      abe.waitFor(driver -> driver.getCurrentUrl().contains("login.xhtml"));
      serverControl.start();
      abe.moveTo(server).open("console/dashboard.xhtml");
      assertThat(abe.url())
          .as("signed out on the worker: the session ended on the server too")
          .contains("login.xhtml");
    }
  }
}
