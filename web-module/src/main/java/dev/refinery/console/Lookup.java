package dev.refinery.console;

import jakarta.enterprise.inject.spi.CDI;
import java.io.Serializable;

/**
 * A bean that a view-scoped backing bean calls, looked up in the instance that serves the request
 * and never written into the session. An injected field would be: Payara serializes an EJB's proxy
 * as its container's id, which only the deployment that made it knows, so the server's EAR and a
 * worker's WAR could not read each other's views from the data grid.
 */
public final class Lookup<T> implements Serializable {

  private static final long serialVersionUID = 1L;

  private final Class<T> type;
  private transient T bean;

  private Lookup(Class<T> type) {
    this.type = type;
  }

  public static <T> Lookup<T> of(Class<T> type) {
    return new Lookup<>(type);
  }

  public T get() {
    if (bean == null) {
      bean = CDI.current().select(type).get();
    }
    return bean;
  }
}
