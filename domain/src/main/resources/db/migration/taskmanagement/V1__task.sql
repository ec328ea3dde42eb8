-- Task Management owns the task lifecycle. Other contexts never read this schema.
CREATE TABLE task (
    id                  uuid         PRIMARY KEY,
    title               varchar(200) NOT NULL CHECK (length(btrim(title)) > 0),
    description         text         NOT NULL CHECK (length(description) <= 20000),
    requester           varchar(100) NOT NULL,
    priority            varchar(8)   NOT NULL CHECK (priority IN ('LOW', 'MEDIUM', 'HIGH', 'CRITICAL')),
    status              varchar(20)  NOT NULL CHECK (status IN ('NEW', 'REQUEST_VALIDATION', 'CLARIFICATION_NEEDED',
                                                                'PRD_VALIDATION', 'PRD_APPROVED', 'FAILED', 'CANCELLED')),
    assigned_pool       varchar(50),
    clarification_round integer      NOT NULL DEFAULT 0,
    prd_revision        integer      NOT NULL DEFAULT 0,
    attempts            integer      NOT NULL DEFAULT 0,
    created_at          timestamptz  NOT NULL,
    updated_at          timestamptz  NOT NULL,
    version             bigint       NOT NULL DEFAULT 0
);

CREATE INDEX task_created_at_idx ON task (created_at DESC);
