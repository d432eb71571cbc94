package app.bar.platform.logging;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Scrubs a log message before it is written: credentials become {@code ***}, emails keep their
 * first letter and domain ({@code j***@example.com}), IPv4 addresses their first two octets
 * ({@code 203.0.***.***}), IPv6 addresses their first two groups; CR and LF are escaped so a
 * value cannot forge a log line (ASVS 16.4.1).
 *
 * <p>Hand-written: logstash-logback-encoder's masking decorator covers JSON output only, and
 * no library knows which words name secrets in BAR. Code never logs secrets on purpose; this
 * is the net under library messages (a Jackson parse error quoting the body, a header dump at
 * DEBUG) and mistakes.
 */
public final class LogRedactor {

    private static final String MASK = "***";

    /** The words of {@link #SECRET_FIELD}, for a cheap test before the expression runs. */
    private static final String[] SECRET_WORDS = {"password", "passwd", "secret", "token", "otp", "ticket", "apikey",
        "api_key", "api-key", "authorization", "cookie", "credential", "verifier", "csrf", "session", "accesskey",
        "access_key", "master", "jwt", "private"};

    /** {@code name=value}, {@code "name":"value"}, {@code name: value} where the name says secret. */
    private static final Pattern SECRET_FIELD = Pattern.compile(
            "(?i)([\\w.-]*(?:password|passwd|secret|token|otp|ticket|apikey|api_key|api-key|authorization|cookie"
                    + "|credential|verifier|csrf|session|accesskey|access_key|master[-_]?keys?|jwt[-_]?keys?|private[-_]?key)[\\w.-]*)"
                    + "(\"?\\s*[:=]\\s*\"?)([^\\s\",;&}\\]]+)");
    /** A whole Cookie / Set-Cookie header: every cookie in it may be a credential. */
    private static final Pattern COOKIE_HEADER = Pattern.compile("(?i)\\b((?:set-)?cookie\"?\\s*[:=]\\s*)[^\\r\\n]*");
    private static final Pattern BEARER = Pattern.compile("(?i)\\b(bearer|basic)\\s+[A-Za-z0-9._~+/=-]+");
    private static final Pattern JWT = Pattern.compile("\\beyJ[A-Za-z0-9_-]{4,}\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*");
    /** Possessive quantifiers and no nested repetition: linear time on any input (no ReDoS). */
    private static final Pattern EMAIL = Pattern.compile(
            "(?<![A-Za-z0-9._%+-])([A-Za-z0-9])[A-Za-z0-9._%+-]*+@([A-Za-z0-9][A-Za-z0-9.-]*+)");
    /**
     * Not inside a name such as Tomcat's {@code http-nio-127.0.0.1-8080} (a letter and a hyphen
     * before it): that is the server's own bind address in a connector or thread name, not a
     * client's value (issue 13 item 13).
     */
    private static final String NOT_IN_A_NAME = "(?<![A-Za-z]-)";
    private static final Pattern IPV4 = Pattern.compile(
            "(?<![\\d.])" + NOT_IN_A_NAME + "(\\d{1,3})\\.(\\d{1,3})\\.\\d{1,3}\\.\\d{1,3}(?![\\d.])");
    /** Addresses with "::" or at least five groups; keeps the first two groups. */
    private static final Pattern IPV6 = Pattern.compile(
            "(?<![\\w:])" + NOT_IN_A_NAME + "([0-9A-Fa-f]{1,4}):([0-9A-Fa-f]{1,4})?(?::[0-9A-Fa-f]{0,4}){1,6}(?![\\w:])");

    private LogRedactor() {
    }

    public static String redact(String message) {
        if (message == null || message.isEmpty()) {
            return message;
        }
        // Each pattern runs only when the characters it needs are present: most lines (the access
        // log among them) skip most of the regular expressions.
        String s = message;
        String lower = s.toLowerCase(java.util.Locale.ROOT);
        if (lower.contains("cookie")) {
            s = COOKIE_HEADER.matcher(s).replaceAll("$1" + MASK);
        }
        if (lower.contains("bearer") || lower.contains("basic")) {
            s = BEARER.matcher(s).replaceAll("$1 " + MASK);
        }
        if (s.contains("eyJ")) {
            s = JWT.matcher(s).replaceAll(MASK);
        }
        if ((s.indexOf('=') >= 0 || s.indexOf(':') >= 0) && mentionsSecret(lower)) {
            s = SECRET_FIELD.matcher(s).replaceAll("$1$2" + MASK);
        }
        if (s.indexOf('@') >= 0) {
            s = EMAIL.matcher(s).replaceAll("$1" + MASK + "@$2");
        }
        if (s.indexOf('.') >= 0) {
            s = IPV4.matcher(s).replaceAll("$1.$2." + MASK + "." + MASK);
        }
        if (s.indexOf(':') >= 0) {
            s = redactIpv6(s);
        }
        return s;
    }

    private static boolean mentionsSecret(String lower) {
        for (String word : SECRET_WORDS) {
            if (lower.contains(word)) {
                return true;
            }
        }
        return false;
    }

    /** {@link #redact} and escapes CR/LF: for messages that must stay on one line. */
    public static String redactLine(String message) {
        String s = redact(message);
        return s == null ? null : s.replace("\r", "\\r").replace("\n", "\\n");
    }

    /** An email for a log line or event: {@code j***@example.com}. */
    public static String email(String email) {
        return email == null ? null : redact(email);
    }

    /** An IP for a log line, event or access log: {@code 203.0.***.***}, or the first two groups of IPv6. */
    public static String ip(String ip) {
        if (ip == null || ip.isBlank()) {
            return "unknown";
        }
        if (ip.indexOf(':') >= 0) {
            String[] groups = ip.split(":", -1);
            return groups[0] + ":" + groups[1] + ":" + MASK;
        }
        String[] octets = ip.split("\\.");
        return octets.length == 4 ? octets[0] + "." + octets[1] + "." + MASK + "." + MASK : MASK;
    }

    private static String redactIpv6(String s) {
        Matcher m = IPV6.matcher(s);
        if (!m.find()) {
            return s;
        }
        StringBuilder out = new StringBuilder();
        do {
            String candidate = m.group();
            boolean address = candidate.contains("::") || candidate.chars().filter(c -> c == ':').count() >= 4;
            String replacement = address
                    ? m.group(1) + ":" + (m.group(2) == null ? "" : m.group(2)) + ":" + MASK
                    : candidate;
            m.appendReplacement(out, Matcher.quoteReplacement(replacement));
        } while (m.find());
        m.appendTail(out);
        return out.toString();
    }
}
