package dev.refinery.console.tasks;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Lookup;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.application.Decisions;
import dev.refinery.humaninteraction.application.InvalidDecisionException;
import dev.refinery.humaninteraction.application.TaskStateConflictException;
import dev.refinery.shared.application.NotPermittedException;
import dev.refinery.taskmanagement.api.Answer;
import dev.refinery.taskmanagement.api.ClarificationRound;
import dev.refinery.taskmanagement.api.Question;
import dev.refinery.taskmanagement.api.TaskStatus;
import dev.refinery.taskmanagement.api.TaskView;
import dev.refinery.taskmanagement.application.Tasks;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Backs {@code console/tasks/clarify.xhtml}: the requester answers the open round, each question
 * with its options and the recommended one chosen already, or a text of their own; or proceeds with
 * every recommendation at once.
 */
@Named
@ViewScoped
public class ClarifyBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The choice that means "my own answer, in the text". */
  public static final String OWN = "__own";

  private final Lookup<Tasks> tasks = Lookup.of(Tasks.class);

  private final Lookup<Decisions> decisions = Lookup.of(Decisions.class);

  private final Lookup<ConsoleUser> user = Lookup.of(ConsoleUser.class);

  private String id;
  private TaskView task;
  private ClarificationRound round;
  private final Map<String, String> choices = new HashMap<>();
  private final Map<String, String> texts = new HashMap<>();

  public void load() throws IOException {
    if (task != null) {
      return; // a postback of this view
    }
    task = Tasks.parseId(id).flatMap(tasks.get()::find).orElse(null);
    FacesContext faces = FacesContext.getCurrentInstance();
    if (task == null) {
      faces.getExternalContext().responseSendError(404, "No task " + id);
      faces.responseComplete();
      return;
    }
    if (!mayAnswer()) {
      user.get().refuse("Only " + task.requester() + " answers these questions");
      return;
    }
    List<ClarificationRound> rounds = tasks.get().clarifications(task.id());
    round =
        rounds.isEmpty() || task.status() != TaskStatus.CLARIFICATION_NEEDED
            ? null
            : rounds.getLast();
    if (round != null) {
      for (Question question : round.questions()) {
        choices.put(question.id(), question.recommended() != null ? question.recommended() : OWN);
      }
    }
  }

  public String send() {
    List<Answer> answers = new ArrayList<>();
    for (Question question : round.questions()) {
      String choice = choices.get(question.id());
      String text = texts.get(question.id());
      boolean own = choice == null || OWN.equals(choice) || question.options().isEmpty();
      answers.add(
          new Answer(
              question.id(),
              own ? null : choice,
              text == null || text.isBlank() ? null : text.strip()));
    }
    return decide(answers, false);
  }

  public String proceedWithRecommendations() {
    return decide(List.of(), true);
  }

  private String decide(List<Answer> answers, boolean recommended) {
    if (!mayAnswer()) {
      user.get().refuse("Only " + task.requester() + " answers these questions");
      return null;
    }
    try {
      decisions
          .get()
          .answer(task.id(), answers, recommended, user.get().caller(), user.get().getName());
    } catch (InvalidDecisionException | TaskStateConflictException | NotPermittedException e) {
      Messages.error(e.getMessage());
      return null;
    }
    Messages.info("Answers sent: the agent continues with them.");
    return "/console/tasks/detail?faces-redirect=true&id=" + task.id();
  }

  private boolean mayAnswer() {
    return decisions.get().mayAnswer(task.id(), user.get().caller());
  }

  public TaskView getTask() {
    return task;
  }

  public ClarificationRound getRound() {
    return round;
  }

  public Map<String, String> getChoices() {
    return choices;
  }

  public Map<String, String> getTexts() {
    return texts;
  }

  public String getOwn() {
    return OWN;
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }
}
