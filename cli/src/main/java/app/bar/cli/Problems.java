package app.bar.cli;

import java.util.Locale;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * Turns an error answer of the server (RFC 9457 problem+json) into an exit code and one line
 * that says what to do. The stable {@code code} field decides when the server sends one; the
 * HTTP status and {@code Retry-After} decide otherwise, so this works with servers from before
 * the codes.
 */
final class Problems {

    /** What was being done, for the words of the message. */
    enum Step { SHARE, UNLOCK, OTP, CONTENT, UPLOAD, OWNER, LOGIN, MAIL, REQUEST, FILL }

    private Problems() {
    }

    static CliFailure failure(int status, @Nullable Long retryAfter, @Nullable JsonNode problem, Step step) {
        String code = text(problem, "code");
        String detail = text(problem, "detail");
        String wait = retryAfter == null ? "" : " in " + Durations.human(retryAfter);
        CliFailure special = code == null ? null : mailOrRequest(code.toLowerCase(Locale.ROOT), wait, step, problem);
        if (special != null) {
            return special;
        }
        CliFailure byCode = code == null ? null : byCode(code.toLowerCase(Locale.ROOT), detail, wait, step, problem);
        return byCode != null ? byCode : byStatus(status, detail, wait, step, problem);
    }

    /** Mailing a link and answering a request say what they are about: the addresses, the request's password. */
    private static @Nullable CliFailure mailOrRequest(String code, String wait, Step step, @Nullable JsonNode problem) {
        if (step == Step.MAIL && code.contains("rate_limit")) {
            return new CliFailure(Exit.WAIT, "too many link mails from your account: try again" + orLater(wait));
        }
        if (step == Step.MAIL && code.equals("request.invalid")) {
            return new CliFailure(Exit.USAGE, "the server refused to mail the link: " + invalidFields(problem, null)
                    + " (--to takes plain addresses like a@example.com, at most 10; --note at most 500 characters)");
        }
        if (step == Step.FILL && code.equals("request.password_wrong")) {
            JsonNode left = problem == null ? null : problem.get("attemptsLeft");
            return new CliFailure(Exit.DENIED, "wrong password for this request: ask the requester for it"
                    + (left != null && left.isNumber() ? " (" + left.asInt() + " tries left before the request closes)" : ""));
        }
        return null;
    }

    private static @Nullable CliFailure byCode(String code, @Nullable String detail, String wait, Step step,
            @Nullable JsonNode problem) {
        if (code.contains("locked")) {
            return new CliFailure(Exit.WAIT, "the share is locked after too many wrong passwords: try again" + orLater(wait));
        }
        if (code.contains("retry_later") || code.contains("rate_limit") || code.contains("busy") || code.contains("unavailable")) {
            return new CliFailure(Exit.WAIT, "the server asks to wait: try again" + orLater(wait));
        }
        if (code.startsWith("otp.")) {
            return wrongOtp();
        }
        if (code.startsWith("share.link_key")) {
            return new CliFailure(Exit.DENIED, "the link is damaged: its key (after the #) is not this share's; no view was "
                    + "used. Copy the whole link again");
        }
        if (code.contains("password") || code.contains("access_key")) {
            return wrongPassword();
        }
        if (code.startsWith("ticket.")) {
            return ticketExpired();
        }
        if (code.endsWith("not_found") || code.endsWith("gone")) {
            return gone(step);
        }
        if (code.equals("request.timeout")) {
            return new CliFailure(Exit.FAILED, "the request took too long to arrive: try again on a better connection");
        }
        if (code.startsWith("request.") || code.endsWith(".invalid")) {
            return new CliFailure(Exit.USAGE, "the server refused the request: " + invalidFields(problem, orDefault(detail, code)));
        }
        return null;
    }

    private static CliFailure byStatus(int status, @Nullable String detail, String wait, Step step, @Nullable JsonNode problem) {
        switch (status) {
            case 400:
                return new CliFailure(Exit.USAGE, "the server refused the request: " + invalidFields(problem, detail));
            case 401:
                if (step == Step.CONTENT || (detail != null && detail.toLowerCase(Locale.ROOT).contains("ticket"))) {
                    return ticketExpired();
                }
                if (step == Step.OTP || (detail != null && detail.toLowerCase(Locale.ROOT).contains("code"))) {
                    return wrongOtp();
                }
                if (step == Step.UNLOCK) {
                    return wrongPassword();
                }
                if (step == Step.LOGIN) {
                    return new CliFailure(Exit.DENIED, "the email or password is wrong: check them and run bar login again");
                }
                return new CliFailure(Exit.DENIED, "not signed in, or the API token is wrong, expired or revoked: run bar login "
                        + "(or set BAR_TOKEN)");
            case 403:
                return new CliFailure(Exit.DENIED, "refused: " + orDefault(detail, "not allowed")
                        + (step == Step.OWNER || step == Step.SHARE || step == Step.MAIL || step == Step.REQUEST ? " (an API token needs the scopes shares:read and shares:write)" : ""));
            case 404:
                return gone(step);
            case 409:
                return new CliFailure(Exit.FAILED, "the server refused: " + orDefault(detail, "conflict"));
            case 413:
                return new CliFailure(Exit.USAGE, "this is larger than the server accepts"
                        + (step == Step.UPLOAD ? " (signed-in users may send more: bar login)" : ""));
            case 415:
            case 422:
                return new CliFailure(Exit.USAGE, "the server refused the content: " + orDefault(detail, "HTTP " + status));
            case 423:
                return new CliFailure(Exit.WAIT, "the share is locked after too many wrong passwords: try again" + orLater(wait));
            case 429:
                return new CliFailure(Exit.WAIT, (step == Step.UNLOCK || step == Step.OTP ? "too many tries" : "too many requests")
                        + ": wait and try again" + orLater(wait));
            case 503:
                if (!wait.isEmpty()) {
                    return new CliFailure(Exit.WAIT, "the server is busy: try again" + wait);
                }
                return new CliFailure(Exit.FAILED, "the server is unavailable: try again later");
            default:
                if (status >= 500) {
                    String id = text(problem, "requestId");
                    return new CliFailure(Exit.FAILED, "the server failed (HTTP " + status
                            + (id != null ? ", request id " + id : "") + "): try again later, or tell its admin");
                }
                return new CliFailure(Exit.FAILED, "unexpected answer HTTP " + status + ": " + orDefault(detail, "no detail"));
        }
    }

    static CliFailure gone(Step step) {
        switch (step) {
            case OWNER:
                return new CliFailure(Exit.GONE, "no such share of yours (or it is gone): check the id with bar list");
            case MAIL:
                return new CliFailure(Exit.GONE, "the share cannot be mailed: it is not yours, or it can no longer be opened");
            case REQUEST:
                return new CliFailure(Exit.GONE, "no such request of yours: check the id with bar request list");
            case FILL:
                return new CliFailure(Exit.GONE, "the request cannot be answered: it was answered, expired, withdrawn or closed, "
                        + "or the link is wrong");
            default:
                return new CliFailure(Exit.GONE, "the share does not exist: it was opened, expired or burned, or the link is wrong");
        }
    }

    private static CliFailure wrongPassword() {
        return new CliFailure(Exit.DENIED, "wrong password: check it and try again (each wrong try makes the next one wait "
                + "longer; five in a row lock the share for an hour)");
    }

    private static CliFailure wrongOtp() {
        return new CliFailure(Exit.DENIED, "the one-time code is wrong, used or expired: run the command again to get a new code");
    }

    private static CliFailure ticketExpired() {
        return new CliFailure(Exit.FAILED, "opening took too long (the unlock ticket expired; no view was used): run the command again");
    }

    private static String orLater(String wait) {
        return wait.isEmpty() ? " later" : wait;
    }

    private static String orDefault(@Nullable String value, String fallback) {
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String invalidFields(@Nullable JsonNode problem, @Nullable String detail) {
        JsonNode errors = problem == null ? null : problem.get("errors");
        if (errors != null && errors.isArray() && !errors.isEmpty()) {
            StringBuilder text = new StringBuilder();
            for (JsonNode error : errors) {
                if (text.length() > 0) {
                    text.append("; ");
                }
                text.append(orDefault(text(error, "field"), "?")).append(' ').append(orDefault(text(error, "message"), "is invalid"));
            }
            return text.toString();
        }
        return orDefault(detail, "invalid request");
    }

    static @Nullable String text(@Nullable JsonNode node, String field) {
        if (node == null) {
            return null;
        }
        JsonNode value = node.get(field);
        return value == null || value.isNull() ? null : value.asString();
    }
}
