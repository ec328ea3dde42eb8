-- What people did: every approver, operator and admin action, with who, what and when. Append-only,
-- like the event log.
CREATE TABLE audit_entry (
    id          bigserial    PRIMARY KEY,
    recorded_at timestamptz  NOT NULL,
    actor       varchar(100) NOT NULL,
    action      varchar(60)  NOT NULL,   -- PRD_APPROVED, DEAD_LETTER_REPLAYED, PERSON_CREATED, ...
    subject     varchar(200) NOT NULL,   -- what it was done to: a task id, a dead letter id, a username
    task_id     varchar(100),
    detail      text
);
CREATE INDEX audit_entry_time_idx ON audit_entry (recorded_at DESC);
CREATE INDEX audit_entry_task_idx ON audit_entry (task_id);

CREATE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    RAISE EXCEPTION 'monitoring.audit_entry is append-only';
END $$;
CREATE TRIGGER audit_entry_append_only BEFORE UPDATE OR DELETE ON audit_entry
    FOR EACH STATEMENT EXECUTE FUNCTION audit_entry_append_only();
