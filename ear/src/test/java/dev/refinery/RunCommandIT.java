package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * When a dependency is missing, the run command stops within seconds with one line saying what is
 * wrong and how to fix it, and starts nothing.
 */
class RunCommandIT {

  @TempDir Path runtime;

  private RefineryCommand refinery() {
    return new RefineryCommand(runtime, 29000);
  }

  @Test
  void missingJdk21IsOneLineNamingWhatWasFound() throws IOException {
    Path fakeJdk = fakeJdk17();

    RefineryCommand.Result result =
        refinery()
            .with("JAVA_HOME", fakeJdk.toString())
            .with("REFINERY_JDK_SEARCH", runtime.resolve("no-jdks-here").toString())
            .with("PATH", fakeJdk.resolve("bin") + ":" + System.getenv("PATH"))
            .run("run");

    assertOneLineFailure(
        result, "refinery: no JDK 21 or newer found (found: " + fakeJdk + " (17);");
    assertThat(result.output()).contains("set JAVA_HOME");
  }

  @Test
  void unreachableDatabaseIsOneLineWithHowToStartIt() {
    int closed = unusedPort();

    RefineryCommand.Result result =
        refinery().with("REFINERY_DB_PORT", String.valueOf(closed)).run("run");

    assertOneLineFailure(result, "refinery: PostgreSQL is not reachable at 127.0.0.1:" + closed);
    assertThat(result.output()).contains("pg_ctlcluster", "REFINERY_DB_HOST/REFINERY_DB_PORT");
  }

  @Test
  void wrongBrokerPasswordIsOneLineNamingTheVariables() {
    RefineryCommand.Result result =
        refinery().with("REFINERY_RABBITMQ_PASSWORD", "wrong").run("run");

    assertOneLineFailure(
        result,
        "refinery: RabbitMQ at 127.0.0.1:5672 refused user '"
            + java.util.Objects.requireNonNullElse(System.getenv("REFINERY_RABBITMQ_USER"), "guest")
            + "' (wrong user or password)");
    assertThat(result.output()).contains("REFINERY_RABBITMQ_PASSWORD");
  }

  @Test
  void takenHttpPortIsOneLineNamingThePortAndTheVariable() throws IOException {
    try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      int port = taken.getLocalPort();

      RefineryCommand.Result result = new RefineryCommand(runtime, port - 80).run("run");

      assertOneLineFailure(
          result, "refinery: port " + port + " (HTTP) is already in use by another process");
      assertThat(result.output()).contains("REFINERY_PORT_BASE");
    }
  }

  @Test
  void workerPortThatIsNotANumberIsRefused() {
    RefineryCommand.Result result = refinery().run("worker", "start", "--port", "eighty");

    assertOneLineFailure(
        result, "refinery: the worker port must be a number from 1024 to 65535, not 'eighty'");
  }

  @Test
  void deployWithoutTheAdminAddressSaysWhatItNeeds() throws IOException {
    RefineryCommand.Result result =
        refinery().run("deploy", "--passwordfile", adminPasswords().toString());

    assertOneLineFailure(result, "refinery: --admin HOST:PORT is required");
  }

  @Test
  void deployWithoutAPasswordFileSaysWhatItMustHold() {
    RefineryCommand.Result result = refinery().run("deploy", "--admin", "127.0.0.1:4848");

    assertOneLineFailure(
        result,
        "refinery: --passwordfile FILE is required: an asadmin password file with the line"
            + " AS_ADMIN_PASSWORD=");
  }

  @Test
  void deployToAnAdminPortNobodyAnswersIsOneLineNamingIt() throws IOException {
    int closed = unusedPort();

    RefineryCommand.Result result =
        refinery()
            .run(
                "deploy",
                "--admin",
                "127.0.0.1:" + closed,
                "--passwordfile",
                adminPasswords().toString(),
                "--target",
                "refinery-group");

    assertOneLineFailure(
        result, "refinery: cannot reach the admin port 127.0.0.1:" + closed + " as admin");
  }

  private Path adminPasswords() throws IOException {
    return Files.writeString(runtime.resolve("das-password"), "AS_ADMIN_PASSWORD=not-used-1\n");
  }

  private void assertOneLineFailure(RefineryCommand.Result result, String expectedStart) {
    assertThat(result.exitCode()).as(result.output()).isEqualTo(1);
    assertThat(result.lines()).as(result.output()).hasSize(1);
    assertThat(result.lines().getFirst()).startsWith(expectedStart);
    assertThat(runtime.resolve("domains")).as("no server was set up").doesNotExist();
    assertThat(runtime.resolve("workers")).as("no worker was started").doesNotExist();
  }

  private Path fakeJdk17() throws IOException {
    Path home = Files.createDirectories(runtime.resolve("jdk-17"));
    Path bin = Files.createDirectories(home.resolve("bin"));
    Files.writeString(home.resolve("release"), "JAVA_VERSION=\"17.0.2\"\n");
    for (String tool : new String[] {"java", "javac"}) {
      Path script = bin.resolve(tool);
      Files.writeString(script, "#!/bin/sh\necho 'openjdk version \"17.0.2\"' >&2\n");
      Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    return home;
  }

  private static int unusedPort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }
}
