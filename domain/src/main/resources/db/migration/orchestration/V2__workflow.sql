-- Orchestration's own view of every workflow, kept from Task Management's events, and what the scanner
-- already did for it (so no instance does it twice).
CREATE TABLE workflow (
    task_id            uuid         PRIMARY KEY,
    title              varchar(200) NOT NULL,
    requester          varchar(100) NOT NULL,
    priority           varchar(8)   NOT NULL,
    priority_rank      smallint     NOT NULL,
    status             varchar(20)  NOT NULL,
    round              integer      NOT NULL DEFAULT 0,
    revision           integer      NOT NULL DEFAULT 0,
    created_at         timestamptz  NOT NULL,
    updated_at         timestamptz  NOT NULL,
    start_requested_at timestamptz,
    notified_round     integer      NOT NULL DEFAULT 0,
    notified_revision  integer      NOT NULL DEFAULT 0
);

-- The scanner's three questions, each answered from a small partial index.
CREATE INDEX workflow_to_start_idx ON workflow (priority_rank DESC, created_at)
    WHERE status = 'NEW' AND start_requested_at IS NULL;
CREATE INDEX workflow_to_ask_idx ON workflow (created_at)
    WHERE status = 'CLARIFICATION_NEEDED' AND notified_round < round;
CREATE INDEX workflow_to_review_idx ON workflow (created_at)
    WHERE status = 'PRD_VALIDATION' AND notified_revision < revision;
