package app.bar.share.request;

import app.bar.crypto.KdfParams;
import app.bar.crypto.PasswordKdf;
import app.bar.platform.error.BarProblem;
import app.bar.platform.error.ProblemCodes;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.platform.secrets.SecretBytes;
import app.bar.share.RequestFulfilled;
import app.bar.share.ShareProperties;
import app.bar.share.core.Requester;
import app.bar.share.guard.BruteForceGuard;
import app.bar.share.create.CreateShareRequest;
import app.bar.share.create.CreationRules;
import app.bar.share.create.ExpiresIn;
import app.bar.share.create.ShareCreation;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Requests for a secret: made by a signed-in requester, answered once by anyone with the link
 * (one conditional update decides), the answer stored as an ordinary zero-knowledge text share
 * owned by the requester with the view and expiry rules of the request. An optional password
 * (Argon2id, as share passwords) guards answering, slowed by the shares' brute-force guard; five
 * wrong ones in a row close the request. Expiries are read and bounded as a share's
 * ({@link CreationRules#expiry}).
 */
@Service
class SecretRequests {

    private static final Logger log = LoggerFactory.getLogger(SecretRequests.class);
    private static final Pattern ID = Pattern.compile("[A-Za-z0-9_-]{22}");
    static final int MAX_NOTE = 1000;
    static final int MAX_PASSWORD = 200;
    static final int MAX_VIEWS = 100;
    /** The answer is counted as its container: the plaintext's limit plus room for the frame and the segment tags. */
    static final int FRAME_ROOM = 4096;
    static final Duration DEFAULT_EXPIRY = Duration.ofDays(7);
    /** A file answer's container: its metadata (a manifest) at most, its segments and their tags (zero-knowledge-format.md). */
    static final int MAX_METADATA = 64 * 1024;
    static final int SEGMENT = 1 << 20;
    static final int TAG = 16;
    static final int FILE_ROOM = MAX_METADATA + FRAME_ROOM + 64 * 1024;

    private final SecretRequestRepository requests;
    private final ShareCreation creation;
    private final CreationRules rules;
    private final BruteForceGuard guard;
    private final ShareProperties properties;
    private final PasswordKdf kdf;
    private final ApplicationEventPublisher publisher;
    private final TransactionTemplate tx;
    private final Clock clock;

    SecretRequests(SecretRequestRepository requests, ShareCreation creation, CreationRules rules, BruteForceGuard guard,
            ShareProperties properties, PasswordKdf kdf, ApplicationEventPublisher publisher, TransactionTemplate tx,
            Clock clock) {
        this.requests = requests;
        this.creation = creation;
        this.rules = rules;
        this.guard = guard;
        this.properties = properties;
        this.kdf = kdf;
        this.publisher = publisher;
        this.tx = tx;
        this.clock = clock;
    }

    SecretRequest create(String accountId, @Nullable String note, @Nullable ExpiresIn expiresIn,
            @Nullable ExpiresIn shareExpiresIn, @Nullable Integer maxBytes, @Nullable Integer maxViews,
            @Nullable Password password, boolean notifyByEmail) {
        try {
            String text = note == null ? "" : note.strip();
            if (text.codePointCount(0, text.length()) > MAX_NOTE) {
                throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "note", "must be at most " + MAX_NOTE + " characters",
                        0L, (long) MAX_NOTE);
            }
            Duration expiry = rules.expiry("expiresIn", expiresIn, DEFAULT_EXPIRY);
            Duration shareExpiry = rules.expiry("shareExpiresIn", shareExpiresIn, DEFAULT_EXPIRY);
            long textLimit = textLimit();
            int bytes = (int) range("maxBytes", maxBytes, 1, Math.max(textLimit, fileLimit()), textLimit);
            int views = (int) range("maxViews", maxViews, 1, MAX_VIEWS, 1);
            String params = null;
            String hash = null;
            if (password != null) {
                int length = password.codePointCount();
                if (length < 1 || length > MAX_PASSWORD) {
                    throw new BarProblem.Invalid(ProblemCodes.FIELD_SIZE, "password", "must be 1 to " + MAX_PASSWORD
                            + " characters", 1L, (long) MAX_PASSWORD);
                }
                KdfParams p = kdf.newParams();
                params = p.encode();
                hash = hash(password, p);
            }
            Instant now = clock.instant();
            SecretRequest request = new SecretRequest(OpaqueTokens.newId(), accountId, text, bytes, views,
                    shareExpiry.toSeconds(), params, hash, 0, SecretRequest.State.OPEN, null, null, now, now.plus(expiry), null,
                    notifyByEmail);
            requests.insert(request);
            log.info("request.created id={} expires={} password={}", request.id(), expiry, hash != null);
            return request;
        } finally {
            if (password != null) {
                password.wipe();
            }
        }
    }

    /** An open request, as anyone with its link may see it; 404 when it is unknown, answered, expired or locked. */
    SecretRequest open(String id) {
        return find(id).filter(r -> r.openAt(clock.instant())).orElseThrow(BarProblem.NotFound::new);
    }

    /** The requester's own request (any state); 404 for anyone else. */
    SecretRequest owned(String id, String accountId) {
        return find(id).filter(r -> r.ownerAccountId().equals(accountId)).orElseThrow(BarProblem.NotFound::new);
    }

    /** Any request by id, in any state (for the requester's mail). */
    java.util.Optional<SecretRequest> byId(String id) {
        return find(id);
    }

    List<SecretRequest> ofOwner(String accountId) {
        return requests.ofOwner(accountId);
    }

    void withdraw(String id, String accountId) {
        if (!ID.matcher(id).matches() || !requests.delete(id, accountId)) {
            throw new BarProblem.NotFound();
        }
    }

    /**
     * Answers the request once: checks the password and the size, closes the request (the
     * conditional update; a second answer is a 404), stores the answer as a share of the requester.
     */
    void fulfil(String id, @Nullable String ephemeralPublic, @Nullable String linkVerifier, char @Nullable [] text,
            @Nullable Password password, Requester filler) {
        try {
            SecretRequest request = open(id);
            String eph = checkEphemeralPublic(ephemeralPublic);
            if (text == null || text.length == 0) {
                throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "text", "is required");
            }
            long containerBytes = (long) text.length * 3 / 4;
            long max = Math.min(request.maxBytes(), textLimit());
            if (containerBytes > max + FRAME_ROOM) {
                throw tooLarge("text", max);
            }
            checkPassword(request, password);
            Instant now = clock.instant();
            if (!requests.claim(id, now)) {
                throw new BarProblem.NotFound(); // answered (or expired) a moment ago
            }
            String shareId;
            try {
                CreateShareRequest share = new CreateShareRequest("text", text, null,
                        ExpiresIn.ofSeconds(request.shareExpiresSeconds()), request.maxViews(), null, null, null, null, null,
                        null, null, true, null, linkVerifier, null, null, null);
                shareId = creation.create(share, new Requester(request.ownerAccountId(), filler.clientIp(), filler.browser()))
                        .id().value();
            } catch (RuntimeException e) {
                requests.release(id);
                throw e;
            }
            String answer = shareId;
            tx.executeWithoutResult(status -> { // the event is stored with the change it reports (Modulith's registry)
                requests.fulfilled(id, answer, eph, now);
                publisher.publishEvent(RequestFulfilled.of(id, request.ownerAccountId(), answer, now));
            });
            log.info("request.fulfilled id={}", request.id());
        } finally {
            if (text != null) {
                Arrays.fill(text, '\0');
            }
            if (password != null) {
                password.wipe();
            }
        }
    }

    /** What the filler of a request answered with files needs to upload the container: its share and upload token. */
    record FileAnswer(String shareId, String uploadToken, Instant expiresAt) {
        @Override
        public String toString() {
            return "FileAnswer[" + shareId + "]";
        }
    }

    /**
     * Answers the request with files: checks the password and the declared container size, claims
     * the request (FILLING) and makes the requester's zero-knowledge file share, whose upload
     * completes the answer ({@link FileAnswers}); until then a second answer is a 404.
     */
    FileAnswer fulfilWithFiles(String id, @Nullable String ephemeralPublic, @Nullable String linkVerifier,
            @Nullable Long size, @Nullable Password password, Requester filler) {
        try {
            SecretRequest request = open(id);
            String eph = checkEphemeralPublic(ephemeralPublic);
            if (size == null) {
                throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "size", "is required");
            }
            long max = fileContainerLimit(request.maxBytes());
            if (size < 1 || size > max) {
                throw tooLarge("size", request.maxBytes());
            }
            checkPassword(request, password);
            if (!requests.claim(id, clock.instant())) {
                throw new BarProblem.NotFound(); // answered (or expired) a moment ago
            }
            ShareCreation.Created created;
            try {
                CreateShareRequest share = new CreateShareRequest("file", null, null,
                        ExpiresIn.ofSeconds(request.shareExpiresSeconds()), request.maxViews(), null, null, null, null, null,
                        null, null, true, null, linkVerifier, null, null, null);
                created = creation.create(share, new Requester(request.ownerAccountId(), filler.clientIp(), filler.browser()));
                requests.filling(id, created.id().value(), eph);
            } catch (RuntimeException e) {
                requests.release(id);
                throw e;
            }
            log.info("request.filling id={}", request.id());
            return new FileAnswer(created.id().value(), created.manageToken(), created.expiresAt());
        } finally {
            if (password != null) {
                password.wipe();
            }
        }
    }

    /** The largest text answer: a text share's limit, less the container's frame (it travels as base64url). */
    private long textLimit() {
        return properties.maxTextSize().toBytes() * 3 / 4 - FRAME_ROOM;
    }

    /** The largest file answer: a signed-in owner's file limit (the share is the requester's), within an int. */
    private long fileLimit() {
        return Math.min(properties.fileLimit(true).toBytes(), Integer.MAX_VALUE - FILE_ROOM);
    }

    /** {@code request.too_large} on {@code field}: the answer is larger than the request's {@code maxBytes}. */
    static BarProblem.Invalid tooLarge(String field, long maxBytes) {
        return new BarProblem.Invalid(RequestCodes.TOO_LARGE, field, "is larger than the request allows (" + maxBytes + " bytes)",
                null, maxBytes);
    }

    /**
     * The largest container of {@code maxBytes} of files: the files, the manifest (at most
     * {@value #MAX_METADATA} bytes), the frame, and a tag for each 1 MiB segment.
     */
    static long fileContainerLimit(long maxBytes) {
        long plain = maxBytes + MAX_METADATA + FRAME_ROOM;
        return plain + (plain / SEGMENT + 1) * TAG;
    }

    /**
     * Through the shares' {@link BruteForceGuard}: the try is reserved (or refused with
     * {@code share.retry_later} + {@code Retry-After} while the wait after the last wrong one runs)
     * before the Argon2id hash is computed; a wrong one sets the next wait, and the
     * {@code lockAfterFailedAttempts}-th in a row closes the request for good.
     */
    private void checkPassword(SecretRequest request, @Nullable Password password) {
        String params = request.passwordParams();
        String expected = request.passwordHash();
        if (params == null || expected == null) {
            return;
        }
        String id = request.id();
        int failures = guard.reserve(requests.attempts(id),
                (seen, count, next, now) -> requests.reserveAttempt(id, seen, count, next, now));
        boolean right = password != null && !password.isEmpty() && MessageDigest.isEqual(
                hash(password, KdfParams.decode(params)).getBytes(java.nio.charset.StandardCharsets.US_ASCII),
                expected.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        if (right) {
            requests.clearAttempts(id);
            return;
        }
        int left = Math.max(0, properties.lockAfterFailedAttempts() - failures);
        if (left == 0) {
            requests.lock(id);
        }
        log.info("request.password_wrong id={} left={}", id, left);
        throw new BarProblem.Unauthorized(RequestCodes.PASSWORD_WRONG, password == null
                ? "This request asks for a password." : "The password is wrong.",
                Map.of("attemptsLeft", left, "nextAttemptIn", guard.delayAfter(failures).toSeconds()));
    }

    private String hash(Password password, KdfParams params) {
        char[] chars = password.toCharArray();
        try {
            SecretBytes key = kdf.derive(chars, params);
            byte[] bytes = key.toByteArray();
            try {
                return HexFormat.of().formatHex(OpaqueTokens.sha256(bytes));
            } finally {
                Arrays.fill(bytes, (byte) 0);
            }
        } finally {
            Arrays.fill(chars, '\0');
        }
    }

    private java.util.Optional<SecretRequest> find(String id) {
        return ID.matcher(id).matches() ? requests.find(id) : java.util.Optional.empty();
    }

    private static long range(String field, @Nullable Integer value, long min, long max, long fallback) {
        if (value == null) {
            return fallback;
        }
        if (value < min || value > max) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_OUT_OF_RANGE, field, "must be between " + min + " and " + max,
                    min, max);
        }
        return value;
    }

    /** base64url of a raw uncompressed P-256 point (65 bytes, 0x04 first); the server checks only its shape. */
    private static String checkEphemeralPublic(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_REQUIRED, "ephemeralPublic", "is required");
        }
        byte[] raw = value.length() == 87 ? OpaqueTokens.decodeBase64Url(value) : null;
        if (raw == null || raw.length != 65 || raw[0] != 4) {
            throw new BarProblem.Invalid(ProblemCodes.FIELD_FORMAT, "ephemeralPublic",
                    "must be a raw uncompressed P-256 public key in base64url (87 characters)");
        }
        return value;
    }
}
