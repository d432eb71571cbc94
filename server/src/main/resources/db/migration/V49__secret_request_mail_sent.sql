-- The requester's mail is marked sent when the mail server (or the outbox) took it. A claim
-- (mailed_at) with neither that mark nor a release is the claim of a node that stopped while the
-- mail waited in its queue: the clean-up pass takes it again after a lease (RequestMails), so the
-- mail is not lost. Mails claimed before this column were handed over or given up: marked sent.
alter table secret_requests add column mail_sent boolean default false not null;
update secret_requests set mail_sent = true where mailed_at is not null;
