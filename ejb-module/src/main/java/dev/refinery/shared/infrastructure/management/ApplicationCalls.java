package dev.refinery.shared.infrastructure.management;

import jakarta.ejb.Stateless;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/**
 * Runs a call that arrives on a thread the application did not start (a JMX connector's) as an
 * enterprise bean call: the container sets up the application's component context, class loader and
 * a transaction, as it does for any bean call, whichever module the caller's code lives in. A
 * contextual proxy of the {@code ContextService} does not do this on Payara Server with the EAR:
 * the context it captured at start is the application's, and reading the database from it failed
 * with a {@code ClassCastException}.
 */
@Stateless
public class ApplicationCalls {

  /** Invokes {@code method} on {@code target}; what the method throws comes out unwrapped. */
  public Object invoke(Object target, Method method, Object[] arguments) throws Exception {
    try {
      return method.invoke(target, arguments);
    } catch (InvocationTargetException e) {
      if (e.getCause() instanceof Exception cause) {
        throw cause;
      }
      throw e;
    }
  }
}
