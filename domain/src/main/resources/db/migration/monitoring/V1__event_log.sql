-- Every message published, and every consumption of it that did something, as the monitoring
-- interceptor saw them: the workflow's audit trail, queryable by task, type and time. Append-only.
CREATE TABLE event_log (
    id             bigserial    PRIMARY KEY,
    recorded_at    timestamptz  NOT NULL,
    direction      varchar(10)  NOT NULL,   -- PUBLISHED or CONSUMED
    message_id     uuid         NOT NULL,
    type           varchar(120) NOT NULL,
    kind           varchar(10)  NOT NULL,
    source         varchar(30)  NOT NULL,
    target         varchar(30)  NOT NULL,   -- the consuming context, or 'subscribers' for an event
    correlation_id varchar(100),
    causation_id   uuid,
    outcome        varchar(20)  NOT NULL,   -- published, ok, duplicate, retried, dead-lettered, failed
    attempt        integer      NOT NULL,
    duration_us    bigint       NOT NULL,
    error          text
);
CREATE INDEX event_log_correlation_idx ON event_log (correlation_id, id);
CREATE INDEX event_log_type_idx ON event_log (type, recorded_at);
CREATE INDEX event_log_time_idx ON event_log (recorded_at);

CREATE FUNCTION event_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'monitoring.event_log is append-only';
END $$;
CREATE TRIGGER event_log_append_only BEFORE UPDATE OR DELETE ON event_log
    FOR EACH STATEMENT EXECUTE FUNCTION event_log_append_only();
