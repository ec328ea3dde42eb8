package dev.refinery.shared.messaging;

import java.util.Arrays;

/** The four contexts; each has one inbound queue, {@code refinery.<package segment>}. */
public enum BoundedContext {
  TASK_MANAGEMENT("taskmanagement"),
  HUMAN_INTERACTION("humaninteraction"),
  PRODUCT_DEFINITION("productdefinition"),
  ORCHESTRATION("orchestration");

  private static final String BASE = "dev.refinery.";

  private final String segment;

  BoundedContext(String segment) {
    this.segment = segment;
  }

  public String segment() {
    return segment;
  }

  /** The queue the context consumes: its commands and the events it subscribes to. */
  public String queue() {
    return "refinery." + segment;
  }

  /** The context whose package a message type lives in: {@code dev.refinery.<context>.api}. */
  public static BoundedContext owning(Class<?> type) {
    String name = type.getName();
    return Arrays.stream(values())
        .filter(context -> name.startsWith(BASE + context.segment + "."))
        .findFirst()
        .orElseThrow(
            () ->
                new IllegalArgumentException(
                    type.getName()
                        + " is not in a bounded context's package (dev.refinery.<context>.api)"));
  }

  /** The context of a type header, {@code <segment>.<RecordName>}. */
  public static BoundedContext ofType(String type) {
    String segment = type.substring(0, Math.max(type.indexOf('.'), 0));
    return Arrays.stream(values())
        .filter(context -> context.segment.equals(segment))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no context owns message type " + type));
  }

  /** The context of a package segment, {@code taskmanagement}. */
  public static BoundedContext ofSegment(String segment) {
    return Arrays.stream(values())
        .filter(context -> context.segment.equals(segment))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no context is called " + segment));
  }

  public static BoundedContext ofQueue(String queue) {
    return Arrays.stream(values())
        .filter(context -> context.queue().equals(queue))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("no context consumes queue " + queue));
  }
}
