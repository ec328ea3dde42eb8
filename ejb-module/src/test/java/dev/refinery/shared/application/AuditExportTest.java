package dev.refinery.shared.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.refinery.shared.testing.RecordingAuditTrail;
import org.junit.jupiter.api.Test;

/** Exporting the audit trail before retention may delete it: pages, and acknowledgements. */
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
    assertThat(export.page(2, 2))
        .extracting(AuditTrail.Entry::subject)
        .containsExactly("task-3", "task-4");
    assertThat(export.page(5, 100)).isEmpty();
    assertThatThrownBy(() -> export.page(-1, 10)).hasMessageContaining("after must be 0");
  }

  @Test
  void anAcknowledgementMovesTheMarkAndIsAudited() {
    assertThat(export.exportedThrough()).isZero();

    assertThat(export.acknowledge(3, "opal")).isEqualTo(3);

    assertThat(export.exportedThrough()).isEqualTo(3);
    assertThat(audit.entries())
        .last()
        .isEqualTo("opal AUDIT_EXPORTED audit trail: entries 1 to 3 kept elsewhere");
  }

  @Test
  void theMarkNeverMovesBackAndAnOldAcknowledgementRecordsNothing() {
    export.acknowledge(4, "opal");
    int entries = audit.entries().size();

    assertThat(export.acknowledge(2, "opal")).isEqualTo(4);

    assertThat(export.exportedThrough()).isEqualTo(4);
    assertThat(audit.entries()).hasSize(entries);
  }

  @Test
  void anIdNoEntryHasYetIsRefused() {
    assertThatThrownBy(() -> export.acknowledge(99, "opal"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining("from 1 to the newest (5), not 99");
    assertThatThrownBy(() -> export.acknowledge(0, "opal")).hasMessageContaining("not 0");
    assertThat(export.exportedThrough()).isZero();
  }
}
