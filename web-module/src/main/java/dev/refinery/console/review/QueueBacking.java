package dev.refinery.console.review;

import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;

/** Backs {@code console/review/queue.xhtml}: the PRDs waiting for an approver. */
@Named
@RequestScoped
public class QueueBacking {

  @Inject Tasks tasks;

  public List<TaskView> getWaiting() {
    return tasks
        .search(new TaskFilter(TaskStatus.PRD_VALIDATION, null, null, null), 0, Tasks.MAX_PAGE_SIZE)
        .items()
        .reversed(); // the longest waiting first
  }
}
