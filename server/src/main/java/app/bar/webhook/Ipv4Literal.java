package app.bar.webhook;

import java.math.BigInteger;
import java.util.Locale;

/**
 * Host names that are IPv4 addresses in disguise, read the way browsers and curl read them (the
 * WHATWG URL standard's IPv4 parser): 1 to 4 dot-separated parts, each decimal, octal with a
 * leading {@code 0} or hex with {@code 0x}, the last part filling the remaining bytes — so
 * {@code 2130706433}, {@code 017700000001}, {@code 0x7f.1} and {@code 127.1} are all 127.0.0.1.
 * {@code InetAddress} reads some of these and calls others host names to look up, so the guard
 * reads them itself and never sends such a name to DNS.
 */
final class Ipv4Literal {

    /** What a host is: a name to resolve, an IPv4 address, or a number that is no valid address. */
    enum Kind { NAME, ADDRESS, INVALID }

    record Parsed(Kind kind, byte[] address) {
    }

    private static final BigInteger LIMIT = BigInteger.valueOf(0x1_0000_0000L);

    private Ipv4Literal() {
    }

    static Parsed parse(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.endsWith(".") && h.length() > 1) {
            h = h.substring(0, h.length() - 1); // WHATWG drops one empty last label
        }
        String[] parts = h.split("\\.", -1);
        if (!isNumber(parts[parts.length - 1])) {
            return new Parsed(Kind.NAME, new byte[0]);
        }
        if (parts.length > 4) {
            return invalid();
        }
        long value = 0;
        for (int i = 0; i < parts.length; i++) {
            BigInteger part = number(parts[i]);
            if (part == null) {
                return invalid();
            }
            boolean last = i == parts.length - 1;
            BigInteger max = last ? BigInteger.valueOf(256).pow(5 - parts.length) : BigInteger.valueOf(256);
            if (part.compareTo(max) >= 0) {
                return invalid();
            }
            value = last ? value + part.longValue() : value + (part.longValue() << (8 * (3 - i)));
        }
        if (BigInteger.valueOf(value).compareTo(LIMIT) >= 0) {
            return invalid();
        }
        byte[] address = {(byte) (value >>> 24), (byte) (value >>> 16), (byte) (value >>> 8), (byte) value};
        return new Parsed(Kind.ADDRESS, address);
    }

    /** WHATWG "ends in a number": all decimal digits, or 0x followed by hex digits (possibly none). */
    private static boolean isNumber(String label) {
        if (label.isEmpty()) {
            return false;
        }
        if (label.startsWith("0x")) {
            return label.substring(2).chars().allMatch(c -> c < 128 && Character.digit(c, 16) >= 0);
        }
        return label.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    private static BigInteger number(String part) {
        if (part.isEmpty() || part.length() > 64) {
            return null;
        }
        if (part.startsWith("0x")) {
            String hex = part.substring(2);
            return hex.isEmpty() ? BigInteger.ZERO : digits(hex, 16);
        }
        if (part.length() > 1 && part.startsWith("0")) {
            return digits(part.substring(1), 8);
        }
        return digits(part, 10);
    }

    /** Only digits of the radix: no sign, no spaces (BigInteger alone would take "+1" and "-1"). */
    private static BigInteger digits(String text, int radix) {
        if (!text.chars().allMatch(c -> Character.digit(c, radix) >= 0 && c < 128)) {
            return null;
        }
        return new BigInteger(text, radix);
    }

    private static Parsed invalid() {
        return new Parsed(Kind.INVALID, new byte[0]);
    }
}
