package dev.refinery.humaninteraction.interfaces.startup;

import dev.refinery.humaninteraction.application.People;
import jakarta.annotation.PostConstruct;
import jakarta.ejb.DependsOn;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.lang.System.Logger.Level;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Creates the first admin when nobody can administer yet: {@code refinery.security.admin.username} with
 * the password {@code refinery.security.admin.password} (an environment variable or a Payara password
 * alias). Without a configured password it generates one and logs it once, as the only way in.
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
        LOG.log(Level.INFO, "First admin ''{0}'' created with the configured password", username);
      } else {
        LOG.log(Level.WARNING, "First admin ''{0}'' created with the generated password {1} (no"
            + " refinery.security.admin.password was set): sign in and change it", username, chosen);
      }
    }
  }

  private static String generated() {
    byte[] bytes = new byte[15];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
