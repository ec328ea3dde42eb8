package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.refinery.testing.Http;
import dev.refinery.testing.TaskClient;
import jakarta.json.Json;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Every console action as each kind of person (the requester who owns the task, another requester,
 * an approver, an operator, an admin, anonymous) against the README's console table: a person who
 * may take the action gets its page with the action's control on it; anyone else a 403 for the page
 * (or the page without the control, where everyone reads the page), and a 403 for a POST to it;
 * anonymous the sign-in page. On the task pages everyone reads, the people who may not act post the
 * action's form anyway ({@link ForgedConsolePosts}). Each person signs in once, in Chromium; the
 * pages are then read and posted with that session's cookie.
 *
 * <p>Controls that only show in a state this matrix does not make (an alert nobody acknowledged, a
 * failed task, a review someone holds, an agent run that waits for its retry, unread notifications)
 * are checked by their own browser checks and, as each role, by their boundaries' unit tests.
 */
final class ConsoleMatrix {

  enum Who {
    OWNER,
    OTHER_REQUESTER,
    APPROVER,
    OPERATOR,
    ADMIN
  }

  /**
   * One console action: the page it is on, its control there (an element id, or {@code .} and a
   * class that names it), who may take it.
   */
  private record Action(String name, String page, String control, Set<Who> allowed) {

    boolean shownOn(String body) {
      return control.startsWith(".")
          ? Pattern.compile("class=\"[^\"]*\\b" + control.substring(1) + "\\b").matcher(body).find()
          : body.contains("id=\"" + control + "\"");
    }
  }

  private static final Set<Who> EVERYONE = Set.of(Who.values());
  private static final Set<Who> REQUESTERS = Set.of(Who.OWNER, Who.OTHER_REQUESTER, Who.ADMIN);
  private static final Set<Who> APPROVERS = Set.of(Who.APPROVER, Who.ADMIN);
  private static final Set<Who> OPERATORS = Set.of(Who.OPERATOR, Who.ADMIN);
  private static final Set<Who> REVIEWERS = Set.of(Who.APPROVER, Who.OPERATOR, Who.ADMIN);

  private final String server;
  private final Map<Who, String> cookies = new EnumMap<>(Who.class);
  private final String vhost;

  ConsoleMatrix(String server, String vhost) {
    this.server = server;
    this.vhost = vhost;
  }

  /**
   * Runs every action as every person and anonymously; fails with the whole list of wrong answers.
   */
  void everyActionAnswersEachRoleAsPromised(String reviewable) {
    String other = "rex" + System.nanoTime() % 100_000;
    HttpResponse<String> created =
        Http.postJson(
            server + "api/people",
            Json.createObjectBuilder()
                .add("username", other)
                .add("password", ConsoleChecks.PASSWORD)
                .add("roles", Json.createArrayBuilder().add("REQUESTER"))
                .build()
                .toString());
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    String answerable = submitAsRita("Nicer reports " + System.nanoTime());
    signIn(Who.OWNER, "rita", ConsoleChecks.PASSWORD);
    signIn(Who.OTHER_REQUESTER, other, ConsoleChecks.PASSWORD);
    signIn(Who.APPROVER, "abe", ConsoleChecks.PASSWORD);
    signIn(Who.OPERATOR, "opal", ConsoleChecks.PASSWORD);
    signIn(Who.ADMIN, "admin", Http.ADMIN_PASSWORD);
    new TaskClient(server, Duration.ofSeconds(60)).awaitStatus(answerable, "CLARIFICATION_NEEDED");
    deadLetterWaits();

    List<String> wrong = new ArrayList<>();
    for (Action action : actions(answerable, reviewable)) {
      expectSignInPage(action, wrong);
      for (Who who : Who.values()) {
        expect(action, who, wrong);
      }
    }
    new ForgedConsolePosts(server, cookies).onTheTaskPages(answerable, wrong);
    assertThat(wrong).as("console actions answered against the README's table").isEmpty();
  }

  /** A dead letter, so that the Dead letters page shows its group's controls. */
  private void deadLetterWaits() {
    ForeignClient.publishNotJson(vhost, "for the console matrix");
    await("a dead letter group on the Dead letters page")
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .until(
            () ->
                Http.sendAsIs(
                        HttpRequest.newBuilder(
                                URI.create(server + "console/operations/dead-letters.xhtml"))
                            .header("Cookie", cookies.get(Who.OPERATOR))
                            .build())
                    .body(),
            body -> body.contains("replay-group"));
  }

  /** The README's console table, action by action. */
  private static List<Action> actions(String answerable, String reviewable) {
    String detail = "console/tasks/detail.xhtml?id=";
    String clarify = "console/tasks/clarify.xhtml?id=" + answerable;
    String review = "console/review/prd.xhtml?id=" + reviewable;
    return List.of(
        new Action("see the dashboard", "console/dashboard.xhtml", "nav-dashboard", EVERYONE),
        new Action("list the tasks", "console/tasks/list.xhtml", "table", EVERYONE),
        new Action("find the notifications", "console/dashboard.xhtml", "nav-bell", EVERYONE),
        new Action("read their notifications", "console/notifications.xhtml", "list", EVERYONE),
        new Action("read a task", detail + answerable, "task-title", EVERYONE),
        new Action(
            "read a task's messages",
            detail + answerable,
            "messages-log",
            Set.of(Who.OWNER, Who.OPERATOR, Who.ADMIN)),
        new Action("go to the questions", detail + answerable, "to-clarify", Set.of(Who.OWNER)),
        new Action(
            "cancel a task",
            detail + answerable,
            "cancel:submit",
            Set.of(Who.OWNER, Who.OPERATOR, Who.ADMIN)),
        new Action("answer the questions", clarify, "answers:send", Set.of(Who.OWNER)),
        new Action(
            "proceed with the recommendations", clarify, "answers:recommended", Set.of(Who.OWNER)),
        new Action("find New request", "console/dashboard.xhtml", "nav-new", REQUESTERS),
        new Action("submit a request", "console/requests/new.xhtml", "request:submit", REQUESTERS),
        new Action("find Reviews", "console/dashboard.xhtml", "nav-review", REVIEWERS),
        new Action(
            "see the review queue", "console/review/queue.xhtml", "queue:waiting", REVIEWERS),
        new Action("go to the review", detail + reviewable, "to-review", REVIEWERS),
        new Action("claim a review", review, "holding:claim", APPROVERS),
        new Action(
            "claim a review from the queue", "console/review/queue.xhtml", ".claim", APPROVERS),
        new Action("assign a review", review, "assigning:assign", REVIEWERS),
        new Action("approve a PRD", review, "approval:approve", APPROVERS),
        new Action("reject a PRD", review, "rejection:reject", APPROVERS),
        new Action("find Dead letters", "console/dashboard.xhtml", "nav-dead-letters", OPERATORS),
        new Action(
            "replay dead letters",
            "console/operations/dead-letters.xhtml",
            "letters:replay",
            OPERATORS),
        new Action(
            "discard dead letters",
            "console/operations/dead-letters.xhtml",
            "letters:discard",
            OPERATORS),
        new Action(
            "replay a group of dead letters",
            "console/operations/dead-letters.xhtml",
            ".replay-group",
            OPERATORS),
        new Action(
            "discard a group of dead letters",
            "console/operations/dead-letters.xhtml",
            ".discard-group",
            OPERATORS),
        new Action(
            "retry or cancel failed tasks",
            "console/operations/failed.xhtml",
            "failed:table",
            OPERATORS),
        new Action("see the alerts", "console/operations/alerts.xhtml", "open", OPERATORS),
        new Action("read the audit log", "console/operations/audit.xhtml", "entries", OPERATORS),
        new Action("find Background work", "console/dashboard.xhtml", "nav-work", OPERATORS),
        new Action("see the background work", "console/operations/work.xhtml", "work", OPERATORS),
        new Action(
            "pause or resume background work",
            "console/operations/work.xhtml",
            ".(?:pause|resume)-scanner",
            OPERATORS),
        new Action(
            "run background work now", "console/operations/work.xhtml", ".run-scanner", OPERATORS),
        new Action("find Fleet", "console/dashboard.xhtml", "nav-fleet", OPERATORS),
        new Action("see the fleet", "console/operations/fleet.xhtml", "instances", OPERATORS),
        new Action("find People", "console/dashboard.xhtml", "nav-people", Set.of(Who.ADMIN)),
        new Action("add a person", "console/admin/people.xhtml", "add:submit", Set.of(Who.ADMIN)),
        new Action(
            "change a person's roles",
            "console/admin/people.xhtml",
            "change:submit",
            Set.of(Who.ADMIN)),
        new Action(
            "set a person's password",
            "console/admin/people.xhtml",
            "password:submit",
            Set.of(Who.ADMIN)));
  }

  private void expect(Action action, Who who, List<String> wrong) {
    HttpResponse<String> page =
        Http.sendAsIs(
            HttpRequest.newBuilder(URI.create(server + action.page()))
                .header("Cookie", cookies.get(who))
                .build());
    boolean hasControl = page.statusCode() == 200 && action.shownOn(page.body());
    if (action.allowed().contains(who) != hasControl) {
      wrong.add(
          action.name()
              + " as "
              + who
              + ": "
              + page.statusCode()
              + (page.statusCode() == 200
                  ? (hasControl ? " with " : " without ") + action.control()
                  : ""));
    }
    if (!action.allowed().contains(who)
        && page.statusCode() == 403
        && !action.page().startsWith("console/tasks/")) {
      // a role's folder is closed to them: so is a form posted into it from elsewhere (a task
      // page's forms
      // need the view state of a page the person could open, and the boundary checks them again)
      HttpResponse<String> forged =
          Http.sendAsIs(
              HttpRequest.newBuilder(URI.create(server + action.page()))
                  .header("Cookie", cookies.get(who))
                  .header("Content-Type", "application/x-www-form-urlencoded")
                  .POST(HttpRequest.BodyPublishers.ofString(formOf(action.control())))
                  .build());
      if (forged.statusCode() != 403) {
        wrong.add(action.name() + " as " + who + ", posted: " + forged.statusCode());
      }
    }
  }

  private void expectSignInPage(Action action, List<String> wrong) {
    HttpResponse<String> page =
        Http.sendAsIs(HttpRequest.newBuilder(URI.create(server + action.page())).build());
    if (page.statusCode() != 302
        || !page.headers().firstValue("Location").orElse("").contains("login.xhtml")) {
      wrong.add(
          action.name()
              + " anonymously: "
              + page.statusCode()
              + " "
              + page.headers().firstValue("Location").orElse(""));
    }
  }

  /** What the control's form would post: the form's name and the button, without a view state. */
  private static String formOf(String control) {
    if (control.startsWith(".")) {
      return "forged=x";
    }
    String form = control.contains(":") ? control.substring(0, control.indexOf(':')) : control;
    return form + "=" + form + "&" + control.replace(":", "%3A") + "=x";
  }

  private void signIn(Who who, String username, String password) {
    try (Browser browser = new Browser(server).signIn(username, password)) {
      cookies.put(who, browser.sessionCookie());
    }
  }

  private String submitAsRita(String title) {
    HttpResponse<String> response =
        Http.sendAsIs(
            HttpRequest.newBuilder(URI.create(server + "api/requests"))
                .header("Authorization", Http.basic("rita", ConsoleChecks.PASSWORD))
                .header("Content-Type", "application/json")
                .POST(
                    HttpRequest.BodyPublishers.ofString(
                        Json.createObjectBuilder()
                            .add("title", title)
                            .add("description", "Reports should be nicer.")
                            .add("priority", "LOW")
                            .add("requester", "rita")
                            .build()
                            .toString()))
                .build());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Http.json(response).getString("taskId");
  }
}
