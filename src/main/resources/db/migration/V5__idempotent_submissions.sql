-- A client may send an Idempotency-Key with a submission: repeating the request with the same key
-- returns the first answer instead of creating the feedback twice.
create table feedback_submission (
    submitter        varchar(100)  not null,
    idempotency_key  varchar(100)  not null,
    request_hash     varchar(64)   not null,
    reference        varchar(20)   references feedback (reference),
    created_at       timestamp with time zone not null,
    primary key (submitter, idempotency_key)
);
