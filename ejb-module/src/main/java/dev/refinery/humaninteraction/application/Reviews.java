package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.Notices;
import dev.refinery.humaninteraction.domain.PersonRepository;
import dev.refinery.humaninteraction.domain.ReviewBoard;
import dev.refinery.humaninteraction.domain.ReviewHold;
import dev.refinery.shared.application.AuditTrail;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.shared.logging.LogText;
import dev.refinery.taskmanagement.api.TaskStatus;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import java.io.Serializable;
import java.lang.System.Logger.Level;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.microprofile.config.Config;

/**
 * The approvers' own work: the PRDs waiting for review with who holds each and when it is due, and
 * claiming, releasing and assigning a review. A review is due when the service levels escalate it
 * ({@code refinery.sla.review.escalate}, else {@code .remind}), counted from when the revision
 * began to wait. Holding a review does not stop another approver from deciding (the console asks
 * them first); every claim, release and assignment is audited.
 */
@Stateless
public class Reviews {

  /** The most waiting reviews one read returns. */
  public static final int MAX_QUEUE = 500;

  private static final System.Logger LOG = System.getLogger(Reviews.class.getName());

  /** Which reviews a person lists. */
  public enum Filter {
    ALL,
    MINE,
    UNASSIGNED,
    OVERDUE
  }

  /** A PRD revision waiting for review, with its due time and who holds it (null: nobody). */
  public record Waiting(
      UUID taskId,
      String title,
      String requester,
      int revision,
      Instant since,
      Instant due,
      String holder,
      Instant heldSince,
      String assignedBy)
      implements Serializable {

    public boolean overdue(Instant now) {
      return due != null && due.isBefore(now);
    }
  }

  /** Who holds a review, since when, and who gave it to them (themselves, when they claimed it). */
  public record Holder(String name, Instant since, String assignedBy) implements Serializable {
    public boolean claimed() {
      return name.equals(assignedBy);
    }
  }

  @Inject ReviewBoard board;

  @Inject TaskViews views;

  @Inject Deciders deciders;

  @Inject PersonRepository people;

  @Inject Notifications notifications;

  @Inject AuditTrail audit;

  @Inject Config config;

  @Inject Clock clock;

  /** The waiting reviews the filter keeps, the soonest due first (or the latest, reversed). */
  public List<Waiting> waiting(Caller caller, Filter filter, boolean latestFirst) {
    if (!caller.has(Role.APPROVER, Role.OPERATOR, Role.ADMIN)) {
      throw new NotPermittedException(
          caller.name() + " may not read the review queue: it needs the role APPROVER or OPERATOR");
    }
    Optional<Duration> dueAfter = dueAfter();
    ReviewBoard.Selection selection =
        switch (filter) {
          case ALL -> selection(ReviewBoard.Selection.Scope.ALL, null, null, latestFirst);
          case MINE ->
              selection(ReviewBoard.Selection.Scope.HELD_BY, caller.name(), null, latestFirst);
          case UNASSIGNED -> selection(ReviewBoard.Selection.Scope.UNHELD, null, null, latestFirst);
          case OVERDUE ->
              dueAfter.isEmpty()
                  ? null
                  : selection(
                      ReviewBoard.Selection.Scope.ALL,
                      null,
                      clock.instant().minus(dueAfter.get()),
                      latestFirst);
        };
    if (selection == null) {
      return List.of(); // without service levels nothing is ever overdue
    }
    return board.waiting(selection, MAX_QUEUE).stream()
        .map(
            w ->
                new Waiting(
                    w.taskId(),
                    w.title(),
                    w.requester(),
                    w.revision(),
                    w.since(),
                    dueAfter.map(w.since()::plus).orElse(null),
                    w.hold().map(ReviewHold::holder).orElse(null),
                    w.hold().map(ReviewHold::since).orElse(null),
                    w.hold().map(ReviewHold::assignedBy).orElse(null)))
        .toList();
  }

  /** Who holds the review of the revision that waits now, if anyone. */
  public Optional<Holder> holder(UUID task) {
    return views
        .find(task)
        .filter(view -> view.status() == TaskStatus.PRD_VALIDATION)
        .flatMap(view -> board.hold(task).filter(hold -> hold.holds(view.revision())))
        .map(hold -> new Holder(hold.holder(), hold.since(), hold.assignedBy()));
  }

  /** The people a review can be assigned to: enabled APPROVERs, by name. */
  public List<String> approvers() {
    return people.all().stream()
        .filter(person -> person.enabled() && person.roles().contains(Role.APPROVER))
        .map(Person::username)
        .toList();
  }

  /** The caller takes the review of the waiting revision; refused when someone else holds it. */
  public void claim(UUID task, Caller caller) {
    deciders.requireRole(caller, Role.APPROVER, "claim a review");
    TaskViews.View view = waitingForReview(task, "claim its review");
    requireMayDecide(view, caller.name());
    Optional<ReviewHold> held = current(view);
    if (held.isPresent() && !held.get().holder().equals(caller.name())) {
      throw new ReviewHeldException(
          task,
          held.get().holder()
              + " holds this review since "
              + held.get().since()
              + "; ask them to release it, or assign it to yourself");
    }
    board.hold(new ReviewHold(task, view.revision(), caller.name(), now(), caller.name()));
    audit.record(caller.name(), "REVIEW_CLAIMED", task.toString(), task.toString(), revision(view));
    LOG.log(
        Level.INFO,
        "{0} claimed the review of revision {1} of task {2}",
        LogText.escaped(caller.name()),
        view.revision(),
        task);
  }

  /** Gives the review back: its holder, or an OPERATOR. */
  public void release(UUID task, Caller caller) {
    TaskViews.View view = waitingForReview(task, "release its review");
    Optional<ReviewHold> held = current(view);
    if (held.isEmpty()) {
      throw new ReviewHeldException(task, "nobody holds the review of this revision");
    }
    if (!held.get().holder().equals(caller.name()) && !caller.has(Role.OPERATOR, Role.ADMIN)) {
      throw new NotPermittedException(
          caller.name()
              + " does not hold this review; only "
              + held.get().holder()
              + " or an OPERATOR can release it");
    }
    board.release(task);
    audit.record(
        caller.name(),
        "REVIEW_RELEASED",
        task.toString(),
        task.toString(),
        revision(view) + ", held by " + held.get().holder());
    LOG.log(
        Level.INFO,
        "{0} released the review of task {1}, held by {2}",
        LogText.escaped(caller.name()),
        task,
        LogText.escaped(held.get().holder()));
  }

  /**
   * Hands the review to an approver (APPROVERs and OPERATORs may), taking it from whoever held it;
   * the assignee is told in their inbox.
   */
  public void assign(UUID task, String assignee, Caller caller) {
    if (!caller.has(Role.APPROVER, Role.OPERATOR, Role.ADMIN)) {
      throw new NotPermittedException(
          caller.name() + " may not assign a review: it needs the role APPROVER or OPERATOR");
    }
    TaskViews.View view = waitingForReview(task, "assign its review");
    Person person =
        Optional.ofNullable(assignee)
            .flatMap(people::find)
            .filter(p -> p.enabled() && p.roles().contains(Role.APPROVER))
            .orElseThrow(
                () ->
                    new InvalidDecisionException(
                        "assignee", "'" + assignee + "' is not an enabled APPROVER"));
    requireMayDecide(view, person.username());
    Optional<ReviewHold> before = current(view);
    board.hold(new ReviewHold(task, view.revision(), person.username(), now(), caller.name()));
    if (!person.username().equals(caller.name())) {
      notifications.add(
          Notices.assigned(task, view.revision(), person.username(), caller.name(), view.title()));
    }
    audit.record(
        caller.name(),
        "REVIEW_ASSIGNED",
        task.toString(),
        task.toString(),
        revision(view)
            + " to "
            + person.username()
            + before.map(hold -> ", taken from " + hold.holder()).orElse(""));
    LOG.log(
        Level.INFO,
        "{0} assigned the review of task {1} to {2}",
        LogText.escaped(caller.name()),
        task,
        LogText.escaped(person.username()));
  }

  /** How long a review may wait before it is due: when the service levels escalate it. */
  public Optional<Duration> dueAfter() {
    return config
        .getOptionalValue("refinery.sla.review.escalate", Duration.class)
        .or(() -> config.getOptionalValue("refinery.sla.review.remind", Duration.class));
  }

  private TaskViews.View waitingForReview(UUID task, String action) {
    TaskViews.View view = views.lock(task).orElseThrow(() -> new NoSuchTaskException(task));
    if (view.status() != TaskStatus.PRD_VALIDATION) {
      throw new TaskStateConflictException(task, view.status(), action);
    }
    return view;
  }

  /** A review is held by someone who could decide it: not the requester, unless that is allowed. */
  private void requireMayDecide(TaskViews.View view, String holder) {
    if (view.requester().equals(holder) && !deciders.mayApproveOwnRequests()) {
      throw new NotPermittedException(
          holder + " requested task " + view.taskId() + " and may not review its PRD");
    }
  }

  private Optional<ReviewHold> current(TaskViews.View view) {
    return board.hold(view.taskId()).filter(hold -> hold.holds(view.revision()));
  }

  private static ReviewBoard.Selection selection(
      ReviewBoard.Selection.Scope scope, String holder, Instant before, boolean latestFirst) {
    return new ReviewBoard.Selection(scope, holder, before, latestFirst);
  }

  private static String revision(TaskViews.View view) {
    return "revision " + view.revision();
  }

  private Instant now() {
    return clock.instant();
  }
}
