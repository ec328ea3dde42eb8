package dev.refinery.console.tasks;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.prds.LineDiff;
import dev.refinery.console.prds.PrdDocument;
import dev.refinery.humaninteraction.application.MessageHistory;
import dev.refinery.humaninteraction.application.Reviews;
import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.api.WorkView;
import dev.refinery.productdefinition.application.Prds;
import dev.refinery.shared.application.DeadLetterView;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.monitoring.Alert;
import dev.refinery.shared.monitoring.Alerts;
import dev.refinery.shared.monitoring.MessageRecord;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.HistoryEntry;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Backs {@code console/tasks/detail.xhtml}: a task with its transitions, every message about it,
 * the clarification rounds, the PRD revisions as documents with the changes between two of them,
 * and the agent runs with their costs. Everything is read once, when the view parameters are set.
 * The messages are for the task's requester and OPERATORs only (null for anyone else: the page says
 * so).
 */
@Named
@RequestScoped
public class DetailBacking {

  @Inject Tasks tasks;

  @Inject Prds prds;

  @Inject MessageHistory messageHistory;

  @Inject ConsoleUser user;

  @Inject Alerts alerts;

  @Inject DeadLetters deadLetters;

  @Inject Reviews reviews;

  private String id;
  private int from;
  private int to;
  private TaskView task;
  private List<PrdVersion> versions;
  private List<HistoryEntry> history;
  private List<MessageRecord> messages;
  private List<ClarificationRound> clarifications;
  private List<AgentRunView> runs;
  private AgentCosts costs;
  private Where where;
  private Review review;

  /** The review of a PRD waiting for it: who holds it (null: nobody) and when it is due. */
  public record Review(Reviews.Holder holder, Instant due) {}

  /**
   * Where the task is now, for OPERATORs: its agent work (status, attempts, lease, next attempt,
   * last error), its open alerts and its dead letters.
   */
  public record Where(WorkView work, List<Alert> openAlerts, List<DeadLetterView> deadLetters) {}

  public void load() throws IOException {
    UUID uuid = Tasks.parseId(id).orElse(null);
    task = uuid == null ? null : tasks.find(uuid).orElse(null);
    if (task == null) {
      FacesContext.getCurrentInstance()
          .getExternalContext()
          .responseSendError(404, "No task " + id);
      FacesContext.getCurrentInstance().responseComplete();
      return;
    }
    versions = prds.versions(uuid);
    history = tasks.history(uuid);
    messages =
        messageHistory.mayRead(uuid, user.caller())
            ? messageHistory.ofTask(uuid, user.caller())
            : null;
    clarifications = tasks.clarifications(uuid);
    runs = prds.runs(uuid);
    costs = prds.costs(uuid);
    where =
        user.isOperator()
            ? new Where(
                prds.work(uuid).orElse(null),
                alerts.open().stream().filter(alert -> id(alert).equals(uuid.toString())).toList(),
                deadLetters.viewsOfTask(uuid.toString()))
            : null;
    review =
        task.status() == TaskStatus.PRD_VALIDATION
            ? new Review(
                reviews.holder(uuid).orElse(null),
                reviews.dueAfter().map(task.updatedAt()::plus).orElse(null))
            : null;
    if (to <= 0 || to > versions.size()) {
      to = versions.size();
    }
    if (from <= 0 || from >= to) {
      from = Math.max(to - 1, 0);
    }
  }

  private static String id(Alert alert) {
    return alert.taskId() == null ? "" : alert.taskId();
  }

  /** Null unless the PRD waits for review. */
  public Review getReview() {
    return review;
  }

  /** Null for anyone but an OPERATOR: the page leaves the section out. */
  public Where getWhere() {
    return where;
  }

  public TaskView getTask() {
    return task;
  }

  public List<HistoryEntry> getHistory() {
    return history;
  }

  public List<MessageRecord> getMessages() {
    return messages;
  }

  /** An answer as the page shows it: the option's label, not its id, and any text. */
  public String answered(Question question, Answer answer) {
    return AnswerText.of(question, answer);
  }

  public List<ClarificationRound> getClarifications() {
    return clarifications;
  }

  /** The revisions, the newest first. */
  public List<PrdVersion> getVersions() {
    return versions.reversed();
  }

  public List<PrdDocument.Line> document(PrdVersion version) {
    return PrdDocument.lines(version.document());
  }

  /** Whether there are two revisions to compare. */
  public boolean isComparable() {
    return from >= 1 && to > from;
  }

  public List<LineDiff.Entry<PrdDocument.Line>> getDiff() {
    return LineDiff.between(
        PrdDocument.lines(revision(from).document()), PrdDocument.lines(revision(to).document()));
  }

  private PrdVersion revision(int number) {
    return versions.stream()
        .filter(version -> version.revision() == number)
        .findFirst()
        .orElseThrow();
  }

  public List<AgentRunView> getRuns() {
    return runs;
  }

  public AgentCosts getCosts() {
    return costs;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public int getFrom() {
    return from;
  }

  public void setFrom(int from) {
    this.from = from;
  }

  public int getTo() {
    return to;
  }

  public void setTo(int to) {
    this.to = to;
  }
}
