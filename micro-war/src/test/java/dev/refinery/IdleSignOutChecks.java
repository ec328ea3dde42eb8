package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.testing.Http;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Sessions end after {@code refinery.console.idle-timeout} without an action of their person,
 * whatever keeps calling: the dashboard's own poll, or {@code /api} calls with the session's
 * cookie. A person who acts stays signed in. Signs in through the sign-in form, as a browser does,
 * and then speaks the console's HTTP as it is (Faces view state, PrimeFaces' Ajax poll).
 */
final class IdleSignOutChecks {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final String base;
  private final Duration idle;

  /**
   * @param base the application's URL, ending in a slash
   * @param idle the idle timeout the server runs with
   */
  IdleSignOutChecks(String base, Duration idle) {
    this.base = base;
    this.idle = idle;
  }

  /** The dashboard polls every 5 s: the polls are answered, until the person was idle too long. */
  void dashboardPollDoesNotKeepTheSessionAlive(String username, String password) {
    Session session = signIn(username, password);
    long start = System.nanoTime(); // the last action: opening the dashboard
    HttpResponse<String> dashboard = session.get("console/dashboard.xhtml");
    assertThat(dashboard.statusCode()).as(dashboard.body()).isEqualTo(200);
    String viewState = viewState(dashboard.body());

    HttpResponse<String> first = session.poll(viewState);
    assertThat(first.body())
        .as("a poll right after acting is answered with the dashboard's update")
        .contains("<update id=\"dashboard:live\"");
    HttpResponse<String> last = first;
    while (!last.body().contains("login.xhtml?idle=true")
        && elapsed(start).compareTo(limit()) < 0) {
      pause(Duration.ofMillis(500));
      last = session.poll(viewState);
    }
    Duration signedOutAfter = elapsed(start);
    assertThat(last.body())
        .as("polled for %s with an idle timeout of %s", signedOutAfter, idle)
        .contains("<redirect url=\"", "login.xhtml?idle=true");
    assertThat(signedOutAfter).as("not before the timeout").isGreaterThanOrEqualTo(idle);
    assertSentToSignIn(session.get("console/tasks/list.xhtml"));
  }

  /** The session's cookie on {@code /api}: answered until the timeout, then 401, session ended. */
  void apiCallsWithTheSessionCookieDoNotKeepItAlive(String username, String password) {
    Session session = signIn(username, password);
    long start = System.nanoTime(); // the last action: opening the task list
    assertThat(session.get("console/tasks/list.xhtml").statusCode()).isEqualTo(200);
    HttpResponse<String> call = session.get("api/tasks?size=1");
    assertThat(call.statusCode()).as("the session's cookie signs in to the API").isEqualTo(200);
    while (call.statusCode() == 200 && elapsed(start).compareTo(limit()) < 0) {
      pause(Duration.ofMillis(500));
      call = session.get("api/tasks?size=1");
    }
    Duration refusedAfter = elapsed(start);
    assertThat(call.statusCode())
        .as("API calls for %s with an idle timeout of %s: %s", refusedAfter, idle, call.body())
        .isEqualTo(401);
    assertThat(call.body()).contains("without an action");
    assertThat(refusedAfter).as("not before the timeout").isGreaterThanOrEqualTo(idle);
    assertSentToSignIn(session.get("console/tasks/list.xhtml"));
  }

  /** Pages opened more often than the timeout keep their person signed in. */
  void actingKeepsTheSessionAlive(String username, String password) {
    Session session = signIn(username, password);
    long start = System.nanoTime();
    while (elapsed(start).compareTo(limit()) < 0) {
      HttpResponse<String> page = session.get("console/tasks/list.xhtml");
      assertThat(page.statusCode())
          .as("opening a page every %s, %s after signing in", idle.dividedBy(2), elapsed(start))
          .isEqualTo(200);
      pause(idle.dividedBy(2));
    }
  }

  /** Two and a half timeouts: long enough for the expiry, bounded if it never comes. */
  private Duration limit() {
    return idle.multipliedBy(5).dividedBy(2);
  }

  private static void assertSentToSignIn(HttpResponse<String> page) {
    assertThat(page.statusCode()).as("a console page afterwards").isEqualTo(302);
    assertThat(page.headers().firstValue("Location").orElse("")).contains("login.xhtml");
  }

  private Session signIn(String username, String password) {
    Session session = new Session();
    HttpResponse<String> form = session.get("login.xhtml");
    assertThat(form.statusCode()).isEqualTo(200);
    HttpResponse<String> signedIn =
        session.post(
            "login.xhtml",
            Map.of(
                "login",
                "login",
                "login:next",
                "",
                "login:username",
                username,
                "login:password",
                password,
                "login:sign-in",
                "Sign in",
                "jakarta.faces.ViewState",
                viewState(form.body())),
            false);
    assertThat(signedIn.statusCode())
        .as("signing in as %s: %s", username, signedIn.body())
        .isEqualTo(302);
    return session;
  }

  private static String viewState(String page) {
    Matcher found = VIEW_STATE.matcher(page);
    assertThat(found.find()).as("a Faces view state on the page").isTrue();
    return found.group(1);
  }

  private static Duration elapsed(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }

  private static void pause(Duration duration) {
    try {
      Thread.sleep(duration.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** One browser's cookies, sent with every request; answers are not followed. */
  final class Session {

    private final Map<String, String> cookies = new LinkedHashMap<>();

    HttpResponse<String> get(String path) {
      return send(HttpRequest.newBuilder(URI.create(base + path)));
    }

    HttpResponse<String> post(String path, Map<String, String> form, boolean ajax) {
      HttpRequest.Builder request =
          HttpRequest.newBuilder(URI.create(base + path))
              .header("Content-Type", "application/x-www-form-urlencoded")
              .POST(HttpRequest.BodyPublishers.ofString(encoded(form)));
      if (ajax) {
        request.header("Faces-Request", "partial/ajax");
      }
      return send(request);
    }

    /** What PrimeFaces sends for the dashboard's {@code p:poll}. */
    HttpResponse<String> poll(String viewState) {
      return post(
          "console/dashboard.xhtml",
          Map.of(
              "jakarta.faces.partial.ajax", "true",
              "jakarta.faces.source", "dashboard:poll",
              "jakarta.faces.partial.execute", "dashboard:poll",
              "jakarta.faces.partial.render", "dashboard:live",
              "dashboard:poll", "dashboard:poll",
              "dashboard", "dashboard",
              "jakarta.faces.ViewState", viewState),
          true);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
      if (!cookies.isEmpty()) {
        request.header(
            "Cookie",
            cookies.entrySet().stream()
                .map(cookie -> cookie.getKey() + "=" + cookie.getValue())
                .collect(Collectors.joining("; ")));
      }
      HttpResponse<String> response = Http.sendAsIs(request.build());
      for (String set : response.headers().allValues("Set-Cookie")) {
        String pair = set.split(";", 2)[0];
        int equals = pair.indexOf('=');
        cookies.put(pair.substring(0, equals).strip(), pair.substring(equals + 1).strip());
      }
      return response;
    }

    private static String encoded(Map<String, String> form) {
      return form.entrySet().stream()
          .map(
              field ->
                  URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8)
                      + "="
                      + URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8))
          .collect(Collectors.joining("&"));
    }
  }
}
