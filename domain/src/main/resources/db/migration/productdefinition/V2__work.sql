-- Product Definition's work queue for the agent pools, what the agents were told and asked, the PRD
-- versions they wrote, and every agent run.
CREATE TABLE work_item (
    task_id       uuid         PRIMARY KEY,
    pool          varchar(50),
    title         varchar(200) NOT NULL,
    description   text         NOT NULL,
    requester     varchar(100) NOT NULL,
    priority      varchar(8)   NOT NULL,
    priority_rank smallint     NOT NULL,
    status        varchar(10)  NOT NULL CHECK (status IN ('WAITING', 'READY', 'RUNNING', 'DONE', 'FAILED')),
    round         integer      NOT NULL DEFAULT 0,
    revision      integer      NOT NULL DEFAULT 0,
    attempts      integer      NOT NULL DEFAULT 0,
    available_at  timestamptz  NOT NULL,
    lease_until   timestamptz,
    lease_token   bigint       NOT NULL DEFAULT 0,
    last_error    text,
    created_at    timestamptz  NOT NULL,
    updated_at    timestamptz  NOT NULL
);
-- Claims take the highest priority first, then the oldest; expired leases are claimable again.
CREATE INDEX work_item_ready_idx ON work_item (pool, priority_rank DESC, created_at) WHERE status = 'READY';
CREATE INDEX work_item_leased_idx ON work_item (lease_until) WHERE status = 'RUNNING';

CREATE TABLE clarification (
    task_id     uuid        NOT NULL,
    round       integer     NOT NULL,
    question_id varchar(50) NOT NULL,
    question    text        NOT NULL,   -- JSON: the question with its options
    answer      text,                   -- as text: the chosen option's label and/or the free answer
    PRIMARY KEY (task_id, round, question_id)
);

CREATE TABLE prd_version (
    task_id          uuid         NOT NULL,
    revision         integer      NOT NULL,
    document         text         NOT NULL,   -- JSON, valid against productdefinition/prd.schema.json
    agent            varchar(50)  NOT NULL,
    model            varchar(100) NOT NULL,
    prompt_version   varchar(50)  NOT NULL,
    created_at       timestamptz  NOT NULL,
    rejection_reason text,
    rejected_by      varchar(100),
    decided_at       timestamptz,
    approved_by      varchar(100),
    PRIMARY KEY (task_id, revision)
);

CREATE TABLE agent_run (
    id             bigserial     PRIMARY KEY,
    task_id        uuid          NOT NULL,
    attempt        integer       NOT NULL,
    agent          varchar(50)   NOT NULL,
    model          varchar(100),
    prompt_version varchar(50),
    tokens_in      integer       NOT NULL DEFAULT 0,
    tokens_out     integer       NOT NULL DEFAULT 0,
    latency_ms     bigint        NOT NULL,
    cost_usd       numeric(12,6) NOT NULL DEFAULT 0,
    outcome        varchar(20)   NOT NULL,        -- CLARIFY, PRD, RETRY, FAILED, REFUSED (late result)
    error          text,
    finished_at    timestamptz   NOT NULL
);
CREATE INDEX agent_run_task_idx ON agent_run (task_id, id);
