package dev.refinery.security;

import jakarta.inject.Inject;
import jakarta.servlet.Filter;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.ServletRequest;
import jakarta.servlet.ServletResponse;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.time.Duration;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Signs out a person who has not done anything for {@code refinery.console.idle-timeout}, whatever
 * the page polls: a console request counts as activity unless it is a poll (a Faces Ajax request
 * from a component whose id is {@code poll}), so a dashboard left open does not keep a session
 * alive forever. A call to {@code /api} with the console's session cookie is held to the same clock
 * and never restarts it: past the timeout it is a 401, and the session ends.
 */
@WebFilter(
    urlPatterns = {"/console/*", "/api/*"},
    asyncSupported = true)
public class IdleSignOut implements Filter {

  static final String LAST_ACTIVE = IdleSignOut.class.getName() + ".lastActive";

  @Inject
  @ConfigProperty(name = "refinery.console.idle-timeout", defaultValue = "PT30M")
  Duration timeout;

  @Override
  public void doFilter(ServletRequest req, ServletResponse res, FilterChain chain)
      throws IOException, ServletException {
    HttpServletRequest request = (HttpServletRequest) req;
    HttpSession session = request.getSession(false);
    if (session != null) {
      boolean ajax = "partial/ajax".equals(request.getHeader("Faces-Request"));
      if (ajax && request.getCharacterEncoding() == null) {
        request.setCharacterEncoding(
            "UTF-8"); // what Faces reads its forms as; reading a parameter fixes it
      }
      boolean api = request.getRequestURI().startsWith(request.getContextPath() + "/api/");
      boolean poll = api || ajax && isPoll(request.getParameter("jakarta.faces.source"));
      long now = System.currentTimeMillis();
      switch (IdleSessions.decide((Long) session.getAttribute(LAST_ACTIVE), now, timeout, poll)) {
        case EXPIRED -> {
          session.invalidate();
          if (api) {
            signedOut((HttpServletResponse) res);
          } else {
            signIn(request, (HttpServletResponse) res, ajax);
          }
          return;
        }
        case ACTIVE -> session.setAttribute(LAST_ACTIVE, now);
        case UNCHANGED -> {}
      }
    }
    chain.doFilter(req, res);
  }

  /** The login page, saying why; an Ajax request gets it as a Faces partial-response redirect. */
  private static void signIn(HttpServletRequest request, HttpServletResponse response, boolean ajax)
      throws IOException {
    String login = request.getContextPath() + "/login.xhtml?idle=true";
    if (ajax) {
      response.setContentType("text/xml");
      response.setCharacterEncoding("UTF-8");
      response
          .getWriter()
          .write(
              "<?xml version=\"1.0\" encoding=\"UTF-8\"?><partial-response><redirect url=\""
                  + login
                  + "\"/></partial-response>");
    } else {
      response.sendRedirect(login);
    }
  }

  /** An API call on a session that was idle too long: a 401 problem, as for no credentials. */
  private void signedOut(HttpServletResponse response) throws IOException {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"Refinery\", charset=\"UTF-8\"");
    response.setContentType("application/problem+json");
    response.setCharacterEncoding("UTF-8");
    response
        .getWriter()
        .write(
            "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,"
                + "\"detail\":\"Signed out after "
                + (timeout.toSeconds() % 60 == 0
                    ? timeout.toMinutes() + " min"
                    : timeout.toSeconds() + " s")
                + " without an action: sign in again (or use HTTP Basic)\",\"errors\":[]}");
  }

  static boolean isPoll(String source) {
    return source != null && (source.equals("poll") || source.endsWith(":poll"));
  }
}
