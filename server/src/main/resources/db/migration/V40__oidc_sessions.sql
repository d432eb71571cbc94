-- RP-initiated logout (issue 16 item 1): the BAR sessions a provider with an end_session_endpoint
-- signed in, with the ID token it answered (sent back as id_token_hint when the session signs out,
-- then deleted). Gone with the session row. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table oidc_sessions (
    session_id  varchar(32)  primary key references sessions (id) on delete cascade,
    provider    varchar(32)  not null,
    id_token    varchar      not null,
    created_at  timestamp with time zone not null
);
