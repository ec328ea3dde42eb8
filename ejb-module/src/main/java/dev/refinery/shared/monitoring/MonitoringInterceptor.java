package dev.refinery.shared.monitoring;

import dev.refinery.shared.infrastructure.messaging.Monitored;
import jakarta.annotation.Priority;
import jakarta.inject.Inject;
import jakarta.interceptor.AroundInvoke;
import jakarta.interceptor.Interceptor;
import jakarta.interceptor.InvocationContext;
import java.lang.System.Logger.Level;
import java.time.Duration;

/**
 * The monitoring decorator: times each call on a {@link Monitored} bean and hands what it did to
 * the {@link MessageMonitor}. Monitoring never changes the outcome: a failure to record is logged
 * and counted, and the call's own result or exception goes back to the caller untouched.
 */
@Monitored
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class MonitoringInterceptor {

  private static final System.Logger LOG = System.getLogger(MonitoringInterceptor.class.getName());

  @Inject MessageMonitor monitor;

  @AroundInvoke
  public Object monitor(InvocationContext invocation) throws Exception {
    long start = System.nanoTime();
    Object result;
    try {
      result = invocation.proceed();
    } catch (Exception e) {
      safely(
          () ->
              monitor.failed(
                  invocation.getMethod().getName(), invocation.getParameters(), e, since(start)));
      throw e;
    }
    safely(() -> monitor.completed(invocation.getParameters(), result, since(start)));
    return result;
  }

  private void safely(Runnable recording) {
    try {
      recording.run();
    } catch (RuntimeException e) {
      monitor.recordingFailed();
      LOG.log(
          Level.WARNING,
          "Could not record a message for monitoring; its processing is not affected",
          e);
    }
  }

  private static Duration since(long start) {
    return Duration.ofNanos(System.nanoTime() - start);
  }
}
