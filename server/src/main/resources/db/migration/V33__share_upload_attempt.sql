-- Issue 11 item 6: the manage-token holder may restart a stuck upload. Each attempt takes the
-- next number in one conditional update; only the attempt holding the current number may
-- complete (or abort) the upload, so an older attempt still alive cannot commit over a newer one.
alter table shares add column upload_attempt integer not null default 0;
