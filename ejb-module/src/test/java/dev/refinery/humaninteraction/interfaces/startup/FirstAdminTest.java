package dev.refinery.humaninteraction.interfaces.startup;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
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
}
