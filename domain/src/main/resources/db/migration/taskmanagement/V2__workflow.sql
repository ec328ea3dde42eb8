-- The lifecycle's record: why a task failed, every transition, every clarification round.
ALTER TABLE task ADD COLUMN failure_reason text;
CREATE INDEX task_status_idx ON task (status, created_at DESC);
CREATE INDEX task_requester_idx ON task (requester, created_at DESC);

CREATE TABLE task_history (
    id          bigserial    PRIMARY KEY,
    task_id     uuid         NOT NULL REFERENCES task (id),
    event       varchar(40)  NOT NULL,
    from_status varchar(20),
    to_status   varchar(20)  NOT NULL,
    round       integer      NOT NULL,
    revision    integer      NOT NULL,
    actor       varchar(100),
    detail      text,
    message_id  uuid,
    at          timestamptz  NOT NULL
);
CREATE INDEX task_history_task_idx ON task_history (task_id, id);

CREATE TABLE clarification (
    task_id                  uuid         NOT NULL REFERENCES task (id),
    round                    integer      NOT NULL,
    questions                text         NOT NULL,   -- JSON array of questions
    answers                  text,                    -- JSON array of answers
    recommendations_accepted boolean,
    answered_by              varchar(100),
    asked_at                 timestamptz  NOT NULL,
    answered_at              timestamptz,
    PRIMARY KEY (task_id, round)
);
