-- Webhooks (issue #5). Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- Signing secrets sign every delivery, so they cannot be hashes: they are stored sealed under
-- the master key ring (AES-256-GCM, key id beside them) and shown to the owner once. The URL is
-- sealed with its secret in the same value: a Discord or Slack webhook URL is a credential too.

-- An account's default webhook: one per account.
create table account_webhooks (
    account_id     varchar(64)   primary key,
    key_id         varchar(64)   not null,
    sealed_secret  varchar(4000) not null,
    created_at     timestamp with time zone not null
);

-- A share's own webhook (set at creation); it wins over the owner's account webhook.
create table share_webhooks (
    share_id       varchar(22)   primary key,
    account_id     varchar(64)   not null,
    key_id         varchar(64)   not null,
    sealed_secret  varchar(4000) not null,
    created_at     timestamp with time zone not null,
    expires_at     timestamp with time zone not null
);

create index share_webhooks_account on share_webhooks (account_id);
create index share_webhooks_expires on share_webhooks (expires_at);

-- The outbox: one row per event to deliver, written with the event. A worker claims a row with a
-- conditional update (claim_token + claimed_until), so on many nodes each attempt runs once.
create table webhook_deliveries (
    event_id          varchar(32)   primary key,
    account_id        varchar(64)   not null,
    share_id          varchar(22)   not null,
    target            varchar(8)    not null,
    type              varchar(32)   not null,
    payload           varchar(4000) not null,
    status            varchar(10)   not null,
    attempts          integer       not null default 0,
    last_status_code  integer,
    last_attempt_at   timestamp with time zone,
    next_attempt_at   timestamp with time zone not null,
    created_at        timestamp with time zone not null,
    claim_token       varchar(32),
    claimed_until     timestamp with time zone
);

create index webhook_deliveries_due on webhook_deliveries (status, next_attempt_at);
create index webhook_deliveries_account on webhook_deliveries (account_id, created_at);
create index webhook_deliveries_claim on webhook_deliveries (claim_token);

-- At most bar.webhooks.max-deliveries-per-share deliveries per share; further events are dropped
-- and counted here (and in the bar.webhooks.dropped counter).
create table webhook_share_quota (
    share_id    varchar(22) primary key,
    used        integer     not null default 0,
    dropped     integer     not null default 0,
    updated_at  timestamp with time zone not null
);
