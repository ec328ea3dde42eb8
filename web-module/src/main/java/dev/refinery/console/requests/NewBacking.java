package dev.refinery.console.requests;

import dev.refinery.console.ConsoleUser;
import dev.refinery.console.Messages;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.api.SubmitRequest;
import dev.refinery.humaninteraction.application.Requests;
import dev.refinery.taskmanagement.api.Priority;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;

/** Backs {@code console/requests/new.xhtml}: a requester's feature request. */
@Named
@RequestScoped
public class NewBacking {

  @Inject Requests requests;

  @Inject ConsoleUser user;

  private String title;
  private String description;
  private Priority priority = Priority.MEDIUM;

  public String submit() {
    if (!user.allowed(Role.REQUESTER)) {
      return null;
    }
    UUID task =
        requests.submit(
            new SubmitRequest(
                title, description == null ? "" : description, priority.name(), user.getName()),
            user.caller());
    Messages.info("Request submitted as task " + task + ". The agent picks it up in a moment.");
    return "/console/tasks/list?faces-redirect=true&requester=" + user.getName();
  }

  public Priority[] getPriorities() {
    return Priority.values();
  }

  public int getTitleMax() {
    return SubmitRequest.TITLE_MAX;
  }

  public int getDescriptionMax() {
    return SubmitRequest.DESCRIPTION_MAX;
  }

  public String getTitle() {
    return title;
  }

  public void setTitle(String title) {
    this.title = title;
  }

  public String getDescription() {
    return description;
  }

  public void setDescription(String description) {
    this.description = description;
  }

  public Priority getPriority() {
    return priority;
  }

  public void setPriority(Priority priority) {
    this.priority = priority;
  }
}
