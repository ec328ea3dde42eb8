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
 * The monitoring decorator: times each call of a {@link Monitored} method and hands what it
 * declared itself to be (a publication, a consumption) and what it did to the {@link
 * MessageMonitor}. Monitoring never changes the outcome: a failure to record is logged and counted,
 * and the call's own result or exception goes back to the caller untouched.
 */
@Monitored
@Interceptor
@Priority(Interceptor.Priority.APPLICATION)
public class MonitoringInterceptor {

  private static final System.Logger LOG = System.getLogger(MonitoringInterceptor.class.getName());

  @Inject MessageMonitor monitor;

  @AroundInvoke
  public Object monitor(InvocationContext invocation) throws Exception {
    Monitored.Call call = declared(invocation);
    if (call == Monitored.Call.NONE) {
      return invocation.proceed(); // a method of a monitored bean that is no message call
    }
    long start = System.nanoTime();
    Object result;
    try {
      result = invocation.proceed();
    } catch (Exception e) {
      safely(() -> monitor.failed(call, invocation.getParameters(), e, since(start)));
      throw e;
    }
    safely(() -> monitor.completed(call, invocation.getParameters(), result, since(start)));
    return result;
  }

  /** What the method declares it is (its own {@code @Monitored}, else its class's: none). */
  private static Monitored.Call declared(InvocationContext invocation) {
    Monitored onMethod =
        invocation.getMethod() == null
            ? null
            : invocation.getMethod().getAnnotation(Monitored.class);
    return onMethod == null ? Monitored.Call.NONE : onMethod.value();
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
