package dev.refinery;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * How busy the machine is, in one line: the load average, the share of time runnable tasks waited
 * for a CPU (Linux's pressure stall information), the memory available, and the processes that used
 * the most CPU over half a second, named as the suite knows them.
 */
final class MachineLoad {

  private MachineLoad() {}

  /** Now, with {@code names} naming the processes the suite started (pid to name). */
  static String now(Map<Long, String> names) {
    List<String> parts = new ArrayList<>();
    parts.add("load " + firstWords(read("/proc/loadavg"), 3));
    String pressure = read("/proc/pressure/cpu");
    if (!pressure.isEmpty()) {
      parts.add("CPU pressure " + cpuPressure(pressure));
    }
    parts.add("memory available " + memoryAvailable(read("/proc/meminfo")));
    String top = top();
    parts.add("CPU " + cpuSplit(top));
    parts.add("busiest: " + busiest(top, names, 5));
    return String.join("; ", parts);
  }

  /**
   * Top's last {@code %Cpu(s)} line as the shares that tell a busy machine from a starved one:
   * user, system, waiting for I/O, stolen by the host (a virtual machine's neighbours), idle.
   */
  static String cpuSplit(String top) {
    String line =
        top.lines()
            .filter(text -> text.startsWith("%Cpu(s):"))
            .reduce((first, last) -> last)
            .orElse(null);
    if (line == null) {
      return "split unknown";
    }
    Map<String, String> share = new HashMap<>();
    for (String part : line.substring("%Cpu(s):".length()).split(",")) {
      String[] words = part.strip().split("\\s+");
      if (words.length == 2) {
        share.put(words[1], words[0]);
      }
    }
    return fill("{us} % user, {sy} % system, {wa} % I/O wait, {st} % stolen, {id} % idle", share);
  }

  /** {@code some avg10=93.60 avg60=55.21 ...} as {@code 93.6 % of the last 10 s}. */
  static String cpuPressure(String pressure) {
    for (String word : pressure.lines().findFirst().orElse("").split(" ")) {
      if (word.startsWith("avg10=")) {
        return word.substring(6).replaceAll("0+$", "").replaceAll("\\.$", "")
            + " % of the last 10 s";
      }
    }
    return "unknown";
  }

  static String memoryAvailable(String meminfo) {
    return meminfo
        .lines()
        .filter(line -> line.startsWith("MemAvailable:"))
        .map(line -> Long.parseLong(line.replaceAll("\\D", "")) / 1024 + " MB")
        .findFirst()
        .orElse("unknown");
  }

  /**
   * The first {@code count} busy processes of top's last screen (sorted by CPU), as {@code name pid
   * cpu%}.
   */
  static String busiest(String top, Map<Long, String> names, int count) {
    List<String> lines = top.lines().toList();
    int header = -1;
    for (int i = 0; i < lines.size(); i++) {
      if (lines.get(i).strip().startsWith("PID ")) {
        header = i; // the last screen's header wins
      }
    }
    if (header < 0) {
      return "unknown (top printed no process table)";
    }
    List<String> busiest = new ArrayList<>();
    for (String line : lines.subList(header + 1, lines.size())) {
      String[] columns = line.strip().split("\\s+");
      if (columns.length < 12 || busiest.size() == count || columns[8].equals("0.0")) {
        continue; // not a process line, enough of them, or idle
      }
      long pid = Long.parseLong(columns[0]);
      String name = names.getOrDefault(pid, columns[11]);
      busiest.add(String.format(Locale.ROOT, "%s %d %s %%", name, pid, columns[8]));
    }
    return String.join(", ", busiest);
  }

  /**
   * {@code jstat -gcutil}'s two lines as the JVM's collections so far and the seconds they took.
   */
  static String gc(String gcutil) {
    List<String> lines = gcutil.lines().filter(line -> !line.isBlank()).toList();
    if (lines.size() < 2) {
      return "unknown (" + gcutil.strip() + ")";
    }
    String[] names = lines.get(0).strip().split("\\s+");
    String[] values = lines.get(1).strip().split("\\s+");
    Map<String, String> column = new HashMap<>();
    for (int i = 0; i < Math.min(names.length, values.length); i++) {
      column.put(names[i], values[i]);
    }
    return fill(
        "{YGC} young ({YGCT} s), {FGC} full ({FGCT} s), {CGC} concurrent ({CGCT} s), old generation"
            + " {O} % full",
        column);
  }

  /** {@code template} with each {@code {name}} replaced by that value, or {@code ?} if absent. */
  private static String fill(String template, Map<String, String> values) {
    return java.util.regex.Pattern.compile("\\{(\\w+)}")
        .matcher(template)
        .replaceAll(
            name ->
                java.util.regex.Matcher.quoteReplacement(values.getOrDefault(name.group(1), "?")));
  }

  private static String top() {
    try {
      Process top =
          new ProcessBuilder("top", "-b", "-n", "2", "-d", "0.5", "-w", "200", "-o", "%CPU")
              .redirectErrorStream(true)
              .start();
      String out = new String(top.getInputStream().readAllBytes());
      return top.waitFor(10, TimeUnit.SECONDS) ? out : "";
    } catch (IOException e) {
      return "";
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return "";
    }
  }

  private static String read(String file) {
    try {
      return Files.readString(Path.of(file));
    } catch (IOException e) {
      return "";
    }
  }

  private static String firstWords(String text, int count) {
    String[] words = text.strip().split("\\s+");
    return String.join(" ", java.util.Arrays.copyOf(words, Math.min(count, words.length)));
  }
}
