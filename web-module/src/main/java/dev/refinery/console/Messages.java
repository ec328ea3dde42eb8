package dev.refinery.console;

import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.faces.context.PartialViewContext;
import jakarta.faces.event.PhaseEvent;
import jakarta.faces.event.PhaseId;
import jakarta.faces.event.PhaseListener;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;

/**
 * Messages shown at the top of the next rendered page, kept across a redirect in the person's
 * session. Not in Faces' flash: Mojarra keeps the flash's key in a cookie it encrypts with a key
 * each JVM makes at start, so the page after an action, served by another instance of the group,
 * could not read it and became an error page. The session is in the data grid, shared by every
 * instance.
 */
public final class Messages {

  private static final String PENDING = Messages.class.getName() + ".pending";

  /** The id of the console template's and the sign-in page's {@code h:messages}. */
  private static final String MESSAGES = "messages";

  private Messages() {}

  public static void info(String text) {
    add(false, text);
  }

  public static void error(String text) {
    add(true, text);
  }

  private static void add(boolean error, String text) {
    HttpSession session =
        (HttpSession) FacesContext.getCurrentInstance().getExternalContext().getSession(true);
    List<Pending> pending = new ArrayList<>(pending(session));
    pending.add(new Pending(error, text));
    // Set again, never changed in place: the grid stores an attribute when it is set.
    session.setAttribute(PENDING, pending);
  }

  @SuppressWarnings("unchecked")
  private static List<Pending> pending(HttpSession session) {
    Object pending = session.getAttribute(PENDING);
    return pending == null ? List.of() : (List<Pending>) pending;
  }

  /** A message waiting for the next page; small, and serializable for the grid. */
  private record Pending(boolean error, String text) implements Serializable {
    FacesMessage message() {
      return new FacesMessage(
          error ? FacesMessage.SEVERITY_ERROR : FacesMessage.SEVERITY_INFO, text, null);
    }
  }

  /**
   * Moves the waiting messages into the page about to be rendered, whichever instance renders it
   * (registered in faces-config.xml).
   */
  public static final class Shown implements PhaseListener {

    @Override
    public PhaseId getPhaseId() {
      return PhaseId.RENDER_RESPONSE;
    }

    @Override
    public void beforePhase(PhaseEvent event) {
      FacesContext faces = event.getFacesContext();
      HttpSession session = (HttpSession) faces.getExternalContext().getSession(false);
      if (session == null || session.getAttribute(PENDING) == null || !showsMessages(faces)) {
        return;
      }
      List<Pending> pending = pending(session);
      session.removeAttribute(PENDING);
      pending.forEach(message -> faces.addMessage(null, message.message()));
    }

    /**
     * Whether this response shows the page's messages: a whole page does; an Ajax update only when
     * it renders them (the dashboard's poll does not, and must leave them for the next page).
     */
    private static boolean showsMessages(FacesContext faces) {
      PartialViewContext partial = faces.getPartialViewContext();
      return !partial.isAjaxRequest()
          || partial.isRenderAll()
          || partial.getRenderIds().contains(MESSAGES);
    }
  }
}
