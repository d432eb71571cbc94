-- Issue 19: burn chat. A room's only state: who may join (how many, how many are in), until when,
-- and the SHA-256 of the owner's token. Messages are relayed in memory (and over Redis pub/sub)
-- and never reach this table or any other. A burned or expired room's row is deleted: its link
-- then answers as a gone share does.
create table chat_rooms (
    id                varchar(32)  primary key,
    owner_token_hash  varchar(64)  not null,
    owner_account_id  varchar(64),
    max_participants  integer      not null,
    joined            integer      not null default 0,
    burn_when_empty   boolean      not null default false,
    created_at        timestamp    not null,
    expires_at        timestamp    not null,
    constraint chat_rooms_joined_range check (joined >= 0 and joined <= max_participants)
);
create index chat_rooms_expires_at on chat_rooms (expires_at);
