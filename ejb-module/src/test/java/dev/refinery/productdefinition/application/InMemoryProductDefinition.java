package dev.refinery.productdefinition.application;

import dev.refinery.productdefinition.api.AgentCosts;
import dev.refinery.productdefinition.api.AgentRunView;
import dev.refinery.productdefinition.api.PrdVersion;
import dev.refinery.productdefinition.domain.AgentOutcome;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentRun;
import dev.refinery.productdefinition.domain.AgentRuns;
import dev.refinery.productdefinition.domain.Clarifications;
import dev.refinery.productdefinition.domain.PrdVersions;
import dev.refinery.productdefinition.domain.WorkItem;
import dev.refinery.productdefinition.domain.WorkQueue;
import dev.refinery.productdefinition.domain.WorkStatus;
import dev.refinery.taskmanagement.api.Question;
import java.math.BigDecimal;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.function.UnaryOperator;

/**
 * Product Definition's ports kept in memory, for unit tests of its use cases: the same contracts as
 * the {@code Jpa*} adapters (which the container checks run on PostgreSQL), without locks.
 */
final class InMemoryProductDefinition {

  final Map<UUID, WorkItem.State> items = new LinkedHashMap<>();
  final Map<String, String> answers = new TreeMap<>();
  final Map<String, Question> questions = new TreeMap<>();
  final Map<UUID, List<PrdVersion>> versions = new LinkedHashMap<>();
  final List<String> runs = new ArrayList<>();
  private final Clock clock;

  InMemoryProductDefinition(Clock clock) {
    this.clock = clock;
  }

  WorkItem.State item(UUID task) {
    return items.get(task);
  }

  final WorkQueue workQueue =
      new WorkQueue() {
        @Override
        public Optional<WorkItem> find(UUID task) {
          return lock(task);
        }

        @Override
        public Optional<WorkItem> lock(UUID task) {
          return Optional.ofNullable(items.get(task)).map(WorkItem::of);
        }

        @Override
        public boolean add(WorkItem item) {
          return items.putIfAbsent(item.taskId(), item.state()) == null;
        }

        @Override
        public void save(WorkItem item) {
          if (items.replace(item.taskId(), item.state()) == null) {
            throw new IllegalStateException("no work item for " + item.taskId());
          }
        }

        @Override
        public Optional<String> leaseHolder(UUID task) {
          return find(task)
              .filter(item -> item.state().status() == WorkStatus.RUNNING)
              .map(item -> "this-instance");
        }

        @Override
        public List<WorkItem> lockDue(String pool, int limit) {
          List<WorkItem.State> all = new ArrayList<>(items.values());
          return all.stream()
              .filter(state -> pool.equals(state.pool()))
              .filter(
                  state ->
                      state.status() == WorkStatus.READY
                              && !state.availableAt().isAfter(clock.instant())
                          || state.status() == WorkStatus.RUNNING
                              && state.leaseUntil().isBefore(clock.instant()))
              .sorted(
                  Comparator.comparing(
                          (WorkItem.State state) -> state.status() != WorkStatus.RUNNING)
                      .thenComparing(state -> -state.request().priority().ordinal())
                      .thenComparing(all::indexOf))
              .limit(limit)
              .map(WorkItem::of)
              .toList();
        }
      };

  final Clarifications clarifications =
      new Clarifications() {
        @Override
        public void asked(UUID task, int round, List<Question> asked) {
          asked.forEach(
              question -> questions.putIfAbsent(key(task, round, question.id()), question));
        }

        @Override
        public Optional<Question> question(UUID task, int round, String questionId) {
          return Optional.ofNullable(questions.get(key(task, round, questionId)));
        }

        @Override
        public void answered(UUID task, int round, String questionId, String answer) {
          answers.put(key(task, round, questionId), answer);
        }

        @Override
        public List<AgentRequest.Clarification> of(UUID task) {
          return questions.entrySet().stream()
              .filter(entry -> entry.getKey().startsWith(task + "/"))
              .map(
                  entry ->
                      new AgentRequest.Clarification(
                          Integer.parseInt(entry.getKey().split("/")[1]),
                          entry.getValue().id(),
                          entry.getValue().text(),
                          answers.get(entry.getKey())))
              .toList();
        }
      };

  final PrdVersions prdVersions =
      new PrdVersions() {
        @Override
        public void add(UUID task, int revision, String document, AgentRun run) {
          versions
              .computeIfAbsent(task, any -> new ArrayList<>())
              .add(
                  new PrdVersion(
                      revision,
                      document,
                      run.agent(),
                      run.model(),
                      run.promptVersion(),
                      clock.instant(),
                      null,
                      null,
                      null,
                      null));
        }

        @Override
        public void rejected(UUID task, int revision, String by, String reason) {
          decide(
              task,
              revision,
              version ->
                  new PrdVersion(
                      revision,
                      version.document(),
                      version.agent(),
                      version.model(),
                      version.promptVersion(),
                      version.createdAt(),
                      reason,
                      by,
                      null,
                      clock.instant()));
        }

        @Override
        public void approved(UUID task, int revision, String by) {
          decide(
              task,
              revision,
              version ->
                  new PrdVersion(
                      revision,
                      version.document(),
                      version.agent(),
                      version.model(),
                      version.promptVersion(),
                      version.createdAt(),
                      null,
                      null,
                      by,
                      clock.instant()));
        }

        @Override
        public List<PrdVersion> of(UUID task) {
          return List.copyOf(versions.getOrDefault(task, List.of()));
        }

        private void decide(UUID task, int revision, UnaryOperator<PrdVersion> decision) {
          versions
              .getOrDefault(task, new ArrayList<>())
              .replaceAll(
                  version -> version.revision() == revision ? decision.apply(version) : version);
        }
      };

  final AgentRuns agentRuns =
      new AgentRuns() {
        @Override
        public void record(
            UUID task, int attempt, AgentRun run, AgentOutcome outcome, String error) {
          runs.add(task + " #" + attempt + " " + outcome + (error == null ? "" : ": " + error));
        }

        @Override
        public List<AgentRunView> of(UUID task) {
          throw new UnsupportedOperationException("not read by the use cases under test");
        }

        @Override
        public AgentCosts costs(UUID task) {
          return new AgentCosts(0, 0, 0, 0, BigDecimal.ZERO);
        }

        @Override
        public AgentCosts total() {
          return costs(null);
        }
      };

  private static String key(UUID task, int round, String questionId) {
    return task + "/" + round + "/" + questionId;
  }
}
