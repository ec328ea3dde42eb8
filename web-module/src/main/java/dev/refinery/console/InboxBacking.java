package dev.refinery.console;

import dev.refinery.humaninteraction.api.Notification;
import dev.refinery.humaninteraction.application.Notifications;
import dev.refinery.shared.application.NotPermittedException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;

/**
 * The bell on every page (unread notifications in the inboxes the person reads) and {@code
 * console/notifications.xhtml}: reminders, escalations, "your PRD is ready", marked read one by one
 * or all at once.
 */
@Named("inbox")
@RequestScoped
public class InboxBacking {

  /** The most notifications the page lists. */
  static final int LISTED = 200;

  @Inject Notifications notifications;

  @Inject ConsoleUser user;

  private Long unread;

  public long getUnread() {
    if (unread == null) {
      unread = user.getName() == null ? 0 : notifications.unread(user.caller());
    }
    return unread;
  }

  public List<Notification> getItems() {
    return notifications.mine(user.caller(), LISTED);
  }

  public String markRead(UUID id) {
    try {
      notifications.markRead(user.caller(), id);
    } catch (NotPermittedException e) {
      user.refuse(e.getMessage());
      return null;
    }
    return "/console/notifications?faces-redirect=true";
  }

  public String markAllRead() {
    int marked = notifications.markAllRead(user.caller());
    Messages.info(
        marked == 1 ? "1 notification marked read" : marked + " notifications marked read");
    return "/console/notifications?faces-redirect=true";
  }
}
