package io.rtmp4j.server.auth;

import java.net.InetAddress;
import java.util.List;
import java.util.Objects;

/**
 * Which client addresses may do something: a deny list and an allow list of {@link Cidr} ranges. An
 * address in a denied range is refused (deny wins); otherwise an empty allow list admits it and a non-empty
 * one admits only its ranges.
 *
 * @param allow the ranges admitted; empty admits every address not denied
 * @param deny  the ranges refused, whatever {@code allow} says
 */
public record IpRules(List<Cidr> allow, List<Cidr> deny) {

    /** Every address admitted. */
    public static final IpRules ANY = new IpRules(List.of(), List.of());

    /**
     * IP rules; the lists are copied.
     *
     * @param allow the ranges admitted; empty admits every address not denied
     * @param deny  the ranges refused, whatever {@code allow} says
     */
    public IpRules {
        allow = List.copyOf(allow);
        deny = List.copyOf(deny);
    }

    /**
     * IP rules from ranges written as text, as a config file has them.
     *
     * @param allow ranges admitted, e.g. {@code ["10.0.0.0/8", "2001:db8::/32"]}
     * @param deny  ranges refused
     * @return the rules
     * @throws IllegalArgumentException if a range is malformed (the message quotes it)
     */
    public static IpRules of(List<String> allow, List<String> deny) {
        return new IpRules(allow.stream().map(Cidr::parse).toList(), deny.stream().map(Cidr::parse).toList());
    }

    /**
     * Whether {@code address} is admitted.
     *
     * @param address the client's address
     * @return false if a deny range holds it, or the allow list is not empty and none of its ranges does
     */
    public boolean admits(InetAddress address) {
        Objects.requireNonNull(address, "address");
        for (Cidr c : deny) {
            if (c.contains(address)) {
                return false;
            }
        }
        if (allow.isEmpty()) {
            return true;
        }
        for (Cidr c : allow) {
            if (c.contains(address)) {
                return true;
            }
        }
        return false;
    }

    /**
     * Whether these rules admit every address.
     *
     * @return true if both lists are empty
     */
    public boolean isAny() {
        return allow.isEmpty() && deny.isEmpty();
    }
}
