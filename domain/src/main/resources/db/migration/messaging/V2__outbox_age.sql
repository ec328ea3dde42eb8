-- When a row entered the outbox (a retry's copy keeps its message's occurred_at), for the stalled-outbox alert.
ALTER TABLE outbox ADD COLUMN enqueued_at timestamptz NOT NULL DEFAULT now();
CREATE INDEX outbox_enqueued_idx ON outbox (enqueued_at);
