package app.bar.share.open;

import app.bar.crypto.DataKey;
import app.bar.crypto.Envelope;
import app.bar.crypto.PasswordKdf;
import app.bar.crypto.WrongSecretException;
import app.bar.platform.error.BarProblem;
import app.bar.platform.secrets.OpaqueTokens;
import app.bar.platform.secrets.Password;
import app.bar.platform.secrets.SecretBytes;
import app.bar.share.ShareCodes;
import app.bar.share.ShareProperties;
import app.bar.share.core.Requester;
import app.bar.share.core.ShareMeters;
import app.bar.share.core.ShareRow;
import app.bar.share.guard.BruteForceGuard;
import app.bar.share.guard.OtpService;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
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
    private final ShareMeters meters;
    private final ShareProperties properties;
    private final Clock clock;

    ShareUnlock(ShareVisibility visibility, BruteForceGuard guard, OtpService otp, TicketStore tickets,
            Envelope envelope, PasswordKdf kdf, ShareMeters meters, ShareProperties properties, Clock clock) {
        this.visibility = visibility;
        this.guard = guard;
        this.otp = otp;
        this.tickets = tickets;
        this.envelope = envelope;
        this.kdf = kdf;
        this.meters = meters;
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
            DataKey key = share.policy().requiresPassword() || share.keys().linkVerifier() != null
                    ? checkSecret(share, request, who) : openWithoutPassword(share);
            try (key) {
                if (share.policy().requireOtp() && !otpPassed(share, request, key)) {
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
        return envelope.open(share.keyContext(), share.keys().sealed(), null);
    }

    /**
     * The link first (zero-knowledge shares: a damaged link is told apart from a wrong password),
     * then the password; one reserved attempt covers both, so a damaged link is a wrong try too.
     */
    private DataKey checkSecret(ShareRow share, UnlockRequest request, Requester who) {
        String linkVerifier = share.keys().linkVerifier();
        boolean passwordBound = share.policy().requiresPassword();
        boolean zkKey = share.keys().accessVerifier() != null;
        Password password = request.password();
        Password accessKey = request.accessKey();
        if (linkVerifier != null && request.linkAccessKey() == null) {
            throw new BarProblem.Unauthorized(ShareCodes.LINK_KEY_REQUIRED, "This share needs its link access key.");
        }
        if (passwordBound && zkKey && accessKey == null) {
            throw new BarProblem.Unauthorized(ShareCodes.ACCESS_KEY_REQUIRED, "This share needs its access key.");
        }
        if (passwordBound && !zkKey && (password == null || password.isEmpty())) {
            throw new BarProblem.Unauthorized(ShareCodes.PASSWORD_REQUIRED, "This share needs its password.");
        }
        int failures = guard.reserve(share);
        if (linkVerifier != null && !matches(request.linkAccessKey(), linkVerifier)) {
            throw guard.failed(share, failures, who, ShareCodes.LINK_KEY_WRONG,
                    "The link is damaged: its key is not this share's. Copy the whole link again; no view was used.");
        }
        DataKey key = !passwordBound ? openWithoutPassword(share)
                : zkKey || password == null ? checkAccessKey(share, accessKey) : checkPassword(share, password);
        if (key == null) {
            throw guard.failed(share, failures, who);
        }
        guard.succeeded(share);
        return key;
    }

    private @Nullable DataKey checkPassword(ShareRow share, Password password) {
        char[] chars = password.toCharArray();
        SecretBytes passwordKey;
        try {
            passwordKey = kdf.derive(chars, java.util.Objects.requireNonNull(share.keys().kdf()));
        } finally {
            Arrays.fill(chars, '\0');
        }
        try {
            return envelope.open(share.keyContext(), share.keys().sealed(), passwordKey);
        } catch (WrongSecretException e) {
            return null;
        }
    }

    private @Nullable DataKey checkAccessKey(ShareRow share, @Nullable Password accessKey) {
        return matches(accessKey, java.util.Objects.requireNonNull(share.keys().accessVerifier()))
                ? openWithoutPassword(share) : null;
    }

    /** Whether SHA-256 of the base64url {@code key} is {@code verifier}, compared in constant time. */
    private static boolean matches(@Nullable Password key, String verifier) {
        byte[] bytes = key == null ? null : base64Url(key);
        if (bytes == null || bytes.length != 32) {
            return false;
        }
        try {
            byte[] expected = OpaqueTokens.decodeBase64Url(verifier);
            return expected != null && MessageDigest.isEqual(OpaqueTokens.sha256(bytes), expected);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    private static boolean isBlank(CharSequence text) {
        for (int i = 0; i < text.length(); i++) {
            if (!Character.isWhitespace(text.charAt(i))) {
                return false;
            }
        }
        return true;
    }

    /** The bytes of a base64url secret, decoded without a {@code String} of it; null when it is not base64url. */
    private static byte @Nullable [] base64Url(Password text) {
        char[] chars = text.toCharArray();
        byte[] ascii = new byte[chars.length];
        try {
            for (int i = 0; i < chars.length; i++) {
                if (chars[i] > 0x7f) {
                    return null;
                }
                ascii[i] = (byte) chars[i];
            }
            return Base64.getUrlDecoder().decode(ascii);
        } catch (IllegalArgumentException e) {
            return null;
        } finally {
            Arrays.fill(chars, '\0');
            Arrays.fill(ascii, (byte) 0);
        }
    }

    private boolean otpPassed(ShareRow share, UnlockRequest request, DataKey key) {
        OtpService.requireEmail(request.email());
        String email = java.util.Objects.requireNonNull(request.email());
        Password code = request.otp();
        if (code == null || isBlank(code.asCharSequence())) {
            otp.sendCode(share.id(), email, request.language(), key);
            return false;
        }
        if (!otp.verify(share.id(), email, code, key)) {
            meters.otpRefused();
            throw new BarProblem.Unauthorized(ShareCodes.OTP_INVALID, "The one-time code is wrong, used or expired.");
        }
        return true;
    }
}
