-- Signed destruction receipts (issue 20 item 4). When an owned share is destroyed, its receipt —
-- share id, created, destroyed, why, views used, signed with Ed25519 (bar.receipts.keys) — is
-- written in the transaction that destroys it, and kept for bar.receipts.retention after the
-- destruction (or until the owner's account is deleted). No content, no filename, no names.
create table share_receipts (
    share_id      varchar(22)   primary key,
    owner_id      varchar(64)   not null,
    destroyed_at  timestamp with time zone not null,
    receipt       varchar(2000) not null
);

create index share_receipts_owner on share_receipts (owner_id);
create index share_receipts_destroyed on share_receipts (destroyed_at);

-- The audit export (issue 20 item 3) reads the owners' access logs in time order, across shares.
create index share_access_log_occurred on share_access_log (occurred_at, id);
