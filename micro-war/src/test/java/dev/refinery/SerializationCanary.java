package dev.refinery;

import java.io.Serializable;

/**
 * Deployed with the container tests and never used by them: initializing it (as the JMS client's
 * JMS-mode reading does with the class a message names) leaves a mark, so a test can prove nothing
 * loaded it.
 */
public class SerializationCanary implements Serializable {

  private static final long serialVersionUID = 1L;

  static {
    System.setProperty(WireFormatChecks.CANARY_LOADED, "true");
  }
}
