/**
 * Signed destruction receipts (issue 20 item 4): when an owned share is destroyed, the receipt
 * that says so — share id, created, destroyed, why, views used; no content, no names — is signed
 * with the newest Ed25519 key of {@code bar.receipts.keys} and stored in the destroying
 * transaction; owners fetch it, anyone verifies it with the keys published at
 * {@code /.well-known/bar-receipt-keys}. The signed form is docs/shares.md's "Destruction receipts".
 */
@NullMarked
package app.bar.share.receipt;

import org.jspecify.annotations.NullMarked;
