package dev.refinery.productdefinition.infrastructure.llm;

import dev.langchain4j.exception.AuthenticationException;
import dev.langchain4j.exception.ContentFilteredException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.ModelNotFoundException;
import dev.langchain4j.exception.NonRetriableException;
import dev.langchain4j.exception.RateLimitException;
import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.exception.UnresolvedModelServerException;
import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentRun;
import java.io.IOException;
import java.io.InterruptedIOException;
import org.eclipse.microprofile.faulttolerance.exceptions.BulkheadException;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * What a failed model call means for the workflow: worth another attempt (timeouts, 429, 5xx, the
 * connection, our own breaker or bulkhead) or not (400, 401, 403, 404, content filtered, an unknown
 * host), with a reason an operator can act on.
 */
final class ModelFailures {

  private ModelFailures() {}

  static AgentException classify(Throwable failure, LlmSettings settings, AgentRun run) {
    String server = settings.provider() + " server " + settings.baseUrl();
    return switch (failure) {
      case AuthenticationException e ->
          new AgentException(
              status(e)
                  + ": the "
                  + server
                  + " refused the API key"
                  + " (set refinery.agent.llm.api-key): "
                  + message(e),
              false,
              e,
              run);
      case ModelNotFoundException e ->
          new AgentException(
              status(e)
                  + ": the "
                  + server
                  + " has no model '"
                  + settings.model()
                  + "' or no such endpoint: "
                  + message(e),
              false,
              e,
              run);
      case ContentFilteredException e ->
          new AgentException(
              "the model's content filter refused the request: " + message(e), false, e, run);
      case InvalidRequestException e ->
          new AgentException(
              status(e) + ": the " + server + " rejected the request: " + message(e),
              false,
              e,
              run);
      case UnresolvedModelServerException e ->
          new AgentException(
              "cannot resolve the host of "
                  + settings.baseUrl()
                  + " (check refinery.agent.llm.base-url)",
              false,
              e,
              run);
      case RateLimitException e ->
          new AgentException(
              status(e) + ": the " + server + " is rate limiting: " + message(e), true, e, run);
      case RetriableException e ->
          new AgentException(
              "the " + server + " failed (" + status(e) + "): " + message(e), true, e, run);
      case NonRetriableException e ->
          new AgentException("the " + server + " refused: " + message(e), false, e, run);
      case TimeoutException e ->
          new AgentException(
              "no answer from the " + server + " within the time limit", true, e, run);
      case CircuitBreakerOpenException e ->
          new AgentException(
              "calls to the " + server + " are paused after repeated" + " failures (circuit open)",
              true,
              e,
              run);
      case BulkheadException e ->
          new AgentException("too many calls to the " + server + " at once", true, e, run);
      default ->
          new AgentException(
              connection(failure)
                  ? "cannot reach the " + server + ": " + rootMessage(failure)
                  : "the call to the " + server + " failed: " + rootMessage(failure),
              true,
              failure,
              run);
    };
  }

  private static String status(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof HttpException http) {
        return "HTTP " + http.statusCode();
      }
    }
    return "error";
  }

  /** The server's own words: its error body, kept short. */
  private static String message(Throwable e) {
    String text = rootMessage(e);
    return text.length() > 300 ? text.substring(0, 300) + "…" : text;
  }

  private static String rootMessage(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    return root.getMessage() == null ? root.getClass().getSimpleName() : root.getMessage();
  }

  private static boolean connection(Throwable e) {
    for (Throwable cause = e; cause != null; cause = cause.getCause()) {
      if (cause instanceof IOException && !(cause instanceof InterruptedIOException)) {
        return true;
      }
    }
    return false;
  }
}
