package dev.refinery.taskmanagement.infrastructure.persistence;

import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;

/** Tasks in {@code taskmanagement.task}, in the caller's transaction. */
@ApplicationScoped
public class JpaTaskRepository implements TaskRepository {

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Override
  public void add(Task task) {
    entityManager.persist(task);
  }

  @Override
  public Optional<Task> find(TaskId id) {
    return Optional.ofNullable(entityManager.find(Task.class, id.value()));
  }

  @Override
  public List<Task> newest(int limit) {
    return entityManager
        .createQuery("SELECT t FROM Task t ORDER BY t.createdAt DESC", Task.class)
        .setMaxResults(limit)
        .getResultList();
  }
}
