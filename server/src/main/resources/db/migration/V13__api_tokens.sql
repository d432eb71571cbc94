-- Personal API tokens (Authorization: Bearer bar_pat_...), stored as SHA-256 hashes.
create table api_tokens (
    id            varchar(32)  primary key,
    account_id    varchar(32)  not null references accounts (id),
    token_hash    varchar(64)  not null,
    name          varchar(100) not null,
    scopes        varchar(200) not null,
    created_at    timestamp with time zone not null,
    expires_at    timestamp with time zone not null,
    last_used_at  timestamp with time zone
);

create unique index api_tokens_hash on api_tokens (token_hash);
create index api_tokens_account on api_tokens (account_id);
