package dev.refinery.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.annotation.WebFilter;
import jakarta.servlet.http.HttpFilter;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Headers on every response: no sniffing, no framing, no referrer to other sites, and a content
 * security policy that keeps scripts and styles to this origin (PrimeFaces needs inline scripts and
 * eval). Pages are never cached, so the back button after sign-out shows nothing.
 */
@WebFilter(urlPatterns = "/*", asyncSupported = true)
public class SecurityHeaders extends HttpFilter {

  private static final long serialVersionUID = 1L;

  static final String POLICY =
      "default-src 'self'; script-src 'self' 'unsafe-inline' 'unsafe-eval'; style-src 'self'"
          + " 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none';"
          + " form-action 'self'; base-uri 'self'";

  @Override
  protected void doFilter(
      HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws IOException, ServletException {
    response.setHeader("X-Content-Type-Options", "nosniff");
    response.setHeader("X-Frame-Options", "DENY");
    response.setHeader("Referrer-Policy", "same-origin");
    response.setHeader("Content-Security-Policy", POLICY);
    if (request.getRequestURI().endsWith(".xhtml")) {
      response.setHeader("Cache-Control", "no-store");
    }
    chain.doFilter(request, response);
  }
}
