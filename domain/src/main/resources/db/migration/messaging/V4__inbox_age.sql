-- The retention job deletes inbox rows older than refinery.retention.inbox, oldest first, in batches.
CREATE INDEX inbox_handled_idx ON inbox (handled_at);
