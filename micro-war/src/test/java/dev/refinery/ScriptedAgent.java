package dev.refinery;

import dev.refinery.productdefinition.domain.AgentException;
import dev.refinery.productdefinition.domain.AgentRequest;
import dev.refinery.productdefinition.domain.AgentResult;
import dev.refinery.productdefinition.domain.ProductManagerAgent;
import dev.refinery.productdefinition.infrastructure.agent.OfflineProductManagerAgent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The offline agent, with faults a title asks for: {@code [flaky:N]} fails the first N runs of the task
 * the way an overloaded model server does (retryable), {@code [broken]} fails like a rejected API key
 * (not retryable). Only in the test deployment.
 */
@Alternative
@Priority(jakarta.interceptor.Interceptor.Priority.APPLICATION + 100)
@ApplicationScoped
public class ScriptedAgent implements ProductManagerAgent {

  private static final Pattern FLAKY = Pattern.compile("\\[flaky:(\\d+)]");
  private static final Map<String, AtomicInteger> RUNS = new ConcurrentHashMap<>();

  @Inject OfflineProductManagerAgent offline;

  @Override
  public String name() {
    return "scripted";
  }

  @Override
  public AgentResult work(AgentRequest request) throws AgentException {
    int run = RUNS.computeIfAbsent(request.taskId(), id -> new AtomicInteger()).incrementAndGet();
    Matcher flaky = FLAKY.matcher(request.title());
    if (flaky.find() && run <= Integer.parseInt(flaky.group(1))) {
      throw new AgentException("HTTP 503 from the model server (scripted, run " + run + ")", true, null);
    }
    if (request.title().contains("[broken]")) {
      throw new AgentException("HTTP 401 Unauthorized: the API key was refused (scripted)", false, null);
    }
    return offline.work(request);
  }
}
