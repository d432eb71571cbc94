-- Issue 13 item 1: every zero-knowledge share keeps the SHA-256 of its link access key, so a
-- damaged link is refused at unlock, before a view is spent. Cleared when the share is shredded.
alter table shares add column link_verifier varchar(64);
