package dev.refinery.console.tasks;

import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import dev.refinery.taskmanagement.api.TaskFilter;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;

/** Backs {@code console/tasks/list.xhtml}: the newest tasks. */
@Named
@ViewScoped
public class ListBacking implements Serializable {

  private static final long serialVersionUID = 1L;
  private static final int PAGE = 200;

  @Inject transient Tasks tasks;

  private List<TaskView> rows;

  @PostConstruct
  void load() {
    rows = tasks.search(TaskFilter.ANY, 0, PAGE).items();
  }

  public void refresh() {
    load();
  }

  public List<TaskView> getRows() {
    return rows;
  }
}
