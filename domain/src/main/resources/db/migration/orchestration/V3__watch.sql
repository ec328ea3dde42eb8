-- The detector's questions: which workflows have been in their state too long.
CREATE INDEX workflow_state_age_idx ON workflow (status, updated_at);

-- The service-level ladder's steps already taken, one row per task, episode and step, so no instance
-- reminds, escalates or expires twice.
CREATE TABLE sla_step (
    task_id  uuid        NOT NULL,
    episode  varchar(40) NOT NULL,   -- the state and round or revision waited on: 'CLARIFICATION_NEEDED#1'
    step     varchar(20) NOT NULL,   -- remind, escalate, expire
    taken_at timestamptz NOT NULL,
    PRIMARY KEY (task_id, episode, step)
);
