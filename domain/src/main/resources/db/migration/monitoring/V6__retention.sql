-- Retention. The event log and the audit trail stay append-only for everything but the retention job:
-- it deletes rows past their retention in small batches, in transactions that say so with
-- SET LOCAL refinery.retention = 'prune'. An UPDATE is refused always, a DELETE in any other transaction.
CREATE OR REPLACE FUNCTION event_log_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('refinery.retention', true) = 'prune' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'monitoring.event_log is append-only';
END $$;

CREATE OR REPLACE FUNCTION audit_entry_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF TG_OP = 'DELETE' AND current_setting('refinery.retention', true) = 'prune' THEN
        RETURN NULL;
    END IF;
    RAISE EXCEPTION 'monitoring.audit_entry is append-only';
END $$;

-- The audit trail is pruned only where it has been exported: each export an operator acknowledges
-- (PUT /api/audit/exported) says which entries are kept elsewhere now, up to which id.
CREATE TABLE audit_export (
    id          bigserial    PRIMARY KEY,
    recorded_at timestamptz  NOT NULL,
    actor       varchar(100) NOT NULL,
    through_id  bigint       NOT NULL
);
