-- Destroyed means unrecoverable (issue 21 item 1). A share's wrapped data key, KDF salt, access
-- verifier, filename and inline text ciphertext move to a per-share secrets blob in the blob
-- store, which destruction deletes: PostgreSQL keeps old row versions in its data files, its WAL
-- and every dump, where no delete reaches them. The row keeps only the blob's id (and the master
-- key id, which is no secret). Rows still holding the old columns are moved by the clean-up job
-- and by `rewrap`, and are read as they are until then.
alter table shares add column secrets_blob_id varchar(22);

create index shares_secrets_blob on shares (secrets_blob_id);
