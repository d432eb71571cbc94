/**
 * Requests for a secret (issue 18 item 2): a signed-in requester asks, anyone with the request
 * link answers once, and the answer becomes an ordinary zero-knowledge share owned by the
 * requester. The browser holds the requester's P-256 key pair (public key in the request link's
 * fragment, private key in the requester's open link's fragment) and derives the share's link key
 * by ECDH + HKDF ({@code docs/zero-knowledge-format.md}, "Requests"); the server stores the note,
 * the limits, the filler's ephemeral public key and the share id, never a key that opens anything.
 * A sub-package of the share module because filling a request creates a share.
 */
@NullMarked
package app.bar.share.request;

import org.jspecify.annotations.NullMarked;
