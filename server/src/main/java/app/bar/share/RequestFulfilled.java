package app.bar.share;

import app.bar.platform.secrets.OpaqueTokens;
import java.time.Instant;

/**
 * A request for a secret was answered (issue 18): its requester is told by the account webhook
 * ({@code request.fulfilled}) and, if the request asked for it, by mail. Published in the
 * transaction that marked the request answered. Carries the ids and the time only: never the
 * request's note, the answer, or a key ({@code shareId} is the answer's share, which opens only
 * with the key the requester derives in the browser).
 */
public record RequestFulfilled(String eventId, String requestId, String ownerAccountId, String shareId, Instant at) {

    /** The event's name in webhooks. */
    public static final String TYPE = "request.fulfilled";

    public static RequestFulfilled of(String requestId, String ownerAccountId, String shareId, Instant at) {
        return new RequestFulfilled(OpaqueTokens.newId(), requestId, ownerAccountId, shareId, at);
    }

    @Override
    public String toString() {
        return "RequestFulfilled[" + requestId + "]";
    }
}
