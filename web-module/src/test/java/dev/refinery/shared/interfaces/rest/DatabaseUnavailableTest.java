package dev.refinery.shared.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import java.sql.SQLException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void sessionEndedByAnAdministratorIsAnOutage() {
    SQLException terminated = new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertThat(DatabaseUnavailable.causes(new PersistenceException("could not execute statement", terminated))).isTrue();
  }

  @Test
  void connectionExceptionClassIsAnOutage() {
    assertThat(DatabaseUnavailable.causes(new IllegalStateException(new SQLException("I/O error", "08006")))).isTrue();
  }

  @Test
  void poolThatLostItsPhysicalConnectionIsAnOutage() {
    ResourceException pool = new ResourceException("This Managed Connection is not valid as the physical connection is not usable");
    assertThat(DatabaseUnavailable.causes(new RuntimeException("jakarta.ejb.EJBException", pool))).isTrue();
  }

  @Test
  void constraintViolationAndPlainBugsAreNot() {
    assertThat(DatabaseUnavailable.causes(new PersistenceException(new SQLException("duplicate key", "23505")))).isFalse();
    assertThat(DatabaseUnavailable.causes(new NullPointerException())).isFalse();
    assertThat(DatabaseUnavailable.causes(new ResourceException("pool exhausted"))).isFalse();
  }
}
