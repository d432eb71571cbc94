package app.bar.share.open;

import app.bar.crypto.DataKey;
import app.bar.crypto.Envelope;
import app.bar.crypto.PasswordKdf;
import app.bar.crypto.WrongSecretException;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.SecretBytes;
import app.bar.share.ShareProperties;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareRow;
import app.bar.share.guard.BruteForceGuard;
import app.bar.share.guard.OtpService;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * {@code unlock}: checks what the share demands — password (Argon2id key opens the inner
 * layer), zero-knowledge access key (SHA-256 against the stored verifier, constant time), email
 * OTP — under the brute-force rules, and issues a single-use ticket valid 60 s. No view is used
 * here, so wrong passwords never cost one.
 */
@Service
public class ShareUnlock {

    private final ShareVisibility visibility;
    private final BruteForceGuard guard;
    private final OtpService otp;
    private final TicketStore tickets;
    private final Envelope envelope;
    private final PasswordKdf kdf;
    private final ShareProperties properties;
    private final Clock clock;

    ShareUnlock(ShareVisibility visibility, BruteForceGuard guard, OtpService otp,
            TicketStore tickets, Envelope envelope, PasswordKdf kdf, ShareProperties properties, Clock clock) {
        this.visibility = visibility;
        this.guard = guard;
        this.otp = otp;
        this.tickets = tickets;
        this.envelope = envelope;
        this.kdf = kdf;
        this.properties = properties;
        this.clock = clock;
    }

    /** Either a ticket, or (OTP shares) word that a code was sent. */
    public record Result(@Nullable String ticket, long expiresInSeconds, @Nullable ShareRow share) {
        public boolean otpSent() {
            return ticket == null;
        }

        @Override
        public String toString() {
            return "Result[hidden]";
        }
    }

    public Result unlock(String id, UnlockRequest request, @Nullable String viewerToken, Requester who) {
        try {
            ShareRow share = visibility.visible(id, viewerToken);
            DataKey key = share.policy().requiresPassword() ? checkSecret(share, request, who) : openWithoutPassword(share);
            try (key) {
                if (share.policy().requireOtp() && !otpPassed(share, request)) {
                    return new Result(null, 0, null);
                }
                Instant now = clock.instant();
                String ticket = tickets.issue(share.id(), key, now.plus(properties.ticketTtl()));
                return new Result(ticket, properties.ticketTtl().toSeconds(), share);
            }
        } finally {
            request.wipe();
        }
    }

    private DataKey openWithoutPassword(ShareRow share) {
        return envelope.open(share.id().value(), share.keys().sealed(), null);
    }

    private DataKey checkSecret(ShareRow share, UnlockRequest request, Requester who) {
        boolean zkKey = share.keys().accessVerifier() != null;
        char[] password = request.password();
        if (zkKey ? request.accessKey() == null : password == null || password.length == 0) {
            throw new BarProblem.Unauthorized(zkKey ? "This share needs its access key." : "This share needs its password.");
        }
        int failures = guard.reserve(share);
        DataKey key = zkKey || password == null ? checkAccessKey(share, request.accessKey())
                : checkPassword(share, password);
        if (key == null) {
            throw guard.failed(share, failures, who);
        }
        guard.succeeded(share);
        return key;
    }

    private @Nullable DataKey checkPassword(ShareRow share, char[] password) {
        SecretBytes passwordKey = kdf.derive(password, java.util.Objects.requireNonNull(share.keys().kdf()));
        try {
            return envelope.open(share.id().value(), share.keys().sealed(), passwordKey);
        } catch (WrongSecretException e) {
            return null;
        }
    }

    private @Nullable DataKey checkAccessKey(ShareRow share, @Nullable String accessKey) {
        byte[] key = accessKey == null ? null : OpaqueTokens.decodeBase64Url(accessKey);
        if (key == null || key.length != 32) {
            return null;
        }
        byte[] expected = OpaqueTokens.decodeBase64Url(java.util.Objects.requireNonNull(share.keys().accessVerifier()));
        if (expected == null || !MessageDigest.isEqual(OpaqueTokens.sha256(key), expected)) {
            return null;
        }
        return openWithoutPassword(share);
    }

    private boolean otpPassed(ShareRow share, UnlockRequest request) {
        OtpService.requireEmail(request.email());
        String email = java.util.Objects.requireNonNull(request.email());
        String code = request.otp();
        if (code == null || code.isBlank()) {
            otp.sendCode(share.id(), email);
            return false;
        }
        if (!otp.verify(share.id(), email, code.strip())) {
            throw new BarProblem.Unauthorized("The one-time code is wrong, used or expired.");
        }
        return true;
    }
}
