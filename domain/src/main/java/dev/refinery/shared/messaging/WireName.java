package dev.refinery.shared.messaging;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A message type's name on the wire ({@code <context>.<Name>}, e.g. {@code
 * taskmanagement.CreateTask}): the {@code type} header, and the routing key it is published with.
 * Part of the published language, so it never follows a rename or a move of the Java class; {@code
 * docs/wire-format.md} lists them all.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface WireName {

  String value();
}
