package app.bar.share.request;

import java.time.Instant;

/** A request for a secret was answered: its requester is told (webhook {@code request.fulfilled}). */
public record RequestFulfilled(String requestId, String ownerAccountId, Instant at) {
}
