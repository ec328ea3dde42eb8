package dev.refinery.shared.logging;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * A cheap guard against log injection: every {@code LOG.log(...)} argument of this module and the
 * web module that names text a person typed (a name, a reason, a title, a note...) goes through
 * {@link LogText#escaped}. It reads the sources, so it knows names, not data: a value it cannot
 * recognise by name is not checked, and a system name that looks like a person's is listed below.
 */
class PersonTextInLogsTest {

  private static final List<Path> SOURCES =
      List.of(Path.of("src/main/java"), Path.of("../web-module/src/main/java"));

  /** Words that name person-typed text, as a variable or an accessor ({@code x.title()}). */
  private static final Pattern PERSON_TEXT =
      Pattern.compile(
          "\\b(name|username|by|actor|reason|title|recipient|note|requester|holder|why|summary)\\b"
              + "|\\b(getName|getUsername)\\(\\)");

  /** Words in files where they name the system's own text, with why. */
  private static final Set<String> SYSTEM_TEXT =
      Set.of(
          "Wakeable.java name", // the background work's name, from code
          "EventLog.java why", // why monitoring dropped lines, from code
          "StallDetector.java name", // a detection step's name, from code
          "ProductManagerAgents.java name"); // the agent implementation's name

  @Test
  void personTypedTextIsEscapedInEveryLogLine() throws IOException {
    List<String> unescaped = new ArrayList<>();
    int calls = 0;
    for (Path root : SOURCES) {
      assertThat(root).as("sources to read").isDirectory();
      try (Stream<Path> files = Files.walk(root)) {
        for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
          String source = Files.readString(file);
          for (List<String> arguments : logCalls(source)) {
            calls++;
            for (String argument : arguments.subList(1, arguments.size())) {
              if (!argument.startsWith("LogText.escaped(")
                  && personText(argument)
                      .anyMatch(word -> !SYSTEM_TEXT.contains(file.getFileName() + " " + word))) {
                unescaped.add(file.getFileName() + ": " + argument);
              }
            }
          }
        }
      }
    }

    assertThat(calls).as("LOG.log calls read").isGreaterThan(50);
    assertThat(unescaped).as("person-typed text logged without LogText.escaped").isEmpty();
  }

  @Test
  void theGuardSeesAnUnescapedNameAndIgnoresWordsInsideLiterals() {
    List<List<String>> calls =
        logCalls(
            "LOG.log(Level.INFO, \"{0} by {1}\", caller.name(), f(a, b));"
                + " LOG.log(Level.INFO, \"the reason\", LogText.escaped(reason));");

    assertThat(calls)
        .containsExactly(
            List.of("Level.INFO", "\"{0} by {1}\"", "caller.name()", "f(a, b)"),
            List.of("Level.INFO", "\"the reason\"", "LogText.escaped(reason)"));
    assertThat(personText("\"{0} by {1}\"")).isEmpty();
    assertThat(personText("caller.name()")).containsExactly("name");
    assertThat(personText("getName()")).containsExactly("getName");
    assertThat(personText("\"step \\\"\" + name + \"\\\" failed\"")).containsExactly("name");
  }

  /** The top-level arguments of each {@code LOG.log(...)} call, whitespace collapsed. */
  static List<List<String>> logCalls(String source) {
    List<List<String>> calls = new ArrayList<>();
    for (int at = source.indexOf("LOG.log("); at >= 0; at = source.indexOf("LOG.log(", at + 1)) {
      List<String> arguments = new ArrayList<>();
      StringBuilder argument = new StringBuilder();
      int depth = 0;
      for (int i = at + "LOG.log(".length(); depth >= 0; i++) {
        char c = source.charAt(i);
        if (c == '"' || c == '\'') {
          int end = endOfLiteral(source, i);
          argument.append(source, i, end + 1);
          i = end;
          continue;
        }
        depth += c == '(' ? 1 : c == ')' ? -1 : 0;
        if ((c == ',' && depth == 0) || depth < 0) {
          arguments.add(argument.toString().strip().replaceAll("\\s+", " "));
          argument.setLength(0);
        } else {
          argument.append(c);
        }
      }
      calls.add(arguments);
    }
    return calls;
  }

  private static int endOfLiteral(String source, int start) {
    char quote = source.charAt(start);
    int i = start + 1;
    while (source.charAt(i) != quote) {
      i += source.charAt(i) == '\\' ? 2 : 1;
    }
    return i;
  }

  /** The words of an argument, outside its string literals, that name person-typed text. */
  static Stream<String> personText(String argument) {
    String code = argument.replaceAll("\"(\\\\.|[^\"\\\\])*\"", "\"\"");
    return PERSON_TEXT
        .matcher(code)
        .results()
        .map(match -> match.group(1) != null ? match.group(1) : match.group(2));
  }
}
