package dev.refinery.orchestration.application;

import dev.refinery.orchestration.domain.ServiceLevelLadder;
import dev.refinery.orchestration.domain.ServiceLevelStep;
import dev.refinery.orchestration.domain.ServiceLevelSteps;
import dev.refinery.orchestration.domain.Workflow;
import dev.refinery.orchestration.domain.WorkflowRepository;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Orchestration's ports kept in memory, for unit tests of its use cases: the contracts of the
 * {@code Jpa*} adapters (which the container checks run on PostgreSQL), without locks.
 */
final class InMemoryOrchestration {

  final Map<UUID, Workflow.State> workflows = new LinkedHashMap<>();
  final Set<String> stepsTaken = new HashSet<>();

  final WorkflowRepository repository =
      new WorkflowRepository() {
        @Override
        public boolean add(Workflow workflow) {
          return workflows.putIfAbsent(workflow.taskId(), workflow.state()) == null;
        }

        @Override
        public Optional<Workflow> lock(UUID task) {
          return Optional.ofNullable(workflows.get(task)).map(Workflow::of);
        }

        @Override
        public void save(Workflow workflow) {
          if (workflows.replace(workflow.taskId(), workflow.state()) == null) {
            throw new IllegalStateException("no workflow for " + workflow.taskId());
          }
        }

        @Override
        public List<Workflow> lockAwaitingStart(int limit) {
          return workflows.values().stream()
              .map(Workflow::of)
              .filter(Workflow::awaitsStart)
              .sorted(
                  Comparator.comparing(
                          (Workflow workflow) -> -workflow.state().priority().ordinal())
                      .thenComparing(workflow -> workflow.state().createdAt()))
              .limit(limit)
              .toList();
        }

        @Override
        public List<Workflow> inStatusSince(TaskStatus status, Instant before, int limit) {
          return workflows.values().stream()
              .filter(state -> state.status() == status)
              .filter(state -> state.updatedAt().isBefore(before))
              .sorted(Comparator.comparing(Workflow.State::updatedAt))
              .limit(limit)
              .map(Workflow::of)
              .toList();
        }

        @Override
        public Map<TaskStatus, StatusCount> countByStatus() {
          Map<TaskStatus, StatusCount> counts = new EnumMap<>(TaskStatus.class);
          for (Workflow.State state : workflows.values()) {
            counts.merge(
                state.status(),
                new StatusCount(1, state.updatedAt()),
                (a, b) ->
                    new StatusCount(
                        a.count() + b.count(),
                        a.oldest().isBefore(b.oldest()) ? a.oldest() : b.oldest()));
          }
          return counts;
        }
      };

  final ServiceLevelSteps steps =
      new ServiceLevelSteps() {
        @Override
        public List<Workflow> lockDue(
            ServiceLevelLadder ladder, ServiceLevelStep step, Instant before, int limit) {
          List<Workflow> due = new ArrayList<>();
          for (Workflow workflow :
              repository.inStatusSince(ladder.state(), before, Integer.MAX_VALUE)) {
            if (!stepsTaken.contains(key(workflow, ladder, step)) && due.size() < limit) {
              due.add(workflow);
            }
          }
          return due;
        }

        @Override
        public boolean taken(
            Workflow workflow, ServiceLevelLadder ladder, ServiceLevelStep step, Instant at) {
          return stepsTaken.add(key(workflow, ladder, step));
        }
      };

  private static String key(Workflow workflow, ServiceLevelLadder ladder, ServiceLevelStep step) {
    return workflow.taskId() + " " + ladder.episodeKey(workflow) + " " + step.key();
  }
}
