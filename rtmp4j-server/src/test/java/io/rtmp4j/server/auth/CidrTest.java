package io.rtmp4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** CIDR ranges (RFC 4632 §3.1, RFC 4291 §2.3) and the allow / deny lists built on them. */
class CidrTest {

    private static InetAddress ip(String literal) throws UnknownHostException {
        return InetAddress.getByName(literal); // literals only: no lookup
    }

    @Test
    void ipv4RangesHoldTheirAddressesAndNoOthers() throws Exception {
        Cidr c = Cidr.parse("192.0.2.0/24");
        assertThat(c.contains(ip("192.0.2.0"))).isTrue();
        assertThat(c.contains(ip("192.0.2.255"))).isTrue();
        assertThat(c.contains(ip("192.0.3.0"))).isFalse();
        assertThat(c.contains(ip("192.0.1.255"))).isFalse();
        assertThat(c.contains(ip("2001:db8::1"))).as("another family").isFalse();

        Cidr odd = Cidr.parse("10.1.2.3/13"); // a prefix that is not a whole byte; host bits cleared
        assertThat(odd).hasToString("10.0.0.0/13");
        assertThat(odd.contains(ip("10.7.255.255"))).isTrue();
        assertThat(odd.contains(ip("10.8.0.0"))).isFalse();
    }

    @Test
    void slash32AndABareAddressAreOneAddressAndSlash0IsTheWholeFamily() throws Exception {
        assertThat(Cidr.parse("203.0.113.5/32").contains(ip("203.0.113.5"))).isTrue();
        assertThat(Cidr.parse("203.0.113.5/32").contains(ip("203.0.113.4"))).isFalse();
        assertThat(Cidr.parse("203.0.113.5")).isEqualTo(Cidr.parse("203.0.113.5/32"));
        Cidr all4 = Cidr.parse("0.0.0.0/0");
        assertThat(all4.contains(ip("255.255.255.255"))).isTrue();
        assertThat(all4.contains(ip("0.0.0.0"))).isTrue();
        assertThat(all4.contains(ip("::1"))).isFalse();
        Cidr all6 = Cidr.parse("::/0");
        assertThat(all6.contains(ip("ffff:ffff:ffff:ffff:ffff:ffff:ffff:ffff"))).isTrue();
        assertThat(all6.contains(ip("127.0.0.1"))).isFalse();
    }

    @Test
    void ipv6RangesIncludingSlash128() throws Exception {
        Cidr doc = Cidr.parse("2001:db8::/32");
        assertThat(doc.isIpv6()).isTrue();
        assertThat(doc.contains(ip("2001:db8:ffff::1"))).isTrue();
        assertThat(doc.contains(ip("2001:db9::1"))).isFalse();
        Cidr one = Cidr.parse("2001:db8::7/128");
        assertThat(one.contains(ip("2001:db8::7"))).isTrue();
        assertThat(one.contains(ip("2001:db8::8"))).isFalse();
        assertThat(Cidr.parse("::1")).isEqualTo(Cidr.parse("::1/128"));
        Cidr nibble = Cidr.parse("fe80::/10");
        assertThat(nibble.contains(ip("febf::1"))).isTrue();
        assertThat(nibble.contains(ip("fec0::1"))).isFalse();
        assertThat(Cidr.parse("[2001:db8::]/48").contains(ip("2001:db8:0:1::"))).isTrue();
        assertThat(Cidr.parse("[2001:db8::]/48").contains(ip("2001:db8:1::"))).isFalse();
    }

    @Test
    void malformedRangesAreRejectedWithAMessageThatQuotesThem() {
        for (String bad : List.of("", "/24", "192.0.2.0/", "192.0.2.0/33", "2001:db8::/129", "192.0.2/24",
                "256.0.0.1", "192.0.2.0/-1", "192.0.2.0/2a", "1.2.3.4.5", "example.com/24", "2001:db8:::1/64",
                "2001:db8::/64/1", "12345::/16", " 10.0.0.0 /8")) {
            assertThatThrownBy(() -> Cidr.parse(bad)).as(bad).isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("not a CIDR range: \"" + bad + "\"");
        }
        assertThatThrownBy(() -> Cidr.parse("10.0.0.0/40")).hasMessageContaining("more than the 32 bits");
    }

    @Test
    void theClientAddressIsTheTextBeforeThePort() throws Exception {
        assertThat(Cidr.clientAddress("203.0.113.5:50412")).contains(ip("203.0.113.5"));
        assertThat(Cidr.clientAddress("0:0:0:0:0:0:0:1:1935")).contains(ip("::1"));
        assertThat(Cidr.clientAddress("[2001:db8::7]:1935")).contains(ip("2001:db8::7"));
        assertThat(Cidr.clientAddress("fe80:0:0:0:0:0:0:1%eth0:1935")).contains(ip("fe80::1"));
        assertThat(Cidr.clientAddress("embedded")).isEmpty();
        assertThat(Cidr.clientAddress("host.example:1935")).isEmpty();
    }

    @Test
    void denyWinsAndANonEmptyAllowListAdmitsOnlyItsRanges() throws Exception {
        IpRules rules = IpRules.of(List.of("10.0.0.0/8", "2001:db8::/32"), List.of("10.6.6.0/24"));
        assertThat(rules.admits(ip("10.1.2.3"))).isTrue();
        assertThat(rules.admits(ip("2001:db8::5"))).isTrue();
        assertThat(rules.admits(ip("10.6.6.6"))).as("denied inside an allowed range").isFalse();
        assertThat(rules.admits(ip("192.0.2.1"))).as("outside the allow list").isFalse();
        IpRules denyOnly = IpRules.of(List.of(), List.of("192.0.2.0/24"));
        assertThat(denyOnly.admits(ip("192.0.2.9"))).isFalse();
        assertThat(denyOnly.admits(ip("198.51.100.1"))).isTrue();
        assertThat(IpRules.ANY.admits(ip("::1"))).isTrue();
        assertThatThrownBy(() -> IpRules.of(List.of("10.0.0.0/8", "10.0.0.0/99"), List.of()))
                .hasMessageContaining("\"10.0.0.0/99\"");
    }
}
