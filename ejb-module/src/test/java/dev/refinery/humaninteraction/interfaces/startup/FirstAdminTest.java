package dev.refinery.humaninteraction.interfaces.startup;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.humaninteraction.application.People;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FirstAdminTest {

  @TempDir Path domain;

  @Test
  void theGeneratedPasswordIsHandedOverInAFileOnlyItsOwnerCanRead() throws Exception {
    // given a file left from an earlier start, readable by everyone
    Path stale = Files.writeString(domain.resolve(FirstAdmin.PASSWORD_FILE), "old");
    Files.setPosixFilePermissions(stale, PosixFilePermissions.fromString("rw-r--r--"));
    // when the first admin's generated password is handed over
    Path file = FirstAdmin.handOver(domain, "n3w-generated-pw");
    // then the file holds it, and only its owner may read it
    assertThat(Files.readString(file).strip()).isEqualTo("n3w-generated-pw");
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
        .isEqualTo("rw-------");
  }

  @Test
  void aGeneratedPasswordIsNeverLogged() throws Exception {
    // given a start with no configured password, in a domain of its own, its log lines kept
    List<String> logged = new ArrayList<>();
    Handler keep =
        new Handler() {
          private final SimpleFormatter formatter = new SimpleFormatter();

          @Override
          public void publish(LogRecord line) {
            logged.add(formatter.formatMessage(line));
          }

          @Override
          public void flush() {}

          @Override
          public void close() {}
        };
    Logger log = Logger.getLogger(FirstAdmin.class.getName());
    log.addHandler(keep);
    String before = System.getProperty("com.sun.aas.instanceRoot");
    System.setProperty("com.sun.aas.instanceRoot", domain.toString());
    try {
      // when it creates the first admin
      FirstAdmin start = new FirstAdmin();
      start.people = new NobodyAdministers();
      start.username = "admin";
      start.password = Optional.empty();
      start.ensure();
    } finally {
      log.removeHandler(keep);
      if (before == null) {
        System.clearProperty("com.sun.aas.instanceRoot");
      } else {
        System.setProperty("com.sun.aas.instanceRoot", before);
      }
    }
    // then the password is in the handed-over file, and in no log line, which says where it is
    Path file = domain.resolve(FirstAdmin.PASSWORD_FILE);
    String generated = Files.readString(file).strip();
    assertThat(generated).hasSizeGreaterThanOrEqualTo(16);
    assertThat(logged)
        .anySatisfy(line -> assertThat(line).contains("generated password", file.toString()))
        .noneSatisfy(line -> assertThat(line).contains(generated));
  }

  /** People where nobody is an admin yet: the first admin is created. */
  private static final class NobodyAdministers extends People {
    @Override
    public boolean ensureFirstAdmin(String username, char[] password) {
      return true;
    }
  }
}
