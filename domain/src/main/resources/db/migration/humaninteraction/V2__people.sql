-- Human Interaction's view of tasks (for the people it talks to), and their notifications.
CREATE TABLE task_view (
    task_id    uuid         PRIMARY KEY,
    title      varchar(200) NOT NULL,
    requester  varchar(100) NOT NULL,
    status     varchar(20)  NOT NULL,
    round      integer      NOT NULL DEFAULT 0,
    revision   integer      NOT NULL DEFAULT 0,
    questions  text,                                 -- JSON: the open round's questions
    updated_at timestamptz  NOT NULL
);

CREATE TABLE notification (
    id         uuid         PRIMARY KEY,
    recipient  varchar(100) NOT NULL,
    task_id    uuid         NOT NULL,
    kind       varchar(30)  NOT NULL,
    step       integer      NOT NULL,                 -- the round or revision it is about
    subject    text         NOT NULL,
    body       text         NOT NULL,
    created_at timestamptz  NOT NULL,
    read_at    timestamptz,
    UNIQUE (recipient, task_id, kind, step)
);
CREATE INDEX notification_recipient_idx ON notification (recipient, created_at DESC);

-- Webhook posts still to make, retried with backoff.
CREATE TABLE webhook_delivery (
    notification_id uuid        PRIMARY KEY REFERENCES notification (id),
    attempts        integer     NOT NULL DEFAULT 0,
    next_attempt_at timestamptz NOT NULL,
    delivered_at    timestamptz,
    last_error      text
);
CREATE INDEX webhook_delivery_due_idx ON webhook_delivery (next_attempt_at) WHERE delivered_at IS NULL;
