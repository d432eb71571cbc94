-- Second factors (issue 16 items 3 and 4): TOTP, recovery codes, passkeys, and the short-lived
-- challenges of sign-in and enrolment. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL;
-- binary values are base64url in varchar.

-- One TOTP secret per account, sealed under the master key ring (MasterKeySeal, purpose
-- totp:<account id>). confirmed_at is null while the enrolment waits for its confirming code;
-- last_used_step is the newest 30-second step a code was accepted for (a code of that step or an
-- older one is a replay).
create table account_totp (
    account_id     varchar(32)  primary key references accounts (id),
    secret_kid     varchar(64)  not null,
    secret_sealed  varchar(200) not null,
    created_at     timestamp with time zone not null,
    confirmed_at   timestamp with time zone,
    last_used_step bigint       not null default 0
);

create index account_totp_kid on account_totp (secret_kid);

-- Recovery codes: 80 random bits each, stored as SHA-256 hex, deleted when used.
create table account_recovery_codes (
    code_hash   varchar(64) primary key,
    account_id  varchar(32) not null references accounts (id),
    created_at  timestamp with time zone not null
);

create index account_recovery_codes_account on account_recovery_codes (account_id);

-- Challenges that are not sessions: a password proved and a second factor awaited (MFA), an
-- enrolment forced by bar.accounts.mfa-required (ENROL), a passkey ceremony's options
-- (PASSKEY_REGISTER, PASSKEY_SIGNIN; payload holds the options' JSON). The token is a bearer
-- secret (SHA-256 hex here); each is single use and short-lived.
create table auth_challenges (
    token_hash   varchar(64) primary key,
    purpose      varchar(32) not null,
    account_id   varchar(32) references accounts (id),
    remember_me  boolean     not null,
    attempts     integer     not null default 0,
    payload      varchar,
    created_at   timestamp with time zone not null,
    expires_at   timestamp with time zone not null
);

create index auth_challenges_account on auth_challenges (account_id);
create index auth_challenges_expires on auth_challenges (expires_at);

-- Passkeys (WebAuthn credentials, Spring Security's CredentialRecord). user_handle is the
-- random WebAuthn user id of the account (never its BAR id or email).
create table passkey_users (
    account_id   varchar(32)  primary key references accounts (id),
    user_handle  varchar(100) not null
);

create unique index passkey_users_handle on passkey_users (user_handle);

create table passkeys (
    credential_id     varchar(1400) primary key,
    account_id        varchar(32)   not null references accounts (id),
    label             varchar(100)  not null,
    public_key        varchar       not null,
    signature_count   bigint        not null,
    uv_initialized    boolean       not null,
    backup_eligible   boolean       not null,
    backup_state      boolean       not null,
    transports        varchar(200)  not null,
    credential_type   varchar(32)   not null,
    attestation_object varchar,
    client_data_json  varchar,
    created_at        timestamp with time zone not null,
    last_used_at      timestamp with time zone not null
);

create index passkeys_account on passkeys (account_id);
