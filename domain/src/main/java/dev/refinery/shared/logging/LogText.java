package dev.refinery.shared.logging;

/**
 * Text from people (usernames, reasons, titles) made safe for one log line: control characters and
 * line separators are written as escapes, so nobody can forge a second line or hide one (log
 * injection).
 */
public final class LogText {

  private LogText() {}

  /**
   * The value's text with {@code \n}, {@code \r}, {@code \t} and every other control character
   * escaped.
   */
  public static String escaped(Object value) {
    if (value == null) {
      return "null";
    }
    String text = value.toString();
    StringBuilder safe = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      String escape =
          switch (c) {
            case '\n' -> "\\n";
            case '\r' -> "\\r";
            case '\t' -> "\\t";
            default ->
                Character.isISOControl(c) || c == '\u2028' || c == '\u2029'
                    ? String.format("\\u%04x", (int) c)
                    : null;
          };
      if (escape != null && safe == null) {
        safe = new StringBuilder(text.length() + 8).append(text, 0, i);
      }
      if (safe != null) {
        safe.append(escape != null ? escape : String.valueOf(c));
      }
    }
    return safe == null ? text : safe.toString();
  }
}
