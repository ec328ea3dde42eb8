package dev.refinery.productdefinition.infrastructure.llm;

import dev.langchain4j.exception.RetriableException;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.temporal.ChronoUnit;
import org.eclipse.microprofile.faulttolerance.Bulkhead;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

/**
 * The call to the model, guarded by MicroProfile Fault Tolerance: a timeout above the HTTP client's
 * own, a bulkhead so a slow model server cannot hold every worker thread, and a circuit breaker
 * that stops calling a server that keeps failing (timeouts, 429, 5xx) and tries again after a
 * pause. Override the limits with the Fault Tolerance properties, e.g. {@code
 * dev.refinery.productdefinition.infrastructure.llm.ModelCalls/chat/Timeout/value}.
 */
@ApplicationScoped
public class ModelCalls {

  @Timeout(value = 180, unit = ChronoUnit.SECONDS)
  @Bulkhead(8)
  @CircuitBreaker(
      requestVolumeThreshold = 10,
      failureRatio = 0.8,
      delay = 30,
      delayUnit = ChronoUnit.SECONDS,
      failOn = {RetriableException.class, TimeoutException.class})
  public ChatResponse chat(ChatModel model, ChatRequest request) {
    return model.chat(request);
  }
}
