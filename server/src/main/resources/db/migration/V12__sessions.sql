-- Sessions (one per sign-in; the session id is the refresh-token family id) and their
-- rotating refresh tokens, stored as SHA-256 hashes; a used token is kept to detect reuse.
create table sessions (
    id               varchar(32)  primary key,
    account_id       varchar(32)  not null references accounts (id),
    created_at       timestamp with time zone not null,
    last_used_at     timestamp with time zone not null,
    idle_expires_at  timestamp with time zone not null,
    expires_at       timestamp with time zone not null,
    remember_me      boolean      not null,
    device           varchar(100) not null,
    client_ip        varchar(64)  not null,
    revoked_at       timestamp with time zone,
    revoked_reason   varchar(32)
);

create index sessions_account on sessions (account_id);
create index sessions_expires on sessions (expires_at);

create table refresh_tokens (
    token_hash  varchar(64) primary key,
    family_id   varchar(32) not null references sessions (id),
    issued_at   timestamp with time zone not null,
    used_at     timestamp with time zone
);

create index refresh_tokens_family on refresh_tokens (family_id);
