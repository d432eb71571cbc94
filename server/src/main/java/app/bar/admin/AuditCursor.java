package app.bar.admin;

import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;

/**
 * A position in the audit export's order — time, then source (security events before share
 * events at the same instant), then the row's id — as an opaque base64url token. The next page
 * starts after it, so rows written meanwhile are neither skipped nor repeated.
 */
record AuditCursor(Instant at, int source, long id) {

    /** The position before everything at or after {@code from}. */
    static AuditCursor before(Instant from) {
        return new AuditCursor(from, -1, -1);
    }

    /** The id a source's rows must exceed at {@link #at()}: all of a later source, none of an earlier one. */
    long idAfterFor(int rowSource) {
        return rowSource == source ? id : rowSource > source ? -1 : Long.MAX_VALUE;
    }

    String encode() {
        String text = "v1:" + at.getEpochSecond() + ":" + at.getNano() + ":" + source + ":" + id;
        return Base64.getUrlEncoder().withoutPadding().encodeToString(text.getBytes(StandardCharsets.US_ASCII));
    }

    static AuditCursor decode(String token) {
        try {
            String[] parts = new String(Base64.getUrlDecoder().decode(token), StandardCharsets.US_ASCII).split(":");
            if (parts.length != 5 || !parts[0].equals("v1")) {
                throw new IllegalArgumentException("not a cursor");
            }
            int source = Integer.parseInt(parts[3]);
            if (source < 0 || source > 1) {
                throw new IllegalArgumentException("not a source");
            }
            return new AuditCursor(Instant.ofEpochSecond(Long.parseLong(parts[1]), Long.parseLong(parts[2])), source,
                    Long.parseLong(parts[4]));
        } catch (IllegalArgumentException | java.time.DateTimeException e) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "cursor",
                    "must be the value of a previous answer's BAR-Next-Cursor header");
        }
    }
}
