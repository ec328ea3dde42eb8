package dev.refinery.shared.application;

import static dev.refinery.shared.testing.Callers.ADMIN;
import static dev.refinery.shared.testing.Callers.NOT_OPERATORS;
import static dev.refinery.shared.testing.Callers.OPERATOR;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.humaninteraction.api.Caller;
import dev.refinery.shared.testing.RecordingAuditTrail;
import org.junit.jupiter.api.Test;

/**
 * Exporting the audit trail before retention may delete it: pages, and acknowledgements, for
 * OPERATORs and ADMINs only.
 */
class AuditExportTest {

  private final RecordingAuditTrail audit = new RecordingAuditTrail();
  private final AuditExport export = new AuditExport();

  AuditExportTest() {
    export.audit = audit;
    for (int i = 1; i <= 5; i++) {
      audit.record("abe", "PRD_APPROVED", "task-" + i, "task-" + i, null);
    }
  }

  @Test
  void pagesComeOldestFirstAfterTheGivenId() {
    assertThat(export.page(2, 2, OPERATOR))
        .extracting(AuditTrail.Entry::subject)
        .containsExactly("task-3", "task-4");
    assertThat(export.page(5, 100, OPERATOR)).isEmpty();
    assertThatThrownBy(() -> export.page(-1, 10, OPERATOR)).hasMessageContaining("after must be 0");
  }

  @Test
  void anAcknowledgementMovesTheMarkAndIsAudited() {
    assertThat(export.exportedThrough()).isZero();

    assertThat(export.acknowledge(3, OPERATOR)).isEqualTo(3);

    assertThat(export.exportedThrough()).isEqualTo(3);
    assertThat(audit.entries())
        .last()
        .isEqualTo("opal AUDIT_EXPORTED audit trail: entries 1 to 3 kept elsewhere");
  }

  @Test
  void theMarkNeverMovesBackAndAnOldAcknowledgementRecordsNothing() {
    export.acknowledge(4, OPERATOR);
    int entries = audit.entries().size();

    assertThat(export.acknowledge(2, OPERATOR)).isEqualTo(4);

    assertThat(export.exportedThrough()).isEqualTo(4);
    assertThat(audit.entries()).hasSize(entries);
  }

  @Test
  void anIdNoEntryHasYetIsRefused() {
    assertThatThrownBy(() -> export.acknowledge(99, OPERATOR))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 1 to the newest (5), not 99");
    assertThatThrownBy(() -> export.acknowledge(0, OPERATOR)).hasMessageContaining("not 0");
    assertThat(export.exportedThrough()).isZero();
  }

  @Test
  void anAdminAcknowledgesAsAnOperatorWouldAndIsNamed() {
    assertThat(export.page(0, 10, ADMIN)).hasSize(5);

    assertThat(export.acknowledge(2, ADMIN)).isEqualTo(2);

    assertThat(audit.entries())
        .last()
        .isEqualTo("ada AUDIT_EXPORTED audit trail: entries 1 to 2 kept elsewhere");
  }

  @Test
  void whoIsNeitherOperatorNorAdminNeitherReadsNorAcknowledgesAndTheMarkStays() {
    for (Caller refused : NOT_OPERATORS) {
      assertThatThrownBy(() -> export.page(0, 10, refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(
              refused.name()
                  + " may not read the audit trail's export: it needs the role OPERATOR");
      assertThatThrownBy(() -> export.acknowledge(3, refused))
          .isInstanceOf(NotPermittedException.class)
          .hasMessage(
              refused.name() + " may not acknowledge an audit export: it needs the role OPERATOR");
    }
    assertThat(export.exportedThrough()).isZero();
    assertThat(audit.entries()).hasSize(5);
  }
}
