package dev.refinery.console.tasks;

import dev.refinery.shared.api.Page;
import dev.refinery.taskmanagement.api.Priority;
import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/**
 * Backs {@code console/tasks/list.xhtml}: tasks filtered by state, priority, requester and text, a
 * page at a time, the newest first. The filters are GET parameters, so a filtered list can be
 * bookmarked and shared.
 */
@Named
@RequestScoped
public class ListBacking {

  static final int PAGE_SIZE = 25;

  @Inject Tasks tasks;

  private String status;
  private String priority;
  private String requester;
  private String q;
  private int page;
  private Page<TaskView> result;

  /** Runs once the view parameters are set; unknown values are ignored, not errors. */
  public void load() {
    TaskFilter filter =
        new TaskFilter(
            parse(TaskStatus.class, status),
            parse(Priority.class, priority),
            blankToNull(requester),
            blankToNull(q));
    result = tasks.search(filter, Math.max(page, 0), PAGE_SIZE);
  }

  private static <E extends Enum<E>> E parse(Class<E> type, String value) {
    try {
      return value == null || value.isBlank() ? null : Enum.valueOf(type, value.strip());
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public List<TaskView> getRows() {
    return result.items();
  }

  public long getTotal() {
    return result.total();
  }

  public boolean isHasPrevious() {
    return page > 0;
  }

  public boolean isHasNext() {
    return (long) (page + 1) * PAGE_SIZE < result.total();
  }

  public TaskStatus[] getStatuses() {
    return TaskStatus.values();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public String getStatus() {
    return status;
  }

  public void setStatus(String status) {
    this.status = status;
  }

  public String getPriority() {
    return priority;
  }

  public void setPriority(String priority) {
    this.priority = priority;
  }

  public String getRequester() {
    return requester;
  }

  public void setRequester(String requester) {
    this.requester = requester;
  }

  public String getQ() {
    return q;
  }

  public void setQ(String q) {
    this.q = q;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = page;
  }
}
