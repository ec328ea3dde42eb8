package dev.refinery.serverconfig;

/**
 * What a preflight check found wrong, and how to put it right. Rendered as the single line the run
 * command prints before it exits.
 */
public record Problem(String what, String fix) {

  public String line() {
    return "refinery: " + what + ". " + fix;
  }
}
