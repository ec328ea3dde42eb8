package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.shared.application.AuditTrail;
import dev.refinery.testing.Http;
import jakarta.json.Json;
import jakarta.json.JsonObject;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;

/**
 * Authorization as the people who use Refinery: a requester who owns the task, another requester,
 * an approver, an operator, anonymous; the people are provisioned over {@code /api/people} as a
 * script would.
 */
final class AccessChecks {

  static final String PASSWORD = "correct horse battery";

  private final Api api;
  private final AuditTrail audit;
  private final javax.sql.DataSource database;
  private final String suffix = UUID.randomUUID().toString().substring(0, 8);
  final String owner = "rita-" + suffix;
  final String other = "otto-" + suffix;
  final String approver = "abe-" + suffix;
  final String operator = "olga-" + suffix;

  /** Requests and approves: separation of duties stops them approving their own. */
  final String both = "bea-" + suffix;

  /**
   * @param audit, database the audit trail and the database, in the container (null as a client)
   */
  AccessChecks(Api api, AuditTrail audit, javax.sql.DataSource database) {
    this.api = api;
    this.audit = audit;
    this.database = database;
  }

  /** Adds the five people as the admin, over the API. */
  AccessChecks provisioned() {
    create(owner, "REQUESTER");
    create(other, "REQUESTER");
    create(approver, "APPROVER");
    create(operator, "OPERATOR");
    create(both, "REQUESTER", "APPROVER");
    return this;
  }

  void peopleAreManagedOverTheApiByAdminsOnly() {
    HttpResponse<String> taken = api.post("people", person(owner, "REQUESTER"));
    assertThat(taken.statusCode()).as(taken.body()).isEqualTo(400);
    assertThat(Http.json(taken).getJsonArray("errors").getJsonObject(0).getString("field"))
        .isEqualTo("username");
    HttpResponse<String> shortPassword =
        api.post(
            "people",
            Json.createObjectBuilder()
                .add("username", "x-" + suffix)
                .add("password", "short")
                .add("roles", Json.createArrayBuilder().add("REQUESTER"))
                .build()
                .toString());
    assertThat(shortPassword.statusCode()).as(shortPassword.body()).isEqualTo(400);
    for (String shared : new String[] {"approvers", "operators"}) {
      HttpResponse<String> inboxName = api.post("people", person(shared, "REQUESTER"));
      assertThat(inboxName.statusCode()).as(shared + ": " + inboxName.body()).isEqualTo(400);
      assertThat(Http.json(inboxName).getJsonArray("errors").getJsonObject(0).getString("message"))
          .contains("shared inbox");
    }

    for (String person : new String[] {owner, approver, operator}) {
      assertThat(as(person, "GET", "people", null).statusCode())
          .as(person + " lists people")
          .isEqualTo(403);
      assertThat(as(person, "POST", "people", person("mallory-" + suffix, "ADMIN")).statusCode())
          .as(person + " adds an admin")
          .isEqualTo(403);
    }
    assertThat(
            Http.sendAsIs(HttpRequest.newBuilder(api.uri("api/people")).GET().build()).statusCode())
        .as("anonymous")
        .isEqualTo(401);
    assertThat(api.get("people/mallory-" + suffix).statusCode())
        .as("nobody added mallory")
        .isEqualTo(404);

    String temp = "tim-" + suffix;
    create(temp, "REQUESTER");
    assertThat(as(temp, "GET", "tasks", null).statusCode()).isEqualTo(200);
    HttpResponse<String> changed =
        put("people/" + temp, "{\"roles\":[\"REQUESTER\",\"APPROVER\"],\"enabled\":false}");
    assertThat(changed.statusCode()).as(changed.body()).isEqualTo(200);
    assertThat(Http.json(changed).getBoolean("enabled")).isFalse();
    assertThat(as(temp, "GET", "tasks", null).statusCode()).as("disabled").isEqualTo(401);
    assertThat(put("people/" + temp, "{\"roles\":[\"REQUESTER\"],\"enabled\":true}").statusCode())
        .isEqualTo(200);
    assertThat(
            put("people/" + temp + "/password", "{\"password\":\"another long secret\"}")
                .statusCode())
        .isEqualTo(204);
    assertThat(as(temp, "GET", "tasks", null).statusCode()).as("old password").isEqualTo(401);
    assertThat(
            Http.sendAsIs(
                    HttpRequest.newBuilder(api.uri("api/tasks"))
                        .header("Authorization", Http.basic(temp, "another long secret"))
                        .GET()
                        .build())
                .statusCode())
        .isEqualTo(200);
    assertThat(api.get("people/" + temp).statusCode()).isEqualTo(200);
  }

  void inboxesAreReadByTheirOwnersAndTheirRoles() {
    assertThat(inbox(owner, owner)).isEqualTo(200);
    assertThat(inbox(owner, other)).as("another person's inbox").isEqualTo(403);
    assertThat(inbox(owner, "approvers"))
        .as("a requester reads the approvers' inbox")
        .isEqualTo(403);
    assertThat(inbox(owner, "operators"))
        .as("a requester reads the operators' inbox")
        .isEqualTo(403);
    assertThat(inbox(approver, "approvers")).isEqualTo(200);
    assertThat(inbox(approver, "operators"))
        .as("an approver reads the operators' inbox")
        .isEqualTo(403);
    assertThat(inbox(operator, "operators")).isEqualTo(200);
    assertThat(inbox(operator, "approvers"))
        .as("an operator reads the approvers' inbox")
        .isEqualTo(403);
    assertThat(inbox(operator, owner)).as("an operator reads a person's inbox").isEqualTo(403);
    HttpResponse<String> refused = as(owner, "GET", "notifications?recipient=operators", null);
    assertThat(Http.json(refused).getString("detail"))
        .contains("may not read the inbox of 'operators'");
  }

  void eventLogShowsARequesterTheirOwnTasksOnly() {
    String mine = submitAs(owner, "Mine: export invoices");
    String theirs = submitAs(other, "Theirs: export invoices");
    assertThat(as(owner, "GET", "events?task=" + mine, null).statusCode()).isEqualTo(200);
    assertThat(as(owner, "GET", "events?task=" + theirs, null).statusCode())
        .as("another requester's task")
        .isEqualTo(403);
    assertThat(as(owner, "GET", "events", null).statusCode()).as("the whole log").isEqualTo(403);
    assertThat(as(owner, "GET", "events?type=taskmanagement.CreateTask", null).statusCode())
        .isEqualTo(403);
    assertThat(as(approver, "GET", "events?task=" + theirs, null).statusCode()).isEqualTo(403);
    HttpResponse<String> all = as(operator, "GET", "events?task=" + theirs, null);
    assertThat(all.statusCode()).isEqualTo(200);
    assertThat(as(operator, "GET", "events?limit=5", null).statusCode()).isEqualTo(200);
  }

  /**
   * Cancellation belongs to the requester and operators; ownership that is not known yet is a 409.
   */
  void cancellationIsRefusedToOthersAndWhileTheTaskIsUnknown() {
    String task = submitAs(owner, "Make exports better");
    api.awaitStatus(task, "CLARIFICATION_NEEDED");
    HttpResponse<String> stranger =
        as(other, "POST", "tasks/" + task + "/cancellation", "{\"by\":\"" + other + "\"}");
    assertThat(stranger.statusCode()).as(stranger.body()).isEqualTo(403);
    assertThat(
            as(approver, "POST", "tasks/" + task + "/cancellation", "{\"by\":\"" + approver + "\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> unknown =
        as(
            other,
            "POST",
            "tasks/" + UUID.randomUUID() + "/cancellation",
            "{\"by\":\"" + other + "\"}");
    assertThat(unknown.statusCode()).as(unknown.body()).isEqualTo(409);
    assertThat(Http.json(unknown).getString("detail")).contains("retry");
    assertThat(
            as(owner, "POST", "tasks/" + task + "/cancellation", "{\"by\":\"" + owner + "\"}")
                .statusCode())
        .isEqualTo(202);
    api.awaitStatus(task, "CANCELLED");
  }

  /**
   * A task Task Management has not recorded yet (the broker is away): nobody cancels it, not
   * another requester, not an approver, not its owner; each is told to retry (409), as while its
   * ownership cannot be checked against the task. Returns its id.
   */
  String justSubmittedTaskCannotBeCancelledBeforeItIsRecorded() {
    String task = submitAs(owner, "Make exports better");
    for (String person : List.of(other, approver, owner)) {
      HttpResponse<String> cancelling =
          as(person, "POST", "tasks/" + task + "/cancellation", "{\"by\":\"" + person + "\"}");
      assertThat(cancelling.statusCode()).as("%s: %s", person, cancelling.body()).isEqualTo(409);
      assertThat(Http.json(cancelling).getString("detail")).contains("retry");
    }
    return task;
  }

  /**
   * The same task once the broker is back: it went its way (none of the refused cancellations took
   * effect later), and now its owner cancels it.
   */
  void onceRecordedOnlyItsOwnerCancels(String task) {
    api.awaitStatus(task, "CLARIFICATION_NEEDED");
    assertThat(
            as(other, "POST", "tasks/" + task + "/cancellation", "{\"by\":\"" + other + "\"}")
                .statusCode())
        .isEqualTo(403);
    HttpResponse<String> own =
        as(owner, "POST", "tasks/" + task + "/cancellation", "{\"by\":\"" + owner + "\"}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(202);
    api.awaitStatus(task, "CANCELLED");
  }

  /**
   * Answers are bounded like a request's description: a 1 MiB answer and a flood of answers are
   * 400s.
   */
  void answersAreBoundedAndBelongToTheRequester() {
    String task = submitAs(owner, "Make exports better");
    api.awaitStatus(task, "CLARIFICATION_NEEDED");
    String huge = "x".repeat(1 << 20);
    HttpResponse<String> big =
        as(
            owner,
            "POST",
            "tasks/" + task + "/answers",
            Json.createObjectBuilder()
                .add(
                    "answers",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("questionId", "who").add("text", huge)))
                .add("useRecommendations", true)
                .add("by", owner)
                .build()
                .toString());
    assertThat(big.statusCode())
        .as(big.body().substring(0, Math.min(300, big.body().length())))
        .isEqualTo(400);
    var many = Json.createArrayBuilder();
    for (int i = 0; i < 51; i++) {
      many.add(Json.createObjectBuilder().add("questionId", "who").add("text", "me"));
    }
    HttpResponse<String> flood =
        as(
            owner,
            "POST",
            "tasks/" + task + "/answers",
            Json.createObjectBuilder()
                .add("answers", many)
                .add("useRecommendations", true)
                .add("by", owner)
                .build()
                .toString());
    assertThat(flood.statusCode()).as(flood.body()).isEqualTo(400);
    HttpResponse<String> twice =
        as(
            owner,
            "POST",
            "tasks/" + task + "/answers",
            Json.createObjectBuilder()
                .add(
                    "answers",
                    Json.createArrayBuilder()
                        .add(Json.createObjectBuilder().add("questionId", "who").add("text", "a"))
                        .add(Json.createObjectBuilder().add("questionId", "who").add("text", "b")))
                .add("useRecommendations", true)
                .add("by", owner)
                .build()
                .toString());
    assertThat(twice.statusCode()).as(twice.body()).isEqualTo(400);
    HttpResponse<String> stranger =
        as(
            other,
            "POST",
            "tasks/" + task + "/answers",
            "{\"answers\":[],\"useRecommendations\":true,\"by\":\"" + other + "\"}");
    assertThat(stranger.statusCode()).as("another requester answers").isEqualTo(403);
    HttpResponse<String> posing =
        as(
            other,
            "POST",
            "tasks/" + task + "/answers",
            "{\"answers\":[],\"useRecommendations\":true,\"by\":\"" + owner + "\"}");
    assertThat(posing.statusCode()).as("another requester names the owner as 'by'").isEqualTo(403);
    assertThat(Http.json(posing).getString("detail")).contains("cannot act as " + owner);
    assertThat(api.awaitStatus(task, "CLARIFICATION_NEEDED")).isNotNull();
  }

  /**
   * Separation of duties: an approver does not approve the PRD of their own request; another
   * approver does.
   */
  void approverCannotApproveTheirOwnRequest() {
    String task = submitAs(both, "Export invoices as CSV", WorkflowContainerChecks.COMPLETE);
    api.awaitStatus(task, "PRD_VALIDATION");
    HttpResponse<String> own =
        as(both, "POST", "tasks/" + task + "/approval", "{\"by\":\"" + both + "\"}");
    assertThat(own.statusCode()).as(own.body()).isEqualTo(403);
    assertThat(Http.json(own).getString("detail")).contains("may not approve");
    assertThat(
            as(owner, "POST", "tasks/" + task + "/approval", "{\"by\":\"" + owner + "\"}")
                .statusCode())
        .as("a requester approves")
        .isEqualTo(403);
    assertThat(
            as(approver, "POST", "tasks/" + task + "/approval", "{\"by\":\"" + approver + "\"}")
                .statusCode())
        .isEqualTo(202);
    api.awaitStatus(task, "PRD_APPROVED");
    assertThat(audit.recent(null, task, 50))
        .as("the refusal is audited, the approval too")
        .extracting(AuditTrail.Entry::actor, AuditTrail.Entry::action)
        .contains(
            org.assertj.core.groups.Tuple.tuple(both, "OWN_APPROVAL_REFUSED"),
            org.assertj.core.groups.Tuple.tuple(approver, "PRD_APPROVED"));
  }

  /**
   * Credentials remembered by this instance count only while the person is unchanged: disabling
   * them elsewhere (here: straight in the database, as another instance would) refuses their next
   * call.
   */
  void personDisabledByAnotherInstanceIsRefusedAtOnce() throws java.sql.SQLException {
    String person = "dan-" + UUID.randomUUID().toString().substring(0, 8);
    create(person, "REQUESTER");
    assertThat(as(person, "GET", "tasks", null).statusCode()).isEqualTo(200);
    assertThat(as(person, "GET", "tasks", null).statusCode()).as("remembered").isEqualTo(200);
    try (var connection = database.getConnection();
        var disable =
            connection.prepareStatement(
                "UPDATE humaninteraction.person SET enabled = false, updated_at = now() WHERE"
                    + " username = ?")) {
      disable.setString(1, person);
      assertThat(disable.executeUpdate()).isEqualTo(1);
    }
    assertThat(as(person, "GET", "tasks", null).statusCode())
        .as("disabled elsewhere")
        .isEqualTo(401);
  }

  /**
   * Roles changed and a password reset on another instance (straight in the database, as another
   * instance's People page would leave it) hold here at the next call, although this instance had
   * the person's credentials cached.
   */
  void personChangedByAnotherInstanceIsHeldToItAtOnce() throws java.sql.SQLException {
    String person = "cy-" + UUID.randomUUID().toString().substring(0, 8);
    create(person, "REQUESTER");
    assertThat(submitAs(person, "Cached as a requester")).isNotBlank();
    assertThat(as(person, "GET", "tasks", null).statusCode()).as("remembered").isEqualTo(200);
    updated(person, "roles = 'APPROVER'");
    HttpResponse<String> submitting =
        as(
            person,
            "POST",
            "requests",
            Json.createObjectBuilder()
                .add("title", "Submitted after losing the role")
                .add("description", "")
                .add("priority", "LOW")
                .add("requester", person)
                .build()
                .toString());
    assertThat(submitting.statusCode())
        .as("no longer a requester elsewhere: %s", submitting.body())
        .isEqualTo(403);

    String donor = "cy-donor-" + UUID.randomUUID().toString().substring(0, 8);
    String newPassword = "a password set elsewhere";
    create(donor, "REQUESTER");
    HttpResponse<String> reset =
        put(
            "people/" + donor + "/password",
            Json.createObjectBuilder().add("password", newPassword).build().toString());
    assertThat(reset.statusCode()).as(reset.body()).isLessThan(300);
    updated(
        person,
        "password_hash = (SELECT password_hash FROM humaninteraction.person WHERE username = '"
            + donor
            + "')");
    assertThat(as(person, "GET", "tasks", null).statusCode())
        .as("the old password, reset elsewhere")
        .isEqualTo(401);
    assertThat(as(person, newPassword, "GET", "tasks", null).statusCode())
        .as("the new one")
        .isEqualTo(200);
  }

  /** An UPDATE of the person's row as another instance makes it: the change and a new version. */
  private void updated(String person, String change) throws java.sql.SQLException {
    try (var connection = database.getConnection();
        var update =
            connection.prepareStatement(
                "UPDATE humaninteraction.person SET "
                    + change
                    + ", updated_at = now() WHERE username = ?")) {
      update.setString(1, person);
      assertThat(update.executeUpdate()).isEqualTo(1);
    }
  }

  /**
   * Guessing is slowed, then stopped: wrong passwords lock the person out (here after 3, as
   * configured for the tests) until an admin unlocks them, audited; past 5 failures a minute the
   * username is answered 429 with Retry-After before any password is checked. Another person signs
   * in as before.
   */
  void signInIsThrottledThenLockedOutUntilAnAdminUnlocks() {
    String person = "lou-" + UUID.randomUUID().toString().substring(0, 8);
    create(person, "REQUESTER");
    for (int attempt = 1; attempt <= 3; attempt++) {
      assertThat(basicAs(person, "wrong password " + attempt).statusCode()).isEqualTo(401);
    }
    assertThat(basicAs(person, PASSWORD).statusCode())
        .as("locked out: the right password does not help")
        .isEqualTo(401);
    assertThat(Http.json(api.get("people/" + person)).getBoolean("locked")).isTrue();
    assertThat(as(owner, "GET", "tasks", null).statusCode()).as("someone else").isEqualTo(200);

    assertThat(basicAs(person, "wrong again").statusCode())
        .isEqualTo(401); // the 5th failure within the minute
    HttpResponse<String> throttled = basicAs(person, PASSWORD);
    assertThat(throttled.statusCode()).as(throttled.body()).isEqualTo(429);
    assertThat(Long.parseLong(throttled.headers().firstValue("Retry-After").orElseThrow()))
        .isBetween(1L, 60L);
    assertThat(as(owner, "GET", "tasks", null).statusCode())
        .as("someone else, still")
        .isEqualTo(200);

    HttpResponse<String> unlocked = api.post("people/" + person + "/unlock", "");
    assertThat(unlocked.statusCode()).as(unlocked.body()).isEqualTo(204);
    assertThat(Http.json(api.get("people/" + person)).getBoolean("locked")).isFalse();
    assertThat(audit.recent(null, null, 200))
        .extracting(AuditTrail.Entry::action, AuditTrail.Entry::subject)
        .contains(
            org.assertj.core.groups.Tuple.tuple("PERSON_LOCKED", person),
            org.assertj.core.groups.Tuple.tuple("PERSON_UNLOCKED", person));
  }

  private HttpResponse<String> basicAs(String person, String password) {
    return Http.sendAsIs(
        HttpRequest.newBuilder(api.uri("api/tasks"))
            .header("Authorization", Http.basic(person, password))
            .GET()
            .build());
  }

  /**
   * Query parameters out of range or of a wrong kind are 400 problems naming the parameter, not 500
   * or 404.
   */
  void badQueryParametersAreA400NamingTheParameter() {
    assertInvalid("tasks?page=2147483647&size=10", "page", "from 0 to");
    assertInvalid("tasks?page=99999999999", "page", "from 0 to");
    assertInvalid("tasks?page=first", "page", "whole number");
    assertInvalid("tasks?size=0", "size", "from 1 to");
    assertInvalid("tasks?status=BOGUS", "status", "PRD_VALIDATION");
    assertInvalid("tasks?priority=urgent", "priority", "CRITICAL");
    assertInvalid("tasks?q=" + "x".repeat(201), "q", "200");
    assertInvalid("notifications?recipient=", "recipient", "");
    assertInvalid("notifications?recipient=admin&limit=abc", "limit", "whole number from 1 to 500");
    assertInvalid("notifications?recipient=admin&limit=99999999999", "limit", "from 1 to 500");
    assertInvalid("events?limit=abc", "limit", "whole number from 1 to 5000");
    assertInvalid("events?limit=0", "limit", "from 1 to 5000");
    assertInvalid("events?limit=99999999999", "limit", "from 1 to 5000");
    assertThat(api.get("tasks?status=prd_validation&page=3&size=7").statusCode()).isEqualTo(200);
  }

  private void assertInvalid(String path, String parameter, String saying) {
    HttpResponse<String> response = api.get(path);
    assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(400);
    JsonObject error = Http.json(response).getJsonArray("errors").getJsonObject(0);
    assertThat(error.getString("field")).as(path).isEqualTo(parameter);
    assertThat(error.getString("message")).as(path).contains(saying);
  }

  private int inbox(String person, String recipient) {
    return as(person, "GET", "notifications?recipient=" + recipient, null).statusCode();
  }

  String submitAs(String person, String title) {
    return submitAs(person, title, "");
  }

  private String submitAs(String person, String title, String description) {
    HttpResponse<String> response =
        as(
            person,
            "POST",
            "requests",
            Json.createObjectBuilder()
                .add("title", title)
                .add("description", description)
                .add("priority", "LOW")
                .add("requester", person)
                .build()
                .toString());
    assertThat(response.statusCode()).as(response.body()).isEqualTo(202);
    return Http.json(response).getString("taskId");
  }

  private void create(String username, String... roles) {
    HttpResponse<String> created = api.post("people", person(username, roles));
    assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
    assertThat(created.headers().firstValue("Location"))
        .hasValueSatisfying(location -> assertThat(location).endsWith("/api/people/" + username));
  }

  private static String person(String username, String... roles) {
    var list = Json.createArrayBuilder();
    for (String role : roles) {
      list.add(role);
    }
    return Json.createObjectBuilder()
        .add("username", username)
        .add("password", PASSWORD)
        .add("roles", list)
        .build()
        .toString();
  }

  private HttpResponse<String> put(String path, String json) {
    return Http.send(
        HttpRequest.newBuilder(api.uri("api/" + path))
            .header("Content-Type", "application/json")
            .PUT(HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  /** A person of the matrix who is only ever changed by it. */
  String createThrowawayPerson() {
    String username = "tom-" + suffix;
    create(username, "REQUESTER");
    return username;
  }

  void awaitStatus(String task, String status) {
    api.awaitStatus(task, status);
  }

  URI uri(String path) {
    return api.uri(path);
  }

  HttpResponse<String> asAdmin(String method, String path, String json) {
    return as("admin", Http.ADMIN_PASSWORD, method, path, json);
  }

  HttpResponse<String> as(String person, String method, String path, String json) {
    return as(person, PASSWORD, method, path, json);
  }

  private HttpResponse<String> as(
      String person, String password, String method, String path, String json) {
    URI uri = api.uri("api/" + path);
    HttpRequest.Builder request =
        HttpRequest.newBuilder(uri).header("Authorization", Http.basic(person, password));
    if (json == null) {
      request.method(method, HttpRequest.BodyPublishers.noBody());
    } else {
      request
          .header("Content-Type", "application/json")
          .method(method, HttpRequest.BodyPublishers.ofString(json));
    }
    return Http.sendAsIs(request.build());
  }
}
