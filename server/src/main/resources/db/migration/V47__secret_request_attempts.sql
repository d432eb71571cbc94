-- Issue 18: a request's password goes through the shares' brute-force guard, so a wrong try sets
-- the earliest next one (next_attempt_at, as shares.next_attempt_at). The requester's mail is
-- claimed by setting mailed_at (one conditional update, one node) and given back when the send
-- failed; mail_attempts bounds how often the clean-up pass tries again.
alter table secret_requests add column next_attempt_at timestamp;
alter table secret_requests add column mail_attempts integer default 0 not null;
