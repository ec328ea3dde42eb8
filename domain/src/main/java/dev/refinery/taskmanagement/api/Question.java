package dev.refinery.taskmanagement.api;

import java.io.Serializable;
import java.util.List;

/**
 * One clarification question: 2 to 5 options and the one the agent recommends, and why the answer
 * matters; with no options it asks for a short free answer.
 */
public record Question(String id, String text, List<Option> options, String recommended, String why)
    implements Serializable {

  /** One possible answer. */
  public record Option(String id, String label) implements Serializable {}
}
