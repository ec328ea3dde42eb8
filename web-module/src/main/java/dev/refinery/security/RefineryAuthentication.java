package dev.refinery.security;

import dev.refinery.humaninteraction.application.People;
import dev.refinery.shared.logging.LogText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.authentication.mechanism.http.HttpAuthenticationMechanism;
import jakarta.security.enterprise.authentication.mechanism.http.HttpMessageContext;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStoreHandler;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.lang.System.Logger.Level;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Set;

/**
 * One authentication mechanism for the console and the API. The console signs in through its login
 * page (which calls {@code SecurityContext.authenticate}) and stays signed in through its session,
 * its person read again on every request (a disabled person is out at once); API clients send HTTP
 * Basic on every call. Anonymous requests for protected pages are sent to the login page; for the
 * API they get a 401.
 */
@ApplicationScoped
public class RefineryAuthentication implements HttpAuthenticationMechanism {

  private static final System.Logger LOG = System.getLogger(RefineryAuthentication.class.getName());
  private static final String SIGNED_IN = RefineryAuthentication.class.getName() + ".signedIn";

  /**
   * Set on a console sign-in the throttle refused: the seconds to wait, for the login page to say.
   */
  public static final String THROTTLED = RefineryAuthentication.class.getName() + ".throttled";

  /** Who signed in through the login page, kept in their session. */
  record SignedIn(String username) implements Serializable {}

  @Inject IdentityStoreHandler identities;

  @Inject VerifiedCredentials verified;

  @Inject SignInThrottle throttle;

  @Inject People people;

  @Override
  public AuthenticationStatus validateRequest(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    return LostDatabase.retryOnce(
        () -> check(request, response, context),
        () -> {
          LOG.log(
              Level.WARNING,
              "Could not check the caller of {0} {1}: the database connection was lost twice;"
                  + " answered 503",
              request.getMethod(),
              request.getRequestURI());
          return unavailable(response);
        });
  }

  private AuthenticationStatus check(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    Credential given = context.getAuthParameters().getCredential();
    if (given != null) {
      return signIn(request, context, given);
    }
    boolean resource =
        request.getRequestURI().startsWith(request.getContextPath() + "/jakarta.faces.resource/");
    if (resource && !context.isProtected()) {
      return context.doNothing(); // stylesheets and scripts: nobody to look up
    }
    HttpSession session = request.getSession(false);
    if (session != null && session.getAttribute(SIGNED_IN) instanceof SignedIn signedIn) {
      var person = people.find(signedIn.username()).filter(found -> found.enabled());
      if (person.isPresent()) {
        return context.notifyContainerAboutLogin(PeopleIdentityStore.current(person.get()));
      }
      session.invalidate(); // disabled since: signed out
    }
    String authorization = request.getHeader("Authorization");
    if (authorization != null && authorization.regionMatches(true, 0, "Basic ", 0, 6)) {
      return basic(request, response, context, authorization.substring(6).strip());
    }
    if (!context.isProtected()) {
      return context.doNothing();
    }
    if (isApi(request)) {
      return unauthorized(
          response, context, "Sign in with HTTP Basic: a username and password of a person");
    }
    String target =
        request.getRequestURI().substring(request.getContextPath().length())
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return context.redirect(
        request.getContextPath()
            + "/login.xhtml?next="
            + URLEncoder.encode(target, StandardCharsets.UTF_8));
  }

  private AuthenticationStatus signIn(
      HttpServletRequest request, HttpMessageContext context, Credential given) {
    String name = given instanceof UsernamePasswordCredential password ? password.getCaller() : "?";
    var wait = throttle.wait(name, request.getRemoteAddr());
    if (wait.isPresent()) {
      request.setAttribute(THROTTLED, seconds(wait.get()));
      LOG.log(
          Level.WARNING,
          "Sign-in of ''{0}'' from {1} throttled for {2} s",
          LogText.escaped(name),
          request.getRemoteAddr(),
          seconds(wait.get()));
      return AuthenticationStatus.SEND_FAILURE;
    }
    CredentialValidationResult result = identities.validate(given);
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(name, request.getRemoteAddr());
      LOG.log(
          Level.WARNING,
          "Sign-in of ''{0}'' refused from {1}",
          LogText.escaped(name),
          request.getRemoteAddr());
      return AuthenticationStatus.SEND_FAILURE;
    }
    throttle.succeeded(name);
    request.getSession(true);
    request.changeSessionId(); // no session fixation: a new id once signed in
    request
        .getSession()
        .setAttribute(SIGNED_IN, new SignedIn(result.getCallerPrincipal().getName()));
    LOG.log(Level.INFO, "''{0}'' signed in to the console", LogText.escaped(name));
    return context.notifyContainerAboutLogin(result);
  }

  private AuthenticationStatus basic(
      HttpServletRequest request,
      HttpServletResponse response,
      HttpMessageContext context,
      String encoded) {
    String decoded;
    try {
      decoded = new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8);
    } catch (IllegalArgumentException e) {
      return unauthorized(
          response,
          context,
          "The Authorization header is not valid Basic (base64 of user:password)");
    }
    int colon = decoded.indexOf(':');
    if (colon < 1) {
      return unauthorized(
          response,
          context,
          "The Authorization header is not valid Basic (base64 of user:password)");
    }
    String username = decoded.substring(0, colon);
    String password = decoded.substring(colon + 1);
    var remembered = verified.recall(username, password);
    if (remembered.isPresent()) {
      Map.Entry<String, Set<String>> caller = remembered.get();
      return context.notifyContainerAboutLogin(caller.getKey(), caller.getValue());
    }
    var wait = throttle.wait(username, request.getRemoteAddr());
    if (wait.isPresent()) {
      LOG.log(
          Level.WARNING,
          "API credentials of ''{0}'' from {1} throttled for {2} s",
          LogText.escaped(username),
          request.getRemoteAddr(),
          seconds(wait.get()));
      return tooManyAttempts(response, seconds(wait.get()));
    }
    var version =
        verified.version(username); // before the check: a change during it is not remembered
    CredentialValidationResult result =
        identities.validate(new UsernamePasswordCredential(username, password));
    if (result.getStatus() != CredentialValidationResult.Status.VALID) {
      throttle.failed(username, request.getRemoteAddr());
      LOG.log(
          Level.WARNING,
          "API credentials of ''{0}'' refused from {1}",
          LogText.escaped(username),
          request.getRemoteAddr());
      return unauthorized(
          response, context, "Wrong username or password, or the person is disabled or locked out");
    }
    throttle.succeeded(username);
    verified.remember(username, password, result.getCallerGroups(), version);
    return context.notifyContainerAboutLogin(result);
  }

  /**
   * 429 with Retry-After: too many failed attempts for this username or from this address lately.
   */
  private static AuthenticationStatus tooManyAttempts(HttpServletResponse response, long seconds) {
    try {
      response.setStatus(429);
      response.setHeader("Retry-After", Long.toString(seconds));
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Too Many"
                  + " Requests\",\"status\":429,\"detail\":\"Too many failed sign-ins for this"
                  + " username or from this address; try again in "
                  + seconds
                  + " s\",\"errors\":[]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  /** 503 with Retry-After: the database could not be asked who the caller is; nothing was done. */
  private static AuthenticationStatus unavailable(HttpServletResponse response) {
    try {
      response.setStatus(HttpServletResponse.SC_SERVICE_UNAVAILABLE);
      response.setHeader("Retry-After", "1");
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Service"
                  + " Unavailable\",\"status\":503,\"detail\":\"The database did not answer while"
                  + " checking who you are; nothing was done, try again\",\"errors\":[]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static long seconds(java.time.Duration wait) {
    return Math.max(1, (wait.toMillis() + 999) / 1000);
  }

  private static AuthenticationStatus unauthorized(
      HttpServletResponse response, HttpMessageContext context, String detail) {
    try {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"Refinery\", charset=\"UTF-8\"");
      response.setContentType("application/problem+json");
      response
          .getWriter()
          .write(
              "{\"type\":\"about:blank\",\"title\":\"Unauthorized\",\"status\":401,\"detail\":\""
                  + detail.replace("\"", "'")
                  + "\",\"errors\":[]}");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return AuthenticationStatus.SEND_FAILURE;
  }

  private static boolean isApi(HttpServletRequest request) {
    return request.getRequestURI().startsWith(request.getContextPath() + "/api/");
  }

  @Override
  public void cleanSubject(
      HttpServletRequest request, HttpServletResponse response, HttpMessageContext context) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      session.removeAttribute(SIGNED_IN);
    }
    HttpAuthenticationMechanism.super.cleanSubject(request, response, context);
  }
}
