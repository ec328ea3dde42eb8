package dev.refinery;

import static org.assertj.core.api.Assertions.assertThat;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.humaninteraction.api.Role;
import dev.refinery.humaninteraction.application.People;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.util.Arrays;
import java.util.Set;

/**
 * Nobody learns who has an account from how long a sign-in takes: a username nobody has costs the
 * same password hash as a known person with a wrong password. Measured in CPU time of the calling
 * thread (not wall time), median of a few sign-ins, inside the container; the hash is ~100 times
 * what the rest costs, so a factor of two either way is a wide margin.
 */
final class SignInCost {

  private static final int TRIES = 5;

  private final People people;
  private final ThreadMXBean threads = ManagementFactory.getThreadMXBean();

  SignInCost(People people) {
    this.people = people;
  }

  void unknownUsernameCostsWhatAWrongPasswordCosts() {
    String knownUsername = "cost-" + System.nanoTime() % 1_000_000;
    people.create(
        knownUsername,
        "Sign-in cost",
        "a-long-enough-password".toCharArray(),
        Set.of(Role.REQUESTER),
        new Caller("tests", Set.of(Role.ADMIN)));
    long known = medianCpuNanos(knownUsername);
    long unknown = medianCpuNanos("nobody-" + System.nanoTime());
    assertThat(unknown)
        .as("CPU ns of a sign-in as nobody (a wrong password of %s costs %d)", knownUsername, known)
        .isBetween(known / 2, known * 2);
  }

  private long medianCpuNanos(String username) {
    long[] costs = new long[TRIES];
    for (int i = 0; i < TRIES; i++) {
      long before = threads.getCurrentThreadCpuTime();
      assertThat(people.authenticate(username, "not the password".toCharArray())).isEmpty();
      costs[i] = threads.getCurrentThreadCpuTime() - before;
    }
    Arrays.sort(costs);
    return costs[TRIES / 2];
  }
}
