package app.bar.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.util.Arrays;
import java.util.List;

/**
 * The address ranges no webhook may reach (SECURITY.md, ASVS 1.3.6/13.2.4/15.3.2), as explicit
 * CIDR lists checked byte by byte. Hand-written because {@code InetAddress.isSiteLocalAddress()}
 * and friends miss fc00::/7, 100.64/10, the 6to4/NAT64/Teredo forms and more; Spring Security's
 * {@code IpAddressMatcher} matches one range, not a policy, and knows nothing of embedded IPv4.
 */
final class AddressRanges {

    private static final List<Cidr> IPV4 = List.of(
            Cidr.of("0.0.0.0/8"),          // "this network", 0.0.0.0
            Cidr.of("10.0.0.0/8"),         // RFC 1918
            Cidr.of("100.64.0.0/10"),      // carrier-grade NAT
            Cidr.of("127.0.0.0/8"),        // loopback
            Cidr.of("169.254.0.0/16"),     // link-local, cloud metadata (169.254.169.254)
            Cidr.of("172.16.0.0/12"),      // RFC 1918
            Cidr.of("192.0.0.0/24"),       // IETF protocol assignments
            Cidr.of("192.168.0.0/16"),     // RFC 1918
            Cidr.of("198.18.0.0/15"),      // benchmarking, used inside networks
            Cidr.of("224.0.0.0/4"),        // multicast
            Cidr.of("240.0.0.0/4"));       // reserved, 255.255.255.255 broadcast

    private static final List<Cidr> IPV6 = List.of(
            Cidr.of("::/96"),              // unspecified ::, loopback ::1, IPv4-compatible ::a.b.c.d
            Cidr.of("::ffff:0:0/96"),      // IPv4-mapped
            Cidr.of("64:ff9b::/96"),       // NAT64 (well-known prefix)
            Cidr.of("64:ff9b:1::/48"),     // NAT64 (local use)
            Cidr.of("100::/64"),           // discard-only
            Cidr.of("2001::/32"),          // Teredo
            Cidr.of("2001:db8::/32"),      // documentation
            Cidr.of("fc00::/7"),           // unique local
            Cidr.of("fe80::/10"),          // link-local
            Cidr.of("fec0::/10"),          // old site-local
            Cidr.of("ff00::/8"));          // multicast

    private static final Cidr SIX_TO_FOUR = Cidr.of("2002::/16");

    private AddressRanges() {
    }

    /** True when a webhook must not connect to {@code address}. */
    static boolean isForbidden(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (address instanceof Inet4Address) {
            return matchesAny(IPV4, bytes);
        }
        if (address instanceof Inet6Address) {
            if (matchesAny(IPV6, bytes)) {
                return true;
            }
            // 6to4 carries an IPv4 address in bytes 2..5: 2002:7f00:1:: is 127.0.0.1 in disguise
            return SIX_TO_FOUR.matches(bytes) && matchesAny(IPV4, Arrays.copyOfRange(bytes, 2, 6));
        }
        return true; // an address family we do not know is not a public address we trust
    }

    private static boolean matchesAny(List<Cidr> ranges, byte[] address) {
        for (Cidr range : ranges) {
            if (range.matches(address)) {
                return true;
            }
        }
        return false;
    }

    /** One range: network bytes and prefix length; matches addresses of the same family only. */
    record Cidr(byte[] network, int prefix) {

        static Cidr of(String text) {
            int slash = text.indexOf('/');
            byte[] network = literal(text.substring(0, slash));
            int prefix = Integer.parseInt(text.substring(slash + 1));
            if (prefix < 0 || prefix > network.length * 8) {
                throw new IllegalArgumentException("prefix out of range in " + text);
            }
            return new Cidr(network, prefix);
        }

        boolean matches(byte[] address) {
            if (address.length != network.length) {
                return false;
            }
            int full = prefix / 8;
            for (int i = 0; i < full; i++) {
                if (address[i] != network[i]) {
                    return false;
                }
            }
            int rest = prefix % 8;
            if (rest == 0) {
                return true;
            }
            int mask = (0xFF << (8 - rest)) & 0xFF;
            return (address[full] & mask) == (network[full] & mask);
        }

        /** Parses a literal of our own constant list without any lookup, keeping IPv4-mapped IPv6 as IPv6. */
        private static byte[] literal(String text) {
            try {
                if (text.indexOf(':') < 0) {
                    return InetAddress.getByName(text).getAddress(); // dotted quad: parsed, not resolved
                }
                byte[] bytes = InetAddress.getByName(text).getAddress();
                if (bytes.length == 4) { // Java turns ::ffff:a.b.c.d into an Inet4Address
                    byte[] mapped = new byte[16];
                    mapped[10] = (byte) 0xFF;
                    mapped[11] = (byte) 0xFF;
                    System.arraycopy(bytes, 0, mapped, 12, 4);
                    return mapped;
                }
                return bytes;
            } catch (java.net.UnknownHostException e) {
                throw new IllegalArgumentException("not an address literal: " + text, e);
            }
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Cidr c && prefix == c.prefix && Arrays.equals(network, c.network);
        }

        @Override
        public int hashCode() {
            return 31 * Arrays.hashCode(network) + prefix;
        }

        @Override
        public String toString() {
            return "Cidr[" + Arrays.toString(network) + "/" + prefix + "]";
        }
    }
}
