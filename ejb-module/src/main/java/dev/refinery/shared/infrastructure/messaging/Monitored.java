package dev.refinery.shared.infrastructure.messaging;

import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.Nonbinding;
import jakarta.interceptor.InterceptorBinding;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Records what passes through the message queue, on the method that publishes or consumes: the
 * method says which it is, and its arguments and result carry the message's metadata. A {@link
 * Call#PUBLISH} takes one {@link Publication.Outgoing}; a {@link Call#CONSUME} takes the {@link
 * dev.refinery.shared.messaging.BoundedContext} first and the delivery second (a {@link RawMessage}
 * when it could be read) and returns {@link Consumed}. The architecture test refuses any other
 * shape, and the monitor refuses (loudly: a warning and {@code refinery_monitoring_failures_total})
 * a call that does not carry what it declared. Bind it on the bean's method, not on an interface
 * (bindings on an interface are not inherited by its implementations).
 */
@Inherited
@InterceptorBinding
@Retention(RUNTIME)
@Target({TYPE, METHOD})
public @interface Monitored {

  /** What a call of the annotated method is. */
  @Nonbinding
  Call value() default Call.NONE;

  /** The calls the monitor records. */
  enum Call {
    /** Not a message call (the interceptor's own binding): nothing is recorded. */
    NONE,
    /** A publication: one {@link Publication.Outgoing}. */
    PUBLISH,
    /** A delivery consumed by a context: (context, delivery) → {@link Consumed}. */
    CONSUME
  }
}
