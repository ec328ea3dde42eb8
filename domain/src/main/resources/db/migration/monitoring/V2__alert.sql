-- Alerts: one open alert per condition at a time (raised once, however many instances see it), closed
-- when the condition ends. Closed alerts stay as their history.
CREATE TABLE alert (
    id          bigserial    PRIMARY KEY,
    condition   varchar(200) NOT NULL,   -- what is wrong, as a key: 'stalled:<task>', 'dead-letters', ...
    kind        varchar(40)  NOT NULL,
    summary     text         NOT NULL,
    task_id     varchar(100),
    message_id  uuid,
    raised_at   timestamptz  NOT NULL,
    cleared_at  timestamptz
);
CREATE UNIQUE INDEX alert_open_idx ON alert (condition) WHERE cleared_at IS NULL;
CREATE INDEX alert_raised_idx ON alert (raised_at DESC);

-- The detector asks whether each context consumed the last heartbeat, by message id.
CREATE INDEX event_log_message_idx ON event_log (message_id);
