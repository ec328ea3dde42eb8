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
 * alive forever.
 */
@WebFilter(urlPatterns = "/console/*", asyncSupported = true)
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
      boolean poll = ajax && isPoll(request.getParameter("jakarta.faces.source"));
      long now = System.currentTimeMillis();
      switch (IdleSessions.decide((Long) session.getAttribute(LAST_ACTIVE), now, timeout, poll)) {
        case EXPIRED -> {
          session.invalidate();
          signIn(request, (HttpServletResponse) res, ajax);
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

  static boolean isPoll(String source) {
    return source != null && (source.equals("poll") || source.endsWith(":poll"));
  }
}
