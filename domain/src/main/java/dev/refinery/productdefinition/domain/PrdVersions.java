package dev.refinery.productdefinition.domain;

import dev.refinery.productdefinition.api.PrdVersion;
import java.util.List;
import java.util.UUID;

/** The PRD revisions agents wrote and what became of each. Implemented in the EJB module. */
public interface PrdVersions {

  /** A new revision, as JSON valid against {@code productdefinition/prd.schema.json}. */
  void add(UUID task, int revision, String document, AgentRun run);

  void rejected(UUID task, int revision, String by, String reason);

  void approved(UUID task, int revision, String by);

  /** Every revision of the task, the first first. */
  List<PrdVersion> of(UUID task);
}
