-- Single-use email verification and password reset tokens, stored as SHA-256 hashes.
create table account_tokens (
    token_hash  varchar(64) primary key,
    account_id  varchar(32) not null references accounts (id),
    purpose     varchar(16) not null,
    created_at  timestamp with time zone not null,
    expires_at  timestamp with time zone not null
);

create index account_tokens_account on account_tokens (account_id, purpose);
create index account_tokens_expires on account_tokens (expires_at);
