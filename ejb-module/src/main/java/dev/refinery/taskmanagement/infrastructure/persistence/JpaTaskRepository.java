package dev.refinery.taskmanagement.infrastructure.persistence;

import dev.refinery.taskmanagement.api.TaskFilter;
import dev.refinery.taskmanagement.domain.Task;
import dev.refinery.taskmanagement.domain.TaskId;
import dev.refinery.taskmanagement.domain.TaskRepository;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.TypedQuery;
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
  public List<Task> search(TaskFilter filter, int offset, int limit) {
    TypedQuery<Task> query =
        entityManager.createQuery(
            "SELECT t FROM Task t" + where(filter) + " ORDER BY t.createdAt DESC", Task.class);
    bind(query, filter);
    return query.setFirstResult(offset).setMaxResults(limit).getResultList();
  }

  @Override
  public long count(TaskFilter filter) {
    TypedQuery<Long> query =
        entityManager.createQuery("SELECT count(t) FROM Task t" + where(filter), Long.class);
    bind(query, filter);
    return query.getSingleResult();
  }

  private static String where(TaskFilter filter) {
    StringBuilder where = new StringBuilder(" WHERE 1 = 1");
    if (filter.status() != null) {
      where.append(" AND t.status = :status");
    }
    if (filter.priority() != null) {
      where.append(" AND t.priority = :priority");
    }
    if (filter.requester() != null) {
      where.append(" AND t.requester = :requester");
    }
    if (filter.text() != null) {
      where.append(" AND (lower(t.title) LIKE :text OR lower(t.description) LIKE :text)");
    }
    return where.toString();
  }

  private static void bind(TypedQuery<?> query, TaskFilter filter) {
    if (filter.status() != null) {
      query.setParameter("status", filter.status());
    }
    if (filter.priority() != null) {
      query.setParameter("priority", filter.priority());
    }
    if (filter.requester() != null) {
      query.setParameter("requester", filter.requester());
    }
    if (filter.text() != null) {
      String escaped =
          filter
              .text()
              .toLowerCase(java.util.Locale.ROOT)
              .replace("\\", "\\\\")
              .replace("%", "\\%")
              .replace("_", "\\_");
      query.setParameter("text", "%" + escaped + "%");
    }
  }
}
