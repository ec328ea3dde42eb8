package dev.refinery.shared.interfaces.rest;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.persistence.PersistenceException;
import jakarta.resource.ResourceException;
import jakarta.transaction.SystemException;
import java.sql.SQLException;
import javax.transaction.xa.XAException;
import org.junit.jupiter.api.Test;

class DatabaseUnavailableTest {

  @Test
  void sessionEndedByAnAdministratorBeforeTheCommitRecordedNothing() {
    SQLException terminated =
        new SQLException("FATAL: terminating connection due to administrator command", "57P01");
    assertThat(
            DatabaseUnavailable.of(
                new PersistenceException("could not execute statement", terminated)))
        .isEqualTo(DatabaseUnavailable.NOTHING_RECORDED);
  }

  @Test
  void connectionExceptionClassRecordedNothing() {
    assertThat(
            DatabaseUnavailable.of(
                new IllegalStateException(new SQLException("I/O error", "08006"))))
        .isEqualTo(DatabaseUnavailable.NOTHING_RECORDED);
  }

  @Test
  void poolThatLostItsPhysicalConnectionRecordedNothing() {
    ResourceException pool =
        new ResourceException(
            "This Managed Connection is not valid as the physical connection is not usable");
    assertThat(DatabaseUnavailable.of(new RuntimeException("jakarta.ejb.EJBException", pool)))
        .isEqualTo(DatabaseUnavailable.NOTHING_RECORDED);
  }

  @Test
  void connectionLostDuringTheCommitMayHaveRecorded() {
    // What Payara threw under pg_terminate_backend: the driver's SQLException survives only as a
    // message.
    XAException xa =
        new XAException(
            "jakarta.resource.spi.LocalTransactionException: FATAL: terminating connection"
                + " due to administrator command");
    SystemException commit = new SystemException();
    commit.initCause(xa);
    assertThat(DatabaseUnavailable.of(new RuntimeException(commit)))
        .isEqualTo(DatabaseUnavailable.MAYBE_RECORDED);
  }

  @Test
  void constraintViolationsAndPlainBugsAreNoOutage() {
    assertThat(
            DatabaseUnavailable.of(
                new PersistenceException(new SQLException("duplicate key", "23505"))))
        .isEqualTo(DatabaseUnavailable.NO);
    assertThat(DatabaseUnavailable.of(new NullPointerException()))
        .isEqualTo(DatabaseUnavailable.NO);
    assertThat(DatabaseUnavailable.of(new ResourceException("pool exhausted")))
        .isEqualTo(DatabaseUnavailable.NO);
    assertThat(DatabaseUnavailable.of(new RuntimeException(new SystemException("heuristic"))))
        .isEqualTo(DatabaseUnavailable.NO);
  }
}
