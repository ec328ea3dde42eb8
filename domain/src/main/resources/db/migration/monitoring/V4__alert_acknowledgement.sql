-- An operator acknowledges an open alert with a note: who, when, and what they are doing about it.
ALTER TABLE alert
    ADD COLUMN acknowledged_by varchar(100),
    ADD COLUMN acknowledged_at timestamptz,
    ADD COLUMN acknowledgement text;
