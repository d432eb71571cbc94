-- When the session's user last proved their password (sign-in or re-authentication): sensitive
-- actions (new API tokens) need it recent (bar.accounts.reauthentication-window).
alter table sessions add column authenticated_at timestamp with time zone;
update sessions set authenticated_at = created_at;
alter table sessions alter column authenticated_at set not null;
