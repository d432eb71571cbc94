-- Single sign-on (issue 16): an account's links to OpenID Connect providers (provider id from
-- bar.oidc.providers, the provider's stable subject), and links waiting for the password of the
-- account whose address the provider verified. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
create table account_identities (
    provider    varchar(32)  not null,
    subject     varchar(255) not null,
    account_id  varchar(32)  not null references accounts (id),
    created_at  timestamp with time zone not null,
    primary key (provider, subject)
);

create index account_identities_account on account_identities (account_id);

create table oidc_pending_links (
    token_hash  varchar(64)  primary key,
    account_id  varchar(32)  not null references accounts (id),
    provider    varchar(32)  not null,
    subject     varchar(255) not null,
    role        varchar(16),
    expires_at  timestamp with time zone not null
);

create index oidc_pending_links_account on oidc_pending_links (account_id);
