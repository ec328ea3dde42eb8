package dev.refinery.security;

import dev.refinery.humaninteraction.application.People;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * API credentials verified recently on this instance, so an API client sending HTTP Basic on every
 * call does not pay for a PBKDF2 hash each time. Kept by a keyed hash of the username and password
 * (the password itself is never kept) with the person's version; forgotten after {@code
 * refinery.security.credential-cache}, and worth nothing once the person changed on any instance
 * (disabled, new password, new roles): each use reads the version, one indexed row, no hash.
 */
@ApplicationScoped
public class VerifiedCredentials {

  private static final int MAX_ENTRIES = 10_000;

  private record Verified(String username, Set<String> groups, Instant until, Instant version) {}

  @Inject
  @ConfigProperty(name = "refinery.security.credential-cache")
  Duration lifetime;

  @Inject Clock clock;

  @Inject People people;

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private SecretKeySpec key;

  @PostConstruct
  void createKey() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /**
   * The caller's name and groups, if these credentials were verified lately and nobody changed
   * since.
   */
  Optional<Map.Entry<String, Set<String>>> recall(String username, String password) {
    Verified found = verified.get(fingerprint(username, password));
    if (found == null
        || found.until().isBefore(clock.instant())
        || !people.version(found.username()).equals(Optional.of(found.version()))) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(found.username(), found.groups()));
  }

  /**
   * @param version the person's version read before their password was verified
   */
  void remember(String username, String password, Set<String> groups, Optional<Instant> version) {
    if (version.isEmpty()) {
      return;
    }
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(
        fingerprint(username, password),
        new Verified(username, Set.copyOf(groups), clock.instant().plus(lifetime), version.get()));
  }

  /** The person's version now, to pass to {@link #remember} once their password is verified. */
  Optional<Instant> version(String username) {
    return people.version(username);
  }

  private String fingerprint(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of()
          .formatHex(mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
