-- A delivery whose handlers failed: its transaction rolls back (the handlers' writes and its inbox row with
-- it) and the broker redelivers it at once; this row, written in a transaction of its own, tells the
-- redelivery why, so it schedules the retry or keeps the dead letter without running the handlers again.
CREATE TABLE failed_attempt (
    context         varchar(30)   NOT NULL,
    message_id      uuid          NOT NULL,
    retryable       boolean       NOT NULL,
    exception_class varchar(300)  NOT NULL,
    message         varchar(1000) NOT NULL,
    failed_at       timestamptz   NOT NULL DEFAULT now(),
    PRIMARY KEY (context, message_id)
);
