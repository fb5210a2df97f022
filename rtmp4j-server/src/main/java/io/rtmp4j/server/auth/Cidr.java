package io.rtmp4j.server.auth;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * A range of IP addresses in CIDR notation (RFC 4632 §3.1 for IPv4, RFC 4291 §2.3 for IPv6):
 * {@code 203.0.113.0/24}, {@code 2001:db8::/32}; an address without a prefix length is the range of that
 * one address ({@code /32} or {@code /128}).
 *
 * <p>An IPv4 range holds only IPv4 addresses and an IPv6 range only IPv6 ones: {@code 0.0.0.0/0} is every
 * IPv4 address, {@code ::/0} every IPv6 address. An IPv4-mapped IPv6 address ({@code ::ffff:192.0.2.1}) is
 * taken as the IPv4 address it maps, as the JDK does, so write IPv4 ranges for such clients.
 *
 * <p>Parsing never asks a name service: a range must be a numeric address.
 */
public final class Cidr {

    private final byte[] network;
    private final int prefix;

    private Cidr(byte[] network, int prefix) {
        this.network = network;
        this.prefix = prefix;
    }

    /**
     * Parses {@code 192.0.2.0/24}, {@code 2001:db8::/32}, {@code 192.0.2.7} or {@code ::1}. Host bits set
     * below the prefix are cleared ({@code 192.0.2.7/24} is {@code 192.0.2.0/24}).
     *
     * @param text the range
     * @return the range
     * @throws IllegalArgumentException if {@code text} is not an IPv4 or IPv6 address with an optional
     *                                  prefix length within 0..32 or 0..128; the message quotes it
     */
    public static Cidr parse(String text) {
        Objects.requireNonNull(text, "text");
        String t = text.strip();
        int slash = t.indexOf('/');
        String addr = slash < 0 ? t : t.substring(0, slash);
        byte[] bytes = parseAddress(addr)
                .orElseThrow(() -> new IllegalArgumentException("not a CIDR range: \"" + text
                        + "\" (expected an IPv4 or IPv6 address, e.g. 192.0.2.0/24 or 2001:db8::/32)"));
        int max = bytes.length * 8;
        int prefix = max;
        if (slash >= 0) {
            String p = t.substring(slash + 1);
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                throw new IllegalArgumentException("not a CIDR range: \"" + text + "\" (the prefix length after"
                        + " / must be a number from 0 to " + max + ")");
            }
            prefix = Integer.parseInt(p);
            if (prefix > max) {
                throw new IllegalArgumentException("not a CIDR range: \"" + text + "\" (prefix length " + prefix
                        + " is more than the " + max + " bits of an " + (max == 32 ? "IPv4" : "IPv6")
                        + " address)");
            }
        }
        return new Cidr(mask(bytes, prefix), prefix);
    }

    /**
     * Whether {@code address} is in this range.
     *
     * @param address an IPv4 or IPv6 address
     * @return true if it is of this range's family and its first {@link #prefixLength()} bits are the
     *         range's
     */
    public boolean contains(InetAddress address) {
        byte[] a = address.getAddress();
        return a.length == network.length && Arrays.equals(mask(a, prefix), network);
    }

    /**
     * The number of leading bits that an address of the range shares with it.
     *
     * @return 0..32 for IPv4, 0..128 for IPv6
     */
    public int prefixLength() {
        return prefix;
    }

    /**
     * Whether this is an IPv6 range.
     *
     * @return true for IPv6, false for IPv4
     */
    public boolean isIpv6() {
        return network.length == 16;
    }

    /**
     * The numeric address of a client as {@link io.rtmp4j.server.ClientInfo#address()} gives it: address, colon,
     * port ({@code 203.0.113.5:50412}, {@code 2001:db8:0:0:0:0:0:7:50412}, {@code [2001:db8::7]:50412});
     * never asks a name service.
     *
     * @param addressAndPort the address followed by {@code :port}
     * @return the address, or empty if the text before the last colon is not a numeric IPv4 or IPv6 address
     */
    public static Optional<InetAddress> clientAddress(String addressAndPort) {
        String t = addressAndPort.strip();
        if (t.startsWith("/")) {
            t = t.substring(1); // InetSocketAddress.toString() form
        }
        int end = t.startsWith("[") ? t.indexOf(']') + 1 : t.lastIndexOf(':');
        if (end <= 0) {
            return Optional.empty();
        }
        return parseAddress(t.substring(0, end)).map(Cidr::toInet);
    }

    private static InetAddress toInet(byte[] b) {
        try {
            return InetAddress.getByAddress(b); // numeric: no lookup
        } catch (UnknownHostException e) {
            throw new IllegalStateException(e); // only for a wrong length, which parseAddress never returns
        }
    }

    /** The 4 or 16 bytes of a numeric address, without a name service lookup. */
    static Optional<byte[]> parseAddress(String s) {
        if (s.startsWith("[") && s.endsWith("]")) {
            s = s.substring(1, s.length() - 1);
        }
        int scope = s.indexOf('%'); // a zone id (fe80::1%eth0) says nothing about the range
        if (scope >= 0) {
            s = s.substring(0, scope);
        }
        if (s.isEmpty()) {
            return Optional.empty();
        }
        if (s.indexOf(':') < 0) {
            return ipv4(s);
        }
        if (!s.chars().allMatch(c -> c == ':' || c == '.' || Character.digit(c, 16) >= 0)) {
            return Optional.empty();
        }
        try {
            // with a colon the JDK parses an IPv6 literal or fails, it never asks a name service
            InetAddress a = InetAddress.getByName(s);
            return Optional.of(a.getAddress());
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }

    private static Optional<byte[]> ipv4(String s) {
        String[] parts = s.split("\\.", -1);
        if (parts.length != 4) {
            return Optional.empty();
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            String p = parts[i];
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(c -> c >= '0' && c <= '9')) {
                return Optional.empty();
            }
            int v = Integer.parseInt(p);
            if (v > 255) {
                return Optional.empty();
            }
            b[i] = (byte) v;
        }
        return Optional.of(b);
    }

    private static byte[] mask(byte[] address, int prefix) {
        byte[] out = address.clone();
        for (int i = 0; i < out.length; i++) {
            int bits = Math.max(0, Math.min(8, prefix - i * 8));
            out[i] &= (byte) (0xFF << (8 - bits));
        }
        return out;
    }

    /**
     * Ranges are equal when they hold the same addresses.
     *
     * @param o another object
     * @return whether it is the same range
     */
    @Override
    public boolean equals(Object o) {
        return o instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    /**
     * A hash of the range.
     *
     * @return the hash code
     */
    @Override
    public int hashCode() {
        return Arrays.hashCode(network) * 31 + prefix;
    }

    /**
     * The range in CIDR notation, its host bits cleared: {@code 192.0.2.0/24}.
     *
     * @return the range as text
     */
    @Override
    public String toString() {
        return toInet(network).getHostAddress() + "/" + prefix;
    }
}
