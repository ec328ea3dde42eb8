package dev.refinery.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing on this instance: after {@code refinery.security.sign-in.per-user} failed
 * sign-ins for one username, or {@code .per-address} from one address, within {@code .window},
 * further attempts are refused (429 with {@code Retry-After}) until the oldest failure leaves the
 * window, without checking the password (no hash computed for them either). The lockout in the
 * database stops what is left.
 */
@ApplicationScoped
public class SignInThrottle {

  private static final int MAX_KEYS = 50_000;

  @Inject
  @ConfigProperty(name = "refinery.security.sign-in.per-user", defaultValue = "5")
  int perUser;

  @Inject
  @ConfigProperty(name = "refinery.security.sign-in.per-address", defaultValue = "20")
  int perAddress;

  @Inject
  @ConfigProperty(name = "refinery.security.sign-in.window", defaultValue = "PT1M")
  Duration window;

  @Inject Clock clock;

  private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

  /** How long this attempt must wait, if the username or the address failed too often lately. */
  public Optional<Duration> wait(String username, String address) {
    Instant now = clock.instant();
    Optional<Duration> user = wait("user:" + username, perUser, now);
    Optional<Duration> from = wait("address:" + address, perAddress, now);
    return user.isPresent() && from.isPresent()
        ? Optional.of(max(user.get(), from.get()))
        : user.or(() -> from);
  }

  public void failed(String username, String address) {
    if (failures.size() > MAX_KEYS) {
      failures.clear(); // a flood of names: start again rather than grow without bound
    }
    Instant now = clock.instant();
    record("user:" + username, now);
    record("address:" + address, now);
  }

  /** A sign-in that succeeded: that username's failures are forgotten (not the address's). */
  public void succeeded(String username) {
    failures.remove("user:" + username);
  }

  private Optional<Duration> wait(String key, int limit, Instant now) {
    Deque<Instant> times = failures.get(key);
    if (times == null) {
      return Optional.empty();
    }
    synchronized (times) {
      Instant horizon = now.minus(window);
      while (!times.isEmpty() && !times.peekFirst().isAfter(horizon)) {
        times.pollFirst();
      }
      if (times.size() < limit) {
        return Optional.empty();
      }
      Duration left = Duration.between(now, times.peekFirst().plus(window));
      return Optional.of(left.isNegative() || left.isZero() ? Duration.ofSeconds(1) : left);
    }
  }

  private void record(String key, Instant now) {
    Deque<Instant> times = failures.computeIfAbsent(key, ignored -> new ArrayDeque<>());
    synchronized (times) {
      times.addLast(now);
      while (times.size() > Math.max(perUser, perAddress)) {
        times.pollFirst();
      }
    }
  }

  private static Duration max(Duration a, Duration b) {
    return a.compareTo(b) >= 0 ? a : b;
  }
}
