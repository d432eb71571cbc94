-- Issue 18 item 2: requests for a secret. The note is the requester's ask and is readable by the
-- server (it is shown to whoever opens the request link); the keys are not here: the requester's
-- public key travels in the request link's fragment, the private key in the requester's open
-- link's fragment. The answer is an ordinary zero-knowledge share (share_id) of the requester;
-- ephemeral_public is the filler's ECDH public key, from which with the private key the requester
-- derives that share's link key (docs/zero-knowledge-format.md, "Requests").
create table secret_requests (
    id                     varchar(32)   primary key,
    owner_account_id       varchar(64)   not null,
    note                   varchar(4000) not null,
    max_bytes              integer       not null,
    max_views              integer       not null,
    share_expires_seconds  bigint        not null,
    password_params        varchar(200),
    password_hash          varchar(64),
    failed_attempts        integer       not null default 0,
    state                  varchar(16)   not null,
    share_id               varchar(64),
    ephemeral_public       varchar(100),
    created_at             timestamp     not null,
    expires_at             timestamp     not null,
    fulfilled_at           timestamp
    -- state: OPEN, FILLING, FULFILLED or LOCKED (SecretRequest.State; the code writes nothing else). No
    -- CHECK constraint: with one, once the embedded H2 2.4 database had been closed and opened again in
    -- the same JVM (the integration tests' contexts do), every insert failed with "Check constraint
    -- invalid" caused by "The database has been closed" (a full CI run, 2026-12-05).
);
create index secret_requests_owner on secret_requests (owner_account_id, created_at);
