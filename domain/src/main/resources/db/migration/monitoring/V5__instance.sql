-- Every running instance (the server and each worker) says it is alive every few seconds: its version,
-- when it started, its agent slots in use, and when each of its background works last ticked. The Fleet
-- page reads it; an instance not seen for a while is shown as gone (its row stays until a day has passed).
CREATE TABLE instance (
    name         varchar(200) PRIMARY KEY,
    version      varchar(50)  NOT NULL,
    started_at   timestamptz  NOT NULL,
    seen_at      timestamptz  NOT NULL,
    agent_slots  integer      NOT NULL,
    agents_busy  integer      NOT NULL,
    work         text         NOT NULL   -- each background work: "key=last tick ISO-8601|paused", comma-separated
);
