package dev.refinery.shared.interfaces.rest;

/** Reads exception chains for the mappers. */
final class Causes {

  private static final int MAX_MESSAGE = 300;

  private Causes() {}

  static boolean contain(Throwable exception, Class<? extends Throwable> type) {
    for (Throwable cause = exception; cause != null; cause = cause.getCause()) {
      if (type.isInstance(cause)) {
        return true;
      }
      if (cause.getCause() == cause) {
        return false;
      }
    }
    return false;
  }

  static String deepestMessage(Throwable exception) {
    Throwable deepest = exception;
    while (deepest.getCause() != null && deepest.getCause() != deepest) {
      deepest = deepest.getCause();
    }
    String message =
        deepest.getMessage() == null ? deepest.getClass().getSimpleName() : deepest.getMessage();
    return message.length() > MAX_MESSAGE ? message.substring(0, MAX_MESSAGE) + "…" : message;
  }
}
