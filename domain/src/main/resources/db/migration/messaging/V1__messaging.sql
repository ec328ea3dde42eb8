-- The message queue's own tables, owned by the messaging infrastructure, not by any context.

-- Transactional outbox: written in the business transaction, sent by the relay after commit, deleted
-- once the broker confirmed it.
CREATE TABLE outbox (
    id               bigserial    PRIMARY KEY,
    destination      varchar(255) NOT NULL,          -- a queue name, or '*' for every subscriber
    message_id       uuid         NOT NULL,
    type             varchar(200) NOT NULL,
    kind             varchar(10)  NOT NULL,
    correlation_id   varchar(200),
    causation_id     uuid,
    source           varchar(30)  NOT NULL,
    occurred_at      timestamptz  NOT NULL,
    attempt          integer      NOT NULL,
    routing_key      varchar(255),
    first_failure_at timestamptz,
    last_error       text,
    body             text         NOT NULL,
    claimed_until    timestamptz
);

-- Inbox: the messages each context has handled, written with the handling's effect.
CREATE TABLE inbox (
    context    varchar(30) NOT NULL,
    message_id uuid        NOT NULL,
    handled_at timestamptz NOT NULL DEFAULT now(),
    PRIMARY KEY (context, message_id)
);

-- Dead letters: messages given up on, with their reason; replayed or discarded by an operator.
CREATE TABLE dead_letter (
    id                uuid         PRIMARY KEY,
    message_id        uuid         NOT NULL,
    type              varchar(200) NOT NULL,
    kind              varchar(10)  NOT NULL,
    correlation_id    varchar(200),
    causation_id      uuid,
    source            varchar(30)  NOT NULL,
    occurred_at       timestamptz  NOT NULL,
    routing_key       varchar(255),
    body              text         NOT NULL,
    origin            varchar(255),                  -- the queue it failed on; null when the broker gave up
    exception_class   varchar(300) NOT NULL,
    exception_message text         NOT NULL,
    retryable         boolean      NOT NULL,
    attempts          integer      NOT NULL,
    first_failure_at  timestamptz  NOT NULL,
    last_failure_at   timestamptz  NOT NULL,
    status            varchar(10)  NOT NULL DEFAULT 'DEAD' CHECK (status IN ('DEAD', 'REPLAYED', 'DISCARDED')),
    resolved_by       varchar(100),
    resolved_at       timestamptz
);

CREATE INDEX dead_letter_open_idx ON dead_letter (last_failure_at DESC) WHERE status = 'DEAD';
CREATE INDEX dead_letter_correlation_idx ON dead_letter (correlation_id);
