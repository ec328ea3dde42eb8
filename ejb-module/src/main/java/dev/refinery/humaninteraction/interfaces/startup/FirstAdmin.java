package dev.refinery.humaninteraction.interfaces.startup;

import dev.refinery.humaninteraction.application.People;
import dev.refinery.shared.logging.LogText;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin when nobody can administer yet: {@code refinery.security.admin.username}
 * with the password {@code refinery.security.admin.password} (an environment variable or a Payara
 * password alias). Without a configured password it generates one and hands it to the run command
 * in a file only the server's user can read (never the log), as the only way in. Instances starting
 * together create one admin: the database serializes them.
 */
@Singleton
@Startup
@DependsOn("SchemaMigrator")
public class FirstAdmin {

  private static final System.Logger LOG = System.getLogger(FirstAdmin.class.getName());

  @Inject People people;

  @Inject
  @ConfigProperty(name = "refinery.security.admin.username")
  String username;

  @Inject
  @ConfigProperty(name = "refinery.security.admin.password")
  Optional<String> password;

  @PostConstruct
  void ensure() {
    Optional<String> configured = password.filter(value -> !value.isBlank());
    String chosen = configured.orElseGet(FirstAdmin::generated);
    if (people.ensureFirstAdmin(username, chosen.toCharArray())) {
      if (configured.isPresent()) {
        LOG.log(
            Level.INFO,
            "First admin ''{0}'' created with the configured password",
            LogText.escaped(username));
      } else {
        Path file = handOver(chosen);
        LOG.log(
            Level.WARNING,
            "First admin ''{0}'' created with a generated password (no"
                + " refinery.security.admin.password was set), kept in {1}, readable by this user"
                + " only, until the run command shows it once: sign in and change it",
            LogText.escaped(username),
            file);
      }
    }
  }

  /**
   * Writes the generated password where only the server's user can read it (the domain's folder on
   * Payara Server, the working folder elsewhere), never to a log: the run command that started this
   * server prints it once and deletes the file.
   */
  private static Path handOver(String chosen) {
    return handOver(
        Path.of(System.getProperty("com.sun.aas.instanceRoot", System.getProperty("user.dir"))),
        chosen);
  }

  static Path handOver(Path folder, String chosen) {
    Path file = folder.resolve(PASSWORD_FILE);
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, chosen + System.lineSeparator());
      return file;
    } catch (IOException | UnsupportedOperationException e) {
      throw new IllegalStateException(
          "Cannot hand over the first admin's generated password in "
              + file
              + "; set refinery.security.admin.password instead",
          e);
    }
  }

  /** The file the run command reads the generated password from. */
  public static final String PASSWORD_FILE = "first-admin-password";

  private static String generated() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
