-- Issue 18 item 2: a request answered with files waits (FILLING) for its share's upload; the
-- completed upload finds the request by its share id, and so does a share destroyed before it.
create index secret_requests_share on secret_requests (share_id);
