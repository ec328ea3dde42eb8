package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.testing.Http;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Every API call as each kind of person (the requester who owns the task, another requester, an
 * approver, an operator, an admin, anonymous) gets what the README's API section promises:
 * anonymous a 401, a person whose roles or ownership do not allow the call a 403, everyone else
 * past authorization (the answer may still be a 409 for the task's state, or a 400). The task is
 * the owner's, waiting for answers.
 */
final class AccessMatrix {

  enum Who {
    OWNER,
    OTHER_REQUESTER,
    APPROVER,
    OPERATOR,
    ADMIN
  }

  private record Call(String method, String path, String body, Set<Who> allowed) {
    String describe() {
      return method + " /api/" + path;
    }
  }

  private final AccessChecks people;
  private final Map<Who, String> names = new LinkedHashMap<>();

  AccessMatrix(AccessChecks people) {
    this.people = people;
    names.put(Who.OWNER, people.owner);
    names.put(Who.OTHER_REQUESTER, people.other);
    names.put(Who.APPROVER, people.approver);
    names.put(Who.OPERATOR, people.operator);
    names.put(Who.ADMIN, "admin");
  }

  /**
   * Runs every call as every person and anonymously; fails with the whole list of wrong answers.
   */
  void everyCallAnswersEachRoleAsPromised() {
    String task = people.submitAs(people.owner, "Make exports better");
    people.awaitStatus(task, "CLARIFICATION_NEEDED");
    String subject = people.createThrowawayPerson();
    List<String> wrong = new ArrayList<>();
    for (Call call : calls(task, subject)) {
      assertAnswers(call, null, wrong);
      for (Who who : Who.values()) {
        assertAnswers(call, who, wrong);
      }
    }
    assertThat(wrong).as("calls answered against the matrix").isEmpty();
  }

  private void assertAnswers(Call call, Who who, List<String> wrong) {
    String name = who == null ? "nobody" : names.get(who);
    String path = call.path().replace("{me}", name);
    String body =
        call.body() == null
            ? null
            : call.body()
                .replace("{me}", name)
                .replace("{unique}", UUID.randomUUID().toString().substring(0, 8));
    HttpResponse<String> response =
        who == null
            ? anonymous(call.method(), path, body)
            : who == Who.ADMIN
                ? people.asAdmin(call.method(), path, body)
                : people.as(name, call.method(), path, body);
    int status = response.statusCode();
    boolean right =
        who == null
            ? status == 401
            : call.allowed().contains(who)
                ? status != 401 && status != 403 && status < 500
                : status == 403;
    if (!right) {
      wrong.add(
          call.describe()
              + " as "
              + (who == null ? "anonymous" : who)
              + ": "
              + status
              + " "
              + response.body().substring(0, Math.min(200, response.body().length())));
    }
  }

  private HttpResponse<String> anonymous(String method, String path, String body) {
    HttpRequest.Builder request = HttpRequest.newBuilder(people.uri("api/" + path));
    if (body == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(body));
    }
    return Http.sendAsIs(request.build());
  }

  /** The API section of the README, row by row; cancellation last, as it ends the task. */
  private List<Call> calls(String task, String subject) {
    Set<Who> everyone = Set.of(Who.values());
    Set<Who> approvers = Set.of(Who.APPROVER, Who.ADMIN);
    Set<Who> operators = Set.of(Who.OPERATOR, Who.ADMIN);
    Set<Who> admins = Set.of(Who.ADMIN);
    String tasks = "tasks/" + task;
    String decision = "{\"by\":\"{me}\",\"reason\":\"Too vague\"}";
    return List.of(
        new Call(
            "POST",
            "requests",
            "{\"title\":\"Matrix {unique}\",\"description\":\"\",\"priority\":\"LOW\","
                + "\"requester\":\"{me}\"}",
            Set.of(Who.OWNER, Who.OTHER_REQUESTER, Who.ADMIN)),
        new Call("GET", "tasks", null, everyone),
        new Call("GET", tasks, null, everyone),
        new Call(
            "POST",
            tasks + "/answers",
            "{\"answers\":[],\"useRecommendations\":true,\"by\":\"{me}\"}",
            Set.of(Who.OWNER)),
        new Call("POST", tasks + "/approval", decision, approvers),
        new Call("POST", tasks + "/rejection", decision, approvers),
        new Call("POST", tasks + "/retry", decision, operators),
        new Call("GET", "notifications?recipient={me}", null, everyone),
        new Call(
            "GET", "notifications?recipient=" + people.owner, null, Set.of(Who.OWNER, Who.ADMIN)),
        new Call("GET", "notifications?recipient=approvers", null, approvers),
        new Call("GET", "notifications?recipient=operators", null, operators),
        new Call("GET", "events?task=" + task, null, Set.of(Who.OWNER, Who.OPERATOR, Who.ADMIN)),
        new Call("GET", "events?limit=5", null, operators),
        new Call("GET", "audit/export?limit=1", null, operators),
        new Call("PUT", "audit/exported", "{\"through\":1}", operators),
        new Call("GET", "people", null, admins),
        new Call("GET", "people/" + subject, null, admins),
        new Call(
            "POST",
            "people",
            "{\"username\":\"pam-{unique}\",\"password\":\""
                + AccessChecks.PASSWORD
                + "\","
                + "\"roles\":[\"REQUESTER\"]}",
            admins),
        new Call(
            "PUT", "people/" + subject, "{\"roles\":[\"REQUESTER\"],\"enabled\":true}", admins),
        new Call(
            "PUT",
            "people/" + subject + "/password",
            "{\"password\":\"" + AccessChecks.PASSWORD + "\"}",
            admins),
        new Call("POST", "people/" + subject + "/unlock", null, admins),
        new Call(
            "POST", tasks + "/cancellation", decision, Set.of(Who.OWNER, Who.OPERATOR, Who.ADMIN)));
  }
}
