package dev.refinery.console.operations;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.shared.application.DeadLetterResolvedException;
import dev.refinery.shared.application.DeadLetterView;
import dev.refinery.shared.application.DeadLetters;
import dev.refinery.shared.application.NoSuchDeadLetterException;
import jakarta.annotation.PostConstruct;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.function.BiConsumer;

/**
 * Backs {@code console/operations/dead-letters.xhtml}: the open dead letters with reason, headers
 * and payload; replay a selection to where each failed, or discard it. Both are audited by the
 * boundary.
 */
@Named
@ViewScoped
public class DeadLettersBacking implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject DeadLetters deadLetters;

  @Inject ConsoleUser user;

  private List<DeadLetterView> letters;
  private List<DeadLetterView> selected = new ArrayList<>();

  @PostConstruct
  void load() {
    letters = deadLetters.openViews(500);
  }

  public void replay() {
    act((id, actor) -> deadLetters.replay(id, actor), "replayed");
  }

  public void discard() {
    act((id, actor) -> deadLetters.discard(id, actor), "discarded");
  }

  private void act(BiConsumer<UUID, String> action, String done) {
    if (!user.allowed(Role.OPERATOR)) {
      return;
    }
    if (selected == null || selected.isEmpty()) {
      Messages.error("Select one or more dead letters first.");
      return;
    }
    int count = 0;
    for (DeadLetterView letter : selected) {
      try {
        action.accept(letter.id(), user.getName());
        count++;
      } catch (DeadLetterResolvedException | NoSuchDeadLetterException e) {
        Messages.error(e.getMessage());
      }
    }
    Messages.info(count + " dead letter" + (count == 1 ? "" : "s") + " " + done + ".");
    selected = new ArrayList<>();
    load();
  }

  public List<DeadLetterView> getLetters() {
    return letters;
  }

  public List<DeadLetterView> getSelected() {
    return selected;
  }

  public void setSelected(List<DeadLetterView> selected) {
    this.selected = selected;
  }
}
