-- Who holds the review of a task's PRD revision: the approver who claimed it, or the person someone assigned
-- it to. A hold of an older revision holds nothing (a new revision is open to everyone again).
CREATE TABLE review_hold (
    task_id     uuid         PRIMARY KEY REFERENCES task_view (task_id),
    revision    integer      NOT NULL,
    holder      varchar(100) NOT NULL,
    held_since  timestamptz  NOT NULL,
    assigned_by varchar(100) NOT NULL
);
CREATE INDEX review_hold_holder_idx ON review_hold (holder);

-- The decision a person took on the step a task is at (answered, approved, rejected, retried, cancelled),
-- until Task Management's event moves the task on: a second decision on the same step is refused at once,
-- naming the first, instead of being sent to lose later. An approval or a cancellation stays (it ended the
-- task).
CREATE TABLE step_decision (
    task_id    uuid         PRIMARY KEY REFERENCES task_view (task_id),
    decision   varchar(20)  NOT NULL,
    decided_by varchar(100) NOT NULL,
    decided_at timestamptz  NOT NULL
);
