package dev.refinery;

import static org.awaitility.Awaitility.await;

import dev.refinery.ConsoleMatrix.Who;
import dev.refinery.testing.Http;
import dev.refinery.testing.TaskClient;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Forms posted by people who may read a page but not take its action, with the Faces view state of
 * the page they opened (what a forged request from their own session can have): nothing happens.
 * The same posts by the person who may act then take effect, so the forged ones were well-formed.
 */
final class ForgedConsolePosts {

  private static final Pattern VIEW_STATE =
      Pattern.compile("name=\"jakarta\\.faces\\.ViewState\"[^>]*value=\"([^\"]+)\"");

  private final String server;
  private final Map<Who, String> cookies;

  /**
   * @param cookies each person's signed-in session cookie
   */
  ForgedConsolePosts(String server, Map<Who, String> cookies) {
    this.server = server;
    this.cookies = cookies;
  }

  /**
   * The people who read a task but may not cancel it or answer its questions post those forms with
   * their own page's view state: the task is neither cancelled nor answered. Then its requester
   * posts the same forms, and they take effect (so the forged ones were well-formed).
   */
  void onTheTaskPages(String answerable, List<String> wrong) {
    String detail = "console/tasks/detail.xhtml?id=" + answerable;
    String clarify = "console/tasks/clarify.xhtml?id=" + answerable;
    String cancel =
        "cancel=cancel&task="
            + answerable
            + "&cancel%3Areason=forged&cancel%3Asubmit=Cancel+the+task";
    String answer = "answers=answers&answers%3Arecommended=Proceed+with+the+recommendations";
    int transitions = transitions(answerable);
    for (Who who : List.of(Who.OTHER_REQUESTER, Who.APPROVER)) {
      postWithItsViewState(who, detail, cancel, wrong);
    }
    for (Who who : List.of(Who.OTHER_REQUESTER, Who.APPROVER, Who.OPERATOR)) {
      postWithItsViewState(who, clarify, answer, wrong);
    }
    try {
      Thread.sleep(3_000); // a cancellation or an answer taken would have moved the task by now
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    String status = status(answerable);
    if (!status.equals("CLARIFICATION_NEEDED") || transitions(answerable) != transitions) {
      wrong.add("forged cancellations and answers moved the task (now " + status + ")");
      return;
    }
    HttpResponse<String> answered = postWithItsViewState(Who.OWNER, clarify, answer, wrong);
    await("the requester's answers, posted as the forged ones were, taken")
        .atMost(Duration.ofSeconds(60))
        .failFast(
            "the requester's answers were refused: "
                + answered.statusCode()
                + " "
                + answered.body(),
            () -> answered.statusCode() != 302)
        .until(() -> transitions(answerable), now -> now > transitions);
    postWithItsViewState(Who.OWNER, detail, cancel, wrong);
    new TaskClient(server, Duration.ofSeconds(60)).awaitStatus(answerable, "CANCELLED");
  }

  /** How many transitions the task's history holds. */
  private int transitions(String task) {
    return Http.json(Http.get(server + "api/tasks/" + task)).getJsonArray("history").size();
  }

  private String status(String task) {
    return Http.json(Http.get(server + "api/tasks/" + task))
        .getJsonObject("task")
        .getString("status");
  }

  private HttpResponse<String> postWithItsViewState(
      Who who, String page, String form, List<String> wrong) {
    HttpResponse<String> opened =
        Http.sendAsIs(
            HttpRequest.newBuilder(URI.create(server + page))
                .header("Cookie", cookies.get(who))
                .build());
    Matcher viewState = VIEW_STATE.matcher(opened.body());
    if (opened.statusCode() == 403) { // the page refuses them: so must the form, posted blind
      HttpResponse<String> blind = post(who, page, form);
      if (blind.statusCode() != 403) {
        wrong.add(page + " as " + who + ": 403, but its form posted: " + blind.statusCode());
      }
      return blind;
    }
    if (opened.statusCode() != 200 || !viewState.find()) {
      wrong.add(page + " as " + who + ": " + opened.statusCode() + ", no view state to forge with");
      return opened;
    }
    HttpResponse<String> forged =
        post(
            who,
            page,
            form
                + "&jakarta.faces.ViewState="
                + URLEncoder.encode(viewState.group(1), StandardCharsets.UTF_8));
    if (forged.statusCode() >= 500) {
      wrong.add(page + " as " + who + ", forged with its view state: " + forged.statusCode());
    }
    return forged;
  }

  private HttpResponse<String> post(Who who, String page, String form) {
    return Http.sendAsIs(
        HttpRequest.newBuilder(URI.create(server + page))
            .header("Cookie", cookies.get(who))
            .header("Content-Type", "application/x-www-form-urlencoded")
            .POST(HttpRequest.BodyPublishers.ofString(form))
            .build());
  }
}
