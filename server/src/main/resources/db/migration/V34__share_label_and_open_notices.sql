-- Issue 13 items 9 and 5. Runs unchanged on H2 (PostgreSQL mode) and PostgreSQL.
-- An owner's label for a share, sealed under the master key ring (AES-256-GCM, associated data
-- bound to the share id): the database holds only ciphertext and the master key's id. It names
-- the share on the owner's dashboard, its tombstone included, and goes with the row.
alter table shares add column label_kid varchar(64);
alter table shares add column label_sealed varchar(1000);

-- "Email me when one of my shares is opened" (off by default).
alter table accounts add column notify_share_opened boolean not null default false;

-- The access-log row of an event knows its event id, so the owner's mail about an opening is sent
-- once however often the event is delivered (a conditional update on owner_notified_at decides).
alter table share_access_log add column event_id varchar(32);
alter table share_access_log add column owner_notified_at timestamp with time zone;
create index share_access_log_event on share_access_log (event_id);
