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
 * API credentials verified recently on this instance, so an API client sending HTTP Basic on every call
 * does not pay for a PBKDF2 hash each time. Kept by a keyed hash of the username and password (the
 * password itself is never kept); forgotten after {@code refinery.security.credential-cache} or at once
 * when anyone changes on this instance.
 */
@ApplicationScoped
public class VerifiedCredentials {

  private static final int MAX_ENTRIES = 10_000;

  private record Verified(String username, Set<String> groups, Instant until, long generation) {}

  @Inject
  @ConfigProperty(name = "refinery.security.credential-cache")
  Duration lifetime;

  @Inject Clock clock;

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private SecretKeySpec key;

  @PostConstruct
  void createKey() {
    byte[] secret = new byte[32];
    new SecureRandom().nextBytes(secret);
    key = new SecretKeySpec(secret, "HmacSHA256");
  }

  /** The caller's name and groups, if these credentials were verified lately and nobody changed since. */
  Optional<Map.Entry<String, Set<String>>> recall(String username, String password) {
    Verified found = verified.get(fingerprint(username, password));
    if (found == null || found.until().isBefore(clock.instant()) || found.generation() != People.generation()) {
      return Optional.empty();
    }
    return Optional.of(Map.entry(found.username(), found.groups()));
  }

  void remember(String username, String password, Set<String> groups) {
    if (verified.size() >= MAX_ENTRIES) {
      verified.clear();
    }
    verified.put(fingerprint(username, password),
        new Verified(username, Set.copyOf(groups), clock.instant().plus(lifetime), People.generation()));
  }

  private String fingerprint(String username, String password) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(key);
      return HexFormat.of().formatHex(mac.doFinal((username + '\0' + password).getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JDK", e);
    }
  }
}
