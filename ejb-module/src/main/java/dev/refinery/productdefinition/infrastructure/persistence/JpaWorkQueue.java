package dev.refinery.productdefinition.infrastructure.persistence;

import static dev.refinery.shared.infrastructure.persistence.NativeRows.instant;

import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkQueue;
import dev.refinery.productdefinition.domain.WorkStatus;
import dev.refinery.shared.infrastructure.management.ThisInstance;
import dev.refinery.taskmanagement.api.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Work items in {@code productdefinition.work_item}, in the caller's transaction. Due is judged by
 * the database's wall clock ({@code clock_timestamp()}, not the transaction's start), so an item
 * made READY earlier in the same transaction is due at once. Times are cast in SQL so that a null
 * binds whatever type the JPA provider gives it.
 */
@ApplicationScoped
public class JpaWorkQueue implements WorkQueue {

  private static final String COLUMNS =
      "task_id, title, description, requester, priority, pool, status, round,"
          + " revision, attempts, available_at, lease_until, lease_token, last_error";
  private static final String FIND =
      "SELECT " + COLUMNS + " FROM productdefinition.work_item WHERE task_id = ?";
  private static final String LOCK =
      "SELECT " + COLUMNS + " FROM productdefinition.work_item WHERE task_id = ?" + " FOR UPDATE";
  private static final String LOCK_DUE =
      "SELECT "
          + COLUMNS
          + " FROM productdefinition.work_item WHERE pool = ? AND ((status = 'READY' AND"
          + " available_at <= clock_timestamp())      OR (status = 'RUNNING' AND lease_until <"
          + " clock_timestamp())) ORDER BY status = 'RUNNING' DESC, priority_rank DESC, created_at"
          + " LIMIT ? FOR UPDATE SKIP LOCKED";
  private static final String ADD =
      "INSERT INTO productdefinition.work_item ("
          + COLUMNS
          + ", priority_rank,"
          + " created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, CAST(? AS timestamptz),"
          + " CAST(? AS timestamptz), ?, ?, ?, now(), now()) ON CONFLICT (task_id) DO NOTHING";
  private static final String SAVE =
      "UPDATE productdefinition.work_item SET task_id = ?, title = ?, description = ?, requester ="
          + " ?, priority = ?, pool = ?, status = ?, round = ?, revision = ?, attempts = ?,"
          + " available_at = CAST(? AS timestamptz), lease_until = CAST(? AS timestamptz),"
          + " lease_token = ?, last_error = ?, priority_rank = ?, updated_at = now(),"
          + " lease_holder = CASE WHEN CAST(? AS varchar) IS NULL THEN NULL"
          + " WHEN lease_token = ? THEN lease_holder ELSE CAST(? AS varchar) END"
          + " WHERE task_id = ?";

  @PersistenceContext(unitName = "refinery")
  EntityManager entityManager;

  @Inject ThisInstance instance;

  @Override
  @SuppressWarnings("unchecked")
  public Optional<String> leaseHolder(UUID task) {
    List<String> holders =
        entityManager
            .createNativeQuery(
                "SELECT lease_holder FROM productdefinition.work_item WHERE task_id = ?"
                    + " AND status = 'RUNNING' AND lease_holder IS NOT NULL")
            .setParameter(1, task)
            .getResultList();
    return holders.stream().findFirst();
  }

  @Override
  public Optional<WorkItem> find(UUID task) {
    return items(entityManager.createNativeQuery(FIND).setParameter(1, task)).stream().findFirst();
  }

  @Override
  public Optional<WorkItem> lock(UUID task) {
    return items(entityManager.createNativeQuery(LOCK).setParameter(1, task)).stream().findFirst();
  }

  @Override
  public boolean add(WorkItem item) {
    return bind(entityManager.createNativeQuery(ADD), item.state()).executeUpdate() == 1;
  }

  @Override
  public void save(WorkItem item) {
    WorkItem.State state = item.state();
    String running = state.status() == WorkStatus.RUNNING ? instance.name() : null;
    int changed =
        bind(entityManager.createNativeQuery(SAVE), state)
            // the lease's holder: this instance when it took a new lease (a new token), else
            // whoever holds the one it keeps (an operator ending a stuck lease is not its holder)
            .setParameter(16, running)
            .setParameter(17, state.leaseToken())
            .setParameter(18, running)
            .setParameter(19, state.taskId())
            .executeUpdate();
    if (changed != 1) {
      throw new IllegalStateException(
          "the work item of task " + state.taskId() + " is not stored: nothing to save");
    }
  }

  @Override
  public List<WorkItem> lockDue(String pool, int limit) {
    return items(
        entityManager.createNativeQuery(LOCK_DUE).setParameter(1, pool).setParameter(2, limit));
  }

  /**
   * Binds the state's columns to parameters 1–15, in the order of {@link #COLUMNS} then the
   * priority's rank.
   */
  private static Query bind(Query query, WorkItem.State state) {
    WorkItem.Request request = state.request();
    return query
        .setParameter(1, state.taskId())
        .setParameter(2, request.title())
        .setParameter(3, request.description())
        .setParameter(4, request.requester())
        .setParameter(5, request.priority().name())
        .setParameter(6, state.pool())
        .setParameter(7, state.status().name())
        .setParameter(8, state.round())
        .setParameter(9, state.revision())
        .setParameter(10, state.attempts())
        .setParameter(11, timestamp(state.availableAt()))
        .setParameter(12, timestamp(state.leaseUntil()))
        .setParameter(13, state.leaseToken())
        .setParameter(14, state.lastError())
        .setParameter(15, request.priority().ordinal());
  }

  @SuppressWarnings("unchecked")
  private static List<WorkItem> items(Query query) {
    List<Object[]> rows = query.getResultList();
    return rows.stream().map(JpaWorkQueue::item).toList();
  }

  private static WorkItem item(Object[] row) {
    WorkItem.Request request =
        new WorkItem.Request(
            (String) row[1], (String) row[2], (String) row[3], Priority.valueOf((String) row[4]));
    return WorkItem.of(
        new WorkItem.State(
            (UUID) row[0],
            request,
            (String) row[5],
            WorkStatus.valueOf((String) row[6]),
            ((Number) row[7]).intValue(),
            ((Number) row[8]).intValue(),
            ((Number) row[9]).intValue(),
            instant(row[10]),
            instant(row[11]),
            ((Number) row[12]).longValue(),
            (String) row[13]));
  }

  private static Timestamp timestamp(Instant instant) {
    return instant == null ? null : Timestamp.from(instant);
  }
}
