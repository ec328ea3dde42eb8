package dev.refinery.serverconfig;

import java.io.PrintStream;
import java.util.List;
import java.util.Optional;

/**
 * Command-line entry the run command calls before it starts a server. Each argument names a check:
 * {@code postgres}, {@code postgres-recreate} (test databases only), {@code rabbitmq}, or {@code
 * port:<number>:<role>:<variable>}. The first problem found is printed as one line and the exit
 * status is 1; 0 means every check passed; 2 means the arguments were wrong.
 */
public final class Preflight {

  private final Settings settings;
  private final PrintStream report;

  Preflight(Settings settings, PrintStream report) {
    this.settings = settings;
    this.report = report;
  }

  public static void main(String[] args) {
    Settings settings;
    try {
      settings = Settings.from(System.getenv());
    } catch (IllegalArgumentException e) {
      System.exit(fail(System.err, new Problem(e.getMessage(), "Fix the variable and run again")));
      return;
    }
    System.exit(new Preflight(settings, System.err).run(List.of(args)));
  }

  int run(List<String> checks) {
    for (String check : checks) {
      Optional<Problem> problem;
      try {
        problem = check(check);
      } catch (IllegalArgumentException e) {
        report.println("refinery preflight: " + e.getMessage());
        return 2;
      }
      if (problem.isPresent()) {
        return fail(report, problem.get());
      }
    }
    return 0;
  }

  private Optional<Problem> check(String check) {
    if (check.equals("postgres")) {
      return new PostgresCheck(settings).ensureDatabase();
    }
    if (check.equals("postgres-recreate")) {
      return new PostgresCheck(settings).recreateDatabase();
    }
    if (check.equals("rabbitmq")) {
      return new RabbitCheck(settings).connect();
    }
    if (check.startsWith("port:")) {
      String[] parts = check.split(":", 4);
      if (parts.length != 4) {
        throw new IllegalArgumentException(
            "expected port:<number>:<role>:<variable>, got " + check);
      }
      return new PortCheck().free(Integer.parseInt(parts[1]), parts[2], parts[3]);
    }
    throw new IllegalArgumentException("unknown check '" + check + "'");
  }

  private static int fail(PrintStream report, Problem problem) {
    report.println(problem.line());
    return 1;
  }
}
