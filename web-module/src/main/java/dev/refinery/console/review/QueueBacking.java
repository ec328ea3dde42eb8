package dev.refinery.console.review;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Lookup;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.NoSuchTaskException;
import dev.refinery.humaninteraction.application.Reviews;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Backs {@code console/review/queue.xhtml}: the PRDs waiting for an approver, filtered (all, mine,
 * unassigned, overdue) and sorted by when they are due, with who holds each; claim one, or release
 * one you hold.
 */
@Named
@ViewScoped
public class QueueBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Lookup<Reviews> reviews = Lookup.of(Reviews.class);

  private final Lookup<Tasks> tasks = Lookup.of(Tasks.class);

  private final Lookup<ConsoleUser> user = Lookup.of(ConsoleUser.class);

  private String filter;
  private String order;

  /** The reviews as the page showed them: a row's action acts on the row the person saw. */
  private List<Reviews.Waiting> waiting;

  /**
   * The waiting tasks as Task Management has them, for their priorities: up to {@value
   * Tasks#MAX_PAGE_SIZE} with their descriptions, read again when the view moves to another
   * instance rather than carried in the session, which the data grid stores whole after every
   * request.
   */
  private transient Map<UUID, TaskView> details;

  /** The page's view action: reads the queue the filter and order ask for. */
  public void load() {
    waiting = reviews.get().waiting(user.get().caller(), selectedFilter(), isLatestFirst());
    details = null;
  }

  private Map<UUID, TaskView> details() {
    if (details == null) {
      details =
          tasks
              .get()
              .search(
                  new TaskFilter(TaskStatus.PRD_VALIDATION, null, null, null),
                  0,
                  Tasks.MAX_PAGE_SIZE)
              .items()
              .stream()
              .collect(
                  Collectors.toMap(
                      TaskView::id, Function.identity(), (a, b) -> a, java.util.HashMap::new));
    }
    return details;
  }

  public List<Reviews.Waiting> getWaiting() {
    return waiting;
  }

  /**
   * Task Management's priority of a waiting review: from the one search {@link #load} made, else
   * (past its page of {@value Tasks#MAX_PAGE_SIZE}) read alone; "" while it is not known there yet.
   */
  public String priority(Reviews.Waiting review) {
    TaskView task =
        details().computeIfAbsent(review.taskId(), id -> tasks.get().find(id).orElse(null));
    return task == null ? "" : task.priority().name();
  }

  public boolean overdue(Reviews.Waiting review) {
    return review.overdue(Instant.now());
  }

  public boolean mine(Reviews.Waiting review) {
    return user.get().getName().equals(review.holder());
  }

  /** Whether the person may release it: they hold it, or they are an operator. */
  public boolean releasable(Reviews.Waiting review) {
    return review.holder() != null && (mine(review) || user.get().isOperator());
  }

  public String claim(Reviews.Waiting review) {
    if (!user.get().allowed(Role.APPROVER)) {
      return null;
    }
    return acted(
        () -> reviews.get().claim(review.taskId(), user.get().caller()),
        "You hold the review of \"" + review.title() + "\" now.");
  }

  public String release(Reviews.Waiting review) {
    if (!user.get().allowed(Role.APPROVER, Role.OPERATOR)) {
      return null;
    }
    return acted(
        () -> reviews.get().release(review.taskId(), user.get().caller()),
        "Released \"" + review.title() + "\": anyone may claim it.");
  }

  private String acted(Runnable action, String done) {
    try {
      action.run();
    } catch (TaskStateConflictException | NotPermittedException | NoSuchTaskException e) {
      Messages.error(e.getMessage());
      load();
      return null;
    }
    Messages.info(done);
    return "/console/review/queue?faces-redirect=true&filter="
        + selectedFilter().name().toLowerCase(Locale.ROOT);
  }

  /** Whether service levels give reviews a due date at all. */
  public boolean isDue() {
    return reviews.get().dueAfter().isPresent();
  }

  public Reviews.Filter selectedFilter() {
    try {
      return filter == null || filter.isBlank()
          ? Reviews.Filter.ALL
          : Reviews.Filter.valueOf(filter.toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      return Reviews.Filter.ALL;
    }
  }

  public boolean isLatestFirst() {
    return "latest".equals(order);
  }

  public String getFilter() {
    return selectedFilter().name().toLowerCase(Locale.ROOT);
  }

  public void setFilter(String filter) {
    this.filter = filter;
  }

  public String getOrder() {
    return order;
  }

  public void setOrder(String order) {
    this.order = order;
  }
}
