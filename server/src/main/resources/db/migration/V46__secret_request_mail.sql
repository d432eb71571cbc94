-- Issue 18: a request for a secret may ask for a mail to its requester when it is answered
-- (notify_by_email, off by default); mailed_at marks the one mail sent (a conditional update, so
-- an event delivered twice mails once).
alter table secret_requests add column notify_by_email boolean default false not null;
alter table secret_requests add column mailed_at timestamp;
