package dev.refinery.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.persistence.PersistenceException;
import java.sql.SQLException;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LostDatabaseTest {

  private static final RuntimeException TERMINATED =
      new PersistenceException(
          "could not execute statement",
          new SQLException("FATAL: terminating connection due to administrator command", "57P01"));

  private final AtomicInteger calls = new AtomicInteger();

  @Test
  void checkThatLostItsConnectionOnceSucceedsOnTheNext() {
    // given a check whose first connection was ended by the database
    // when it is made
    String answer =
        LostDatabase.retryOnce(
            () -> calls.incrementAndGet() == 1 ? fail() : "signed in", () -> "503");
    // then the second try answers
    assertThat(answer).isEqualTo("signed in");
    assertThat(calls).hasValue(2);
  }

  @Test
  void checkThatLostItsConnectionTwiceIsAnsweredAsUnavailable() {
    String answer =
        LostDatabase.retryOnce(
            () -> {
              calls.incrementAndGet();
              return fail();
            },
            () -> "503");
    assertThat(answer).isEqualTo("503");
    assertThat(calls).hasValue(2);
  }

  @Test
  void anyOtherFailureIsNotRetried() {
    assertThatThrownBy(
            () ->
                LostDatabase.retryOnce(
                    () -> {
                      calls.incrementAndGet();
                      throw new IllegalStateException("a bug");
                    },
                    () -> "503"))
        .hasMessage("a bug");
    assertThat(calls).hasValue(1);
  }

  private static String fail() {
    throw TERMINATED;
  }
}
