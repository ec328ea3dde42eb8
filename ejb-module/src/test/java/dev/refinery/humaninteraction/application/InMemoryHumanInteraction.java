package dev.refinery.humaninteraction.application;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.api.Person;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.domain.Inboxes;
import dev.refinery.humaninteraction.domain.Notice;
import dev.refinery.humaninteraction.domain.PersonRepository;
import dev.refinery.humaninteraction.domain.ReviewBoard;
import dev.refinery.humaninteraction.domain.ReviewHold;
import dev.refinery.humaninteraction.domain.SignInRecord;
import dev.refinery.humaninteraction.domain.StepDecision;
import dev.refinery.humaninteraction.domain.TaskView;
import dev.refinery.humaninteraction.domain.TaskViewRepository;
import dev.refinery.humaninteraction.domain.WebhookQueue;
import dev.refinery.taskmanagement.api.TaskStatus;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * Human Interaction's ports kept in memory, for unit tests of its use cases: the contracts of the
 * {@code Jpa*} adapters (which the container checks run on PostgreSQL), without locks.
 */
final class InMemoryHumanInteraction {

  static final Instant NOW = Instant.parse("2026-12-06T10:00:00Z");

  final Map<UUID, TaskView.State> views = new LinkedHashMap<>();
  final List<Notification> notifications = new ArrayList<>();
  final Map<UUID, Integer> webhookAttempts = new LinkedHashMap<>();
  final Map<UUID, String> webhookOutcomes = new LinkedHashMap<>();
  final Map<String, SignInRecord> signIns = new LinkedHashMap<>();
  final Map<String, Instant> versions = new LinkedHashMap<>();

  final Map<UUID, ReviewHold> holds = new LinkedHashMap<>();
  final Map<UUID, StepDecision> decisions = new LinkedHashMap<>();

  final ReviewBoard board =
      new ReviewBoard() {
        @Override
        public List<Waiting> waiting(Selection selection, int limit) {
          return views.values().stream()
              .filter(view -> view.status() == TaskStatus.PRD_VALIDATION)
              .filter(view -> !decisions.containsKey(view.taskId()))
              .map(
                  view ->
                      new Waiting(
                          view.taskId(),
                          view.title(),
                          view.requester(),
                          view.revision(),
                          NOW,
                          Optional.ofNullable(holds.get(view.taskId()))
                              .filter(hold -> hold.holds(view.revision()))))
              .filter(
                  w ->
                      switch (selection.scope()) {
                        case ALL -> true;
                        case HELD_BY ->
                            w.hold().map(ReviewHold::holder).orElse("").equals(selection.holder());
                        case UNHELD -> w.hold().isEmpty();
                      })
              .filter(
                  w ->
                      selection.waitingBefore() == null
                          || w.since().isBefore(selection.waitingBefore()))
              .limit(limit)
              .toList();
        }

        @Override
        public Optional<ReviewHold> hold(UUID task) {
          return Optional.ofNullable(holds.get(task));
        }

        @Override
        public void hold(ReviewHold hold) {
          holds.put(hold.taskId(), hold);
        }

        @Override
        public boolean release(UUID task) {
          return holds.remove(task) != null;
        }

        @Override
        public Optional<StepDecision> decision(UUID task) {
          return Optional.ofNullable(decisions.get(task));
        }

        @Override
        public void decided(StepDecision decision) {
          decisions.put(decision.taskId(), decision);
        }

        @Override
        public void stepMoved(UUID task) {
          decisions.computeIfPresent(task, (id, decision) -> decision.lasting() ? decision : null);
        }
      };

  final TaskViewRepository taskViews =
      new TaskViewRepository() {
        @Override
        public boolean add(TaskView view) {
          return views.putIfAbsent(view.state().taskId(), view.state()) == null;
        }

        @Override
        public Optional<TaskView> find(UUID task) {
          return Optional.ofNullable(views.get(task)).map(TaskView::of);
        }

        @Override
        public Optional<TaskView> lock(UUID task) {
          return find(task);
        }

        @Override
        public void save(TaskView view) {
          if (views.replace(view.state().taskId(), view.state()) == null) {
            throw new IllegalStateException("no view of " + view.state().taskId());
          }
        }
      };

  final Inboxes inboxes =
      new Inboxes() {
        @Override
        public boolean add(Notice notice, boolean toWebhook) {
          boolean repeat =
              notifications.stream()
                  .anyMatch(
                      held ->
                          held.recipient().equals(notice.recipient())
                              && held.taskId().equals(notice.taskId())
                              && held.kind().equals(notice.kind())
                              && held.step() == notice.step());
          if (repeat) {
            return false;
          }
          Notification notification =
              new Notification(
                  UUID.randomUUID(),
                  notice.recipient(),
                  notice.taskId(),
                  notice.kind(),
                  notice.step(),
                  notice.subject(),
                  notice.body(),
                  NOW,
                  null);
          notifications.add(notification);
          if (toWebhook) {
            webhookAttempts.put(notification.id(), 0);
          }
          return true;
        }

        @Override
        public List<Notification> of(String recipient, int limit) {
          return ofAny(Set.of(recipient), limit);
        }

        @Override
        public List<Notification> ofAny(Set<String> recipients, int limit) {
          return notifications.reversed().stream()
              .filter(held -> recipients.contains(held.recipient()))
              .limit(limit)
              .toList();
        }

        @Override
        public long unread(Set<String> recipients) {
          return ofAny(recipients, Integer.MAX_VALUE).stream()
              .filter(held -> held.readAt() == null)
              .count();
        }

        @Override
        public boolean markRead(UUID id, Set<String> recipients) {
          for (int i = 0; i < notifications.size(); i++) {
            Notification held = notifications.get(i);
            if (held.id().equals(id) && recipients.contains(held.recipient())) {
              if (held.readAt() == null) {
                notifications.set(i, read(held));
              }
              return true;
            }
          }
          return false;
        }

        @Override
        public int markAllRead(Set<String> recipients) {
          int marked = 0;
          for (int i = 0; i < notifications.size(); i++) {
            Notification held = notifications.get(i);
            if (held.readAt() == null && recipients.contains(held.recipient())) {
              notifications.set(i, read(held));
              marked++;
            }
          }
          return marked;
        }

        private Notification read(Notification held) {
          return new Notification(
              held.id(),
              held.recipient(),
              held.taskId(),
              held.kind(),
              held.step(),
              held.subject(),
              held.body(),
              held.createdAt(),
              NOW);
        }
      };

  final WebhookQueue webhooks =
      new WebhookQueue() {
        @Override
        public List<UUID> claimDue(int limit, Duration hold) {
          return webhookAttempts.keySet().stream()
              .filter(id -> !webhookOutcomes.containsKey(id))
              .limit(limit)
              .toList();
        }

        @Override
        public Optional<Pending> pending(UUID id) {
          return notifications.stream()
              .filter(held -> held.id().equals(id))
              .findFirst()
              .map(held -> new Pending(held, webhookAttempts.get(id)));
        }

        @Override
        public void delivered(UUID id, int attempts) {
          webhookAttempts.put(id, attempts);
          webhookOutcomes.put(id, "delivered");
        }

        @Override
        public void failed(UUID id, int attempts, String error, Optional<Duration> retryIn) {
          webhookAttempts.put(id, attempts);
          if (retryIn.isEmpty()) {
            webhookOutcomes.put(id, "given up: " + error);
          }
        }
      };

  /** A stored person: what {@code humaninteraction.person} holds. */
  record StoredPerson(
      String username,
      String displayName,
      String passwordHash,
      Set<Role> roles,
      boolean enabled,
      Instant createdAt) {}

  final Map<String, StoredPerson> persons = new LinkedHashMap<>();

  final PersonRepository people =
      new PersonRepository() {
        @Override
        public Optional<Instant> version(String username) {
          return enabled(username).map(person -> versions.get(username));
        }

        @Override
        public Optional<Credentials> credentials(String username) {
          return enabled(username)
              .map(person -> new Credentials(person.passwordHash(), signIns.get(username)));
        }

        @Override
        public Optional<Person> find(String username) {
          return Optional.ofNullable(persons.get(username)).map(this::person);
        }

        @Override
        public List<Person> all() {
          return persons.keySet().stream().sorted().map(name -> person(persons.get(name))).toList();
        }

        @Override
        public void add(
            String username,
            String displayName,
            String passwordHash,
            Set<Role> roles,
            Instant now) {
          StoredPerson added =
              new StoredPerson(username, displayName, passwordHash, roles, true, now);
          if (persons.putIfAbsent(username, added) != null) {
            throw new IllegalStateException("duplicate key: " + username);
          }
          signIns.put(username, new SignInRecord(0, null));
          versions.put(username, now);
        }

        @Override
        public boolean changeRoles(String username, Set<Role> roles, boolean enabled, Instant now) {
          StoredPerson person = persons.get(username);
          if (person == null) {
            return false;
          }
          persons.put(
              username,
              new StoredPerson(
                  username,
                  person.displayName(),
                  person.passwordHash(),
                  roles,
                  enabled,
                  person.createdAt()));
          versions.put(username, now);
          return true;
        }

        @Override
        public boolean resetPassword(String username, String passwordHash, Instant now) {
          StoredPerson person = persons.get(username);
          if (person == null) {
            return false;
          }
          persons.put(
              username,
              new StoredPerson(
                  username,
                  person.displayName(),
                  passwordHash,
                  person.roles(),
                  person.enabled(),
                  person.createdAt()));
          return saveSignIns(username, new SignInRecord(0, null), now);
        }

        @Override
        public void saveSignIns(String username, SignInRecord record) {
          signIns.replace(username, record);
        }

        @Override
        public boolean saveSignIns(String username, SignInRecord record, Instant now) {
          if (signIns.replace(username, record) == null) {
            return false;
          }
          versions.put(username, now);
          return true;
        }

        @Override
        public Optional<SignInRecord> lockSignIns(String username) {
          return Optional.ofNullable(signIns.get(username));
        }

        @Override
        public long enabledAdminsExclusively() {
          return persons.values().stream()
              .filter(person -> person.enabled() && person.roles().contains(Role.ADMIN))
              .count();
        }

        private Optional<StoredPerson> enabled(String username) {
          return Optional.ofNullable(persons.get(username)).filter(StoredPerson::enabled);
        }

        private Person person(StoredPerson person) {
          return new Person(
              person.username(),
              person.displayName(),
              person.roles(),
              person.enabled(),
              person.createdAt(),
              signIns.get(person.username()).locked());
        }
      };

  /** Notifications into these inboxes, without a webhook; escalations go to "operators". */
  Notifications notifications() {
    Notifications notifications = new Notifications();
    notifications.inboxes = inboxes;
    notifications.escalations = "operators";
    notifications.webhook = Optional.empty();
    notifications.webhookSecret = Optional.empty();
    return notifications;
  }

  /** Task views kept here, telling {@code notifications} whom an event makes wait. */
  TaskViews taskViews(Notifications notifications) {
    TaskViews views = new TaskViews();
    views.views = taskViews;
    views.board = board;
    views.notifications = notifications;
    return views;
  }
}
