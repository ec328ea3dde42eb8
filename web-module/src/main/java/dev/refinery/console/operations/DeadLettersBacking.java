package dev.refinery.console.operations;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Lookup;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.api.Page;
import dev.refinery.shared.application.DeadLetterFilter;
import dev.refinery.shared.application.DeadLetterGroup;
import dev.refinery.shared.application.DeadLetterResolvedException;
import dev.refinery.shared.application.DeadLetterView;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.application.NoSuchDeadLetterException;
import dev.refinery.shared.application.NotPermittedException;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Backs {@code console/operations/dead-letters.xhtml}: the open dead letters grouped by message
 * type and exception class with their counts (replay or discard a whole group, after a confirmation
 * that says how many), and a filtered, paged list with reason, headers and payload (replay or
 * discard a selection). Every action is audited by the application.
 */
@Named
@ViewScoped
public class DeadLettersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** Dead letters per page. */
  static final int PAGE_SIZE = 100;

  private final Lookup<DeadLetters> deadLetters = Lookup.of(DeadLetters.class);

  private final Lookup<ConsoleUser> user = Lookup.of(ConsoleUser.class);

  private String type;
  private String failure;
  private String task;
  private String from;
  private String to;
  private int page;

  /**
   * The groups as the page showed them: a group action does at most as many as its confirmation
   * named. A handful of rows, kept with the view.
   */
  private List<DeadLetterGroup> groups;

  /**
   * The page of dead letters, up to {@value #PAGE_SIZE} with their payloads: read again when the
   * view moves to another instance rather than carried in the session, which the data grid stores
   * whole after every request.
   */
  private transient Page<DeadLetterView> letters;

  /** Set and used within one postback (the selection comes with the button). */
  private transient List<DeadLetterView> selected;

  /** The page's view action: reads the groups and the page the filter asks for. */
  public void load() {
    groups = deadLetters.get().groups();
    letters = deadLetters.get().page(filter(), page, PAGE_SIZE);
  }

  private Page<DeadLetterView> letters() {
    if (letters == null) {
      letters = deadLetters.get().page(filter(), page, PAGE_SIZE);
    }
    return letters;
  }

  private DeadLetterFilter filter() {
    return new DeadLetterFilter(
        blankToNull(type), blankToNull(failure), blankToNull(task), moment(from), moment(to));
  }

  /** A day (2026-12-06, from its start in UTC) or an instant; anything else is said and ignored. */
  private static Instant moment(String text) {
    String value = blankToNull(text);
    if (value == null) {
      return null;
    }
    try {
      return value.length() == 10
          ? LocalDate.parse(value).atStartOfDay(ZoneOffset.UTC).toInstant()
          : Instant.parse(value);
    } catch (DateTimeParseException e) {
      Messages.error("'" + value + "' is not a day (2026-12-06) or an instant: not used");
      return null;
    }
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }

  public void replay() {
    act(deadLetters.get()::replay, "replayed");
  }

  public void discard() {
    act(deadLetters.get()::discard, "discarded");
  }

  private void act(BiConsumer<UUID, Caller> action, String done) {
    if (!user.get().allowed(Role.OPERATOR)) {
      return;
    }
    if (selected == null || selected.isEmpty()) {
      Messages.error("Select one or more dead letters first.");
      return;
    }
    Caller caller = user.get().caller();
    int count = 0;
    for (DeadLetterView letter : selected) {
      try {
        action.accept(letter.id(), caller);
        count++;
      } catch (DeadLetterResolvedException | NoSuchDeadLetterException e) {
        Messages.error(e.getMessage());
      } catch (NotPermittedException e) {
        Messages.error(e.getMessage());
        break;
      }
    }
    Messages.info(count + " dead letter" + (count == 1 ? "" : "s") + " " + done + ".");
    selected = null;
    load();
  }

  /** Replays the group's dead letters, at most as many as the confirmation named. */
  public String replayGroup(DeadLetterGroup group) {
    if (!user.get().allowed(Role.OPERATOR)) {
      return null;
    }
    try {
      int replayed =
          deadLetters.get().replayAll(group.filter(), group.count(), user.get().caller());
      Messages.info(replayed + " dead letters of " + group.type() + " replayed.");
    } catch (NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    return "/console/operations/dead-letters?faces-redirect=true";
  }

  /** Discards the group's dead letters, at most as many as the confirmation named. */
  public String discardGroup(DeadLetterGroup group) {
    if (!user.get().allowed(Role.OPERATOR)) {
      return null;
    }
    try {
      int discarded =
          deadLetters.get().discardAll(group.filter(), group.count(), user.get().caller());
      Messages.info(discarded + " dead letters of " + group.type() + " discarded.");
    } catch (NotPermittedException e) {
      Messages.error(e.getMessage());
    }
    return "/console/operations/dead-letters?faces-redirect=true";
  }

  /** The question the browser asks before a group action: says how many. */
  public String question(String verb, DeadLetterGroup group) {
    return verb
        + " all "
        + group.count()
        + " dead letter"
        + (group.count() == 1 ? "" : "s")
        + " of "
        + group.type()
        + " ("
        + group.exceptionClass()
        + ")?";
  }

  public List<DeadLetterGroup> getGroups() {
    return groups;
  }

  public List<DeadLetterView> getLetters() {
    return letters().items();
  }

  public long getTotal() {
    return letters().total();
  }

  public boolean isPrevious() {
    return page > 0;
  }

  public boolean isNext() {
    return (long) (page + 1) * PAGE_SIZE < letters().total();
  }

  public List<DeadLetterView> getSelected() {
    if (selected == null) {
      selected = new ArrayList<>();
    }
    return selected;
  }

  public void setSelected(List<DeadLetterView> selected) {
    this.selected = selected;
  }

  public String getType() {
    return type;
  }

  public void setType(String type) {
    this.type = type;
  }

  public String getFailure() {
    return failure;
  }

  public void setFailure(String failure) {
    this.failure = failure;
  }

  public String getTask() {
    return task;
  }

  public void setTask(String task) {
    this.task = task;
  }

  public String getFrom() {
    return from;
  }

  public void setFrom(String from) {
    this.from = from;
  }

  public String getTo() {
    return to;
  }

  public void setTo(String to) {
    this.to = to;
  }

  public int getPage() {
    return page;
  }

  public void setPage(int page) {
    this.page = Math.max(page, 0);
  }
}
