-- Issue 18 item 3: per-recipient links. One secret for several people is one ordinary share per
-- recipient, all in one group: group_id is the first member's id (null for an ordinary share).
-- The members share one data key (sealed once) and, for a file, one content blob, which goes
-- only when no member names it any more.
alter table shares add column group_id varchar(22);

create index shares_group on shares (group_id);
