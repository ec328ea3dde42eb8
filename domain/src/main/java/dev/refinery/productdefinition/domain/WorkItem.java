package dev.refinery.productdefinition.domain;

import dev.refinery.taskmanagement.api.Priority;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * A task's place in the agents' work queue, kept from Task Management's events: READY when an agent
 * is owed work (validation started, answers given, PRD rejected, retried), WAITING while a person
 * is on it, DONE or FAILED at the end. An agent claims it under a lease and a fencing token; only
 * the holder of the current token may complete it, so the late result of a holder whose lease ran
 * out (and whose work was claimed again) is refused. Events older than the item's round or revision
 * change nothing.
 */
public final class WorkItem {

  /** What was asked for; blank for a task that ended before this context heard its request. */
  public record Request(String title, String description, String requester, Priority priority) {
    public static final Request UNKNOWN = new Request("", "", "", Priority.LOW);

    public Request {
      Objects.requireNonNull(title, "title");
      Objects.requireNonNull(requester, "requester");
      Objects.requireNonNull(priority, "priority");
      description = description == null ? "" : description;
    }

    public boolean known() {
      return !title.isEmpty();
    }
  }

  /** Everything a store keeps of a work item. */
  public record State(
      UUID taskId,
      Request request,
      String pool,
      WorkStatus status,
      int round,
      int revision,
      int attempts,
      Instant availableAt,
      Instant leaseUntil,
      long leaseToken,
      String lastError) {
    public State {
      Objects.requireNonNull(taskId, "taskId");
      Objects.requireNonNull(request, "request");
      Objects.requireNonNull(status, "status");
      Objects.requireNonNull(availableAt, "availableAt");
    }
  }

  private State state;

  private WorkItem(State state) {
    this.state = state;
  }

  /** A work item as a store kept it. */
  public static WorkItem of(State state) {
    return new WorkItem(state);
  }

  /** The work item of a task new to this context: WAITING until an event makes it ready. */
  public static WorkItem requested(UUID task, Request request, Instant now) {
    return new WorkItem(
        new State(task, request, null, WorkStatus.WAITING, 0, 0, 0, now, null, 0, null));
  }

  /**
   * A task that ended (cancelled or failed while NEW) before this context heard of it: kept in its
   * final state without a request, so that its validation, should that event come late, does not
   * make it READY.
   */
  public static WorkItem endedUnheard(
      UUID task, WorkStatus ended, int round, int revision, Instant now) {
    if (!ended.ended()) {
      throw new IllegalArgumentException(ended + " is not an end");
    }
    return new WorkItem(
        new State(task, Request.UNKNOWN, null, ended, round, revision, 0, now, null, 0, null));
  }

  public State state() {
    return state;
  }

  public UUID taskId() {
    return state.taskId();
  }

  public WorkStatus status() {
    return state.status();
  }

  /**
   * Fills in the request of an item that ended unheard; an item that knows its request keeps it.
   */
  public boolean learn(Request request) {
    if (state.request().known() || !request.known()) {
      return false;
    }
    state =
        with(
            request,
            state.pool(),
            state.status(),
            state.round(),
            state.revision(),
            state.attempts(),
            state.availableAt(),
            state.leaseUntil(),
            state.leaseToken(),
            state.lastError());
    return true;
  }

  /**
   * Before the agents of {@code pool} again, at once and with a fresh count of attempts. A DONE
   * item stays DONE; a FAILED one comes back only on a retry (any other event that finds it FAILED
   * came late). Work an agent already has or is owed at this round and revision stays as it is: the
   * same news twice does not take it from a running agent.
   *
   * @return whether the item changed
   */
  public boolean ready(String pool, int round, int revision, boolean retry, Instant now) {
    if (stale(round, revision)
        || state.status() == WorkStatus.DONE
        || state.status() == WorkStatus.FAILED && !retry) {
      return false;
    }
    boolean sameStep = state.round() == round && state.revision() == revision;
    if (sameStep && (state.status() == WorkStatus.READY || state.status() == WorkStatus.RUNNING)) {
      return false;
    }
    state =
        with(
            state.request(),
            pool,
            WorkStatus.READY,
            round,
            revision,
            0,
            now,
            null,
            state.leaseToken(),
            null);
    return true;
  }

  /**
   * Owes no agent anything: a person is on it ({@link WorkStatus#WAITING}) or the task ended. Ends
   * any lease; a DONE item stays DONE.
   *
   * @return whether the item changed
   */
  public boolean settle(WorkStatus status, int round, int revision) {
    if (status == WorkStatus.READY || status == WorkStatus.RUNNING) {
      throw new IllegalArgumentException("settle to WAITING, DONE or FAILED, not " + status);
    }
    if (stale(round, revision) || state.status() == WorkStatus.DONE) {
      return false;
    }
    state =
        with(
            state.request(),
            state.pool(),
            status,
            round,
            revision,
            state.attempts(),
            state.availableAt(),
            null,
            state.leaseToken(),
            state.lastError());
    return true;
  }

  /**
   * Leases the item to an agent: a READY item, or a RUNNING one whose lease ran out (reclaimed from
   * a holder that died or hung). Which items are due is the store's query; the token fences off the
   * last holder.
   */
  public WorkClaim claim(Duration lease, Instant now) {
    if (state.status() != WorkStatus.READY && state.status() != WorkStatus.RUNNING) {
      throw new IllegalStateException(
          "the work item of task "
              + state.taskId()
              + " is "
              + state.status()
              + ": nothing to claim");
    }
    boolean reclaimed = state.status() == WorkStatus.RUNNING;
    long token = state.leaseToken() + 1;
    int attempt = state.attempts() + 1;
    state =
        with(
            state.request(),
            state.pool(),
            WorkStatus.RUNNING,
            state.round(),
            state.revision(),
            attempt,
            state.availableAt(),
            now.plus(lease),
            token,
            state.lastError());
    return new WorkClaim(
        state.taskId(),
        token,
        attempt,
        state.request(),
        state.round(),
        state.revision(),
        reclaimed);
  }

  /**
   * An operator has the agent run again now: a READY item waiting for its next attempt becomes due
   * at once; a RUNNING one (an agent that seems stuck) has its lease end now, so the next claim
   * takes it over and fences the holder off. Anything else has no agent work to run.
   *
   * @return whether the item changed
   */
  public boolean runAgainNow(Instant now) {
    if (state.status() != WorkStatus.READY && state.status() != WorkStatus.RUNNING) {
      return false;
    }
    boolean running = state.status() == WorkStatus.RUNNING;
    state =
        with(
            state.request(),
            state.pool(),
            state.status(),
            state.round(),
            state.revision(),
            state.attempts(),
            running ? state.availableAt() : now,
            running ? now : null,
            state.leaseToken(),
            state.lastError());
    return true;
  }

  /** Whether {@code token} is the current lease's: only its holder's result counts. */
  public boolean heldBy(long token) {
    return state.status() == WorkStatus.RUNNING && state.leaseToken() == token;
  }

  /** The agent's result was taken: a person is on it now. */
  public void completed(long token, Instant now) {
    release(token, WorkStatus.WAITING, null, now);
  }

  /** The run failed and is tried again from {@code at}. */
  public void retryAt(long token, String error, Instant at) {
    release(token, WorkStatus.READY, error, at);
  }

  /** The run failed for the last time. */
  public void failed(long token, String error, Instant now) {
    release(token, WorkStatus.FAILED, error, now);
  }

  private void release(long token, WorkStatus next, String error, Instant availableAt) {
    if (!heldBy(token)) {
      throw new LeaseLostException(state.taskId(), token, state.status(), state.leaseToken());
    }
    state =
        with(
            state.request(),
            state.pool(),
            next,
            state.round(),
            state.revision(),
            state.attempts(),
            availableAt,
            null,
            token,
            error);
  }

  private boolean stale(int round, int revision) {
    return state.round() > round || state.revision() > revision;
  }

  private State with(
      Request request,
      String pool,
      WorkStatus status,
      int round,
      int revision,
      int attempts,
      Instant availableAt,
      Instant leaseUntil,
      long leaseToken,
      String lastError) {
    return new State(
        state.taskId(),
        request,
        pool,
        status,
        round,
        revision,
        attempts,
        availableAt,
        leaseUntil,
        leaseToken,
        lastError);
  }
}
