-- Issue 13 item 6: a sender may let recipients burn a share after reading. Each read of such a
-- share hands its reader a burn token; only its SHA-256 is kept, until the share is shredded.
alter table shares add column allow_recipient_burn boolean not null default false;

create table share_burn_tokens (
    token_hash  varchar(64) primary key,
    share_id    varchar(22) not null
);

create index share_burn_tokens_share on share_burn_tokens (share_id);
