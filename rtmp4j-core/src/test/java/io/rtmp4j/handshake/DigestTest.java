package io.rtmp4j.handshake;

import static io.rtmp4j.handshake.Handshake.Kind.DIGEST_SCHEME_0;
import static io.rtmp4j.handshake.Handshake.Kind.DIGEST_SCHEME_1;
import static io.rtmp4j.handshake.Handshake.Kind.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The digest handshake arithmetic of specs/README.md, and HMAC-SHA256 against RFC 4231. */
class DigestTest {

    // ---- RFC 4231 §4: HMAC-SHA256 test vectors ----

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] repeat(int b, int n) {
        byte[] r = new byte[n];
        Arrays.fill(r, (byte) b);
        return r;
    }

    private static void assertHmac(byte[] key, byte[] data, String expectedHex) {
        assertThat(Digest.hmac(key, key.length, data)).isEqualTo(Digest.hex(expectedHex));
    }

    @Test
    void rfc4231TestCase1() {
        assertHmac(repeat(0x0b, 20), ascii("Hi There"),
                "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7");
    }

    @Test
    void rfc4231TestCase2KeyShorterThanOutput() {
        assertHmac(ascii("Jefe"), ascii("what do ya want for nothing?"),
                "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843");
    }

    @Test
    void rfc4231TestCase3() {
        assertHmac(repeat(0xaa, 20), repeat(0xdd, 50),
                "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe");
    }

    @Test
    void rfc4231TestCase4() {
        byte[] key = new byte[25];
        for (int i = 0; i < key.length; i++) {
            key[i] = (byte) (i + 1); // 0x01..0x19
        }
        assertHmac(key, repeat(0xcd, 50),
                "82558a389a443c0ea4cc819899f2083a85f0faa3e578f8077a2e3ff46729665b");
    }

    @Test
    void rfc4231TestCase5TruncatedTo128Bits() {
        byte[] mac = Digest.hmac(repeat(0x0c, 20), 20, ascii("Test With Truncation"));
        assertThat(Arrays.copyOf(mac, 16)).isEqualTo(Digest.hex("a3b6167473100ee06e0c796c2955552b"));
    }

    @Test
    void rfc4231TestCase6KeyLongerThanBlock() {
        assertHmac(repeat(0xaa, 131), ascii("Test Using Larger Than Block-Size Key - Hash Key First"),
                "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54");
    }

    @Test
    void rfc4231TestCase7KeyAndDataLongerThanBlock() {
        assertHmac(repeat(0xaa, 131), ascii("This is a test using a larger than block-size key and a larger t"
                        + "han block-size data. The key needs to be hashed before being use"
                        + "d by the HMAC algorithm."),
                "9b09ffa71b942fcb27635fbcd5b0e944bfdc63644f0713938a7f51535c3a35e2");
    }

    @Test
    void keyLengthArgumentUsesOnlyThePrefix() {
        // Digest keys the C1/S1 digest with a prefix of the full key: the prefix must be all that counts.
        byte[] longKey = Arrays.copyOf(ascii("Jefe"), 40);
        longKey[10] = 1;
        assertThat(Digest.hmac(longKey, 4, ascii("what do ya want for nothing?")))
                .isEqualTo(Digest.hex("5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"));
    }

    // ---- the keys (specs/README.md) ----

    @Test
    void keysAreTheGenuineStringsFollowedByTheSame32Bytes() {
        byte[] tail = Digest.hex("F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");
        assertThat(Digest.CLIENT_KEY).hasSize(62);
        assertThat(Arrays.copyOf(Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT))
                .isEqualTo(ascii("Genuine Adobe Flash Player 001"));
        assertThat(Arrays.copyOfRange(Digest.CLIENT_KEY, 30, 62)).isEqualTo(tail);
        assertThat(Digest.SERVER_KEY).hasSize(68);
        assertThat(Arrays.copyOf(Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT))
                .isEqualTo(ascii("Genuine Adobe Flash Media Server 001"));
        assertThat(Arrays.copyOfRange(Digest.SERVER_KEY, 36, 68)).isEqualTo(tail);
    }

    // ---- offset arithmetic: blockStart + 4 + (sum of the block's first 4 bytes mod 728) ----

    @ParameterizedTest(name = "scheme {0}: offset bytes {1},{2},{3},{4} -> digest at {5}")
    @CsvSource({
        // scheme 0: block 8..771, offset bytes 8..11, digest from 12
        "DIGEST_SCHEME_0, 0,   0,   0,   0,   12",   // 8 + 4 + 0
        "DIGEST_SCHEME_0, 1,   2,   3,   4,   22",   // 8 + 4 + 10
        "DIGEST_SCHEME_0, 255, 255, 255, 255, 304",  // 1020 mod 728 = 292; 12 + 292
        "DIGEST_SCHEME_0, 255, 255, 217, 0,   739",  // 727: the last start; digest ends at 770 < 772
        "DIGEST_SCHEME_0, 255, 255, 218, 0,   12",   // 728 wraps to 0
        // scheme 1: block 772..1535, offset bytes 772..775, digest from 776
        "DIGEST_SCHEME_1, 0,   0,   0,   0,   776",  // 772 + 4 + 0
        "DIGEST_SCHEME_1, 1,   2,   3,   4,   786",  // 776 + 10
        "DIGEST_SCHEME_1, 255, 255, 255, 255, 1068", // 776 + 292
        "DIGEST_SCHEME_1, 255, 255, 217, 0,   1503", // 776 + 727; digest ends at 1534 < 1536
        "DIGEST_SCHEME_1, 255, 255, 218, 0,   776",  // 728 wraps to 0
    })
    void digestOffset(Handshake.Kind scheme, int b0, int b1, int b2, int b3, int expected) {
        byte[] sig = new byte[Digest.SIG_SIZE];
        Arrays.fill(sig, (byte) 0x5A); // bytes outside the offset field must not matter
        int base = scheme == DIGEST_SCHEME_0 ? 8 : 772;
        sig[base] = (byte) b0;
        sig[base + 1] = (byte) b1;
        sig[base + 2] = (byte) b2;
        sig[base + 3] = (byte) b3;
        assertThat(Digest.digestOffset(sig, scheme)).isEqualTo(expected);
    }

    @Test
    void everyOffsetKeepsTheDigestInsideItsBlock() {
        byte[] sig = new byte[Digest.SIG_SIZE];
        for (int sum = 0; sum <= 4 * 255; sum++) {
            int a = Math.min(sum, 255);
            int b = Math.min(sum - a, 255);
            int c = Math.min(sum - a - b, 255);
            int d = sum - a - b - c;
            for (Handshake.Kind scheme : new Handshake.Kind[] {DIGEST_SCHEME_0, DIGEST_SCHEME_1}) {
                int base = Digest.blockStart(scheme);
                sig[base] = (byte) a;
                sig[base + 1] = (byte) b;
                sig[base + 2] = (byte) c;
                sig[base + 3] = (byte) d;
                int at = Digest.digestOffset(sig, scheme);
                assertThat(at).isBetween(base + 4, base + Digest.BLOCK_SIZE - Digest.DIGEST_SIZE);
            }
        }
    }

    // ---- real digest C1s, captured from the programs (see HandshakeInteropTest for how) ----

    static byte[] resource(String name) throws IOException {
        try (InputStream in = DigestTest.class.getResourceAsStream(name)) {
            assertThat(in).as(name).isNotNull();
            return in.readAllBytes();
        }
    }

    /** C1 of a captured C0+C1 (drops C0). */
    static byte[] c1Of(String name) throws IOException {
        byte[] c0c1 = resource(name);
        assertThat(c0c1).hasSize(1537);
        assertThat(c0c1[0]).as("C0").isEqualTo((byte) 3);
        return Arrays.copyOfRange(c0c1, 1, 1537);
    }

    /**
     * Checks the captured FFmpeg C1 with a second, independent computation: the offset worked out
     * by hand from the file's bytes, HMAC-SHA256 straight from javax.crypto.
     */
    @Test
    void capturedFfmpegC1CarriesAValidScheme0Digest() throws Exception {
        byte[] c1 = c1Of("ffmpeg-5.1-c0c1.bin");
        assertThat(Arrays.copyOfRange(c1, 4, 8)).as("version 9.0.124.2")
                .isEqualTo(new byte[] {9, 0, 124, 2});
        int sum = (c1[8] & 0xFF) + (c1[9] & 0xFF) + (c1[10] & 0xFF) + (c1[11] & 0xFF);
        int at = 12 + sum % 728;
        assertThat(at).isEqualTo(494); // 0xf7+0x78+0x55+0x1e = 482; 12 + 482
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(ascii("Genuine Adobe Flash Player 001"), "HmacSHA256"));
        mac.update(c1, 0, at);
        mac.update(c1, at + 32, 1536 - at - 32);
        assertThat(mac.doFinal()).isEqualTo(Arrays.copyOfRange(c1, at, at + 32));

        assertThat(Digest.findScheme(c1, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT)).isEqualTo(DIGEST_SCHEME_0);
        assertThat(Digest.verify(c1, DIGEST_SCHEME_1, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT)).isFalse();
    }

    @Test
    void capturedRtmpdumpC1WithSwfHashCarriesAValidScheme0Digest() throws Exception {
        byte[] c1 = c1Of("rtmpdump-2.4-swfhash-c0c1.bin");
        assertThat(Arrays.copyOfRange(c1, 4, 8)).as("librtmp's version 10.0.45.2")
                .isEqualTo(new byte[] {10, 0, 45, 2});
        assertThat(Digest.findScheme(c1, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT)).isEqualTo(DIGEST_SCHEME_0);
    }

    @Test
    void capturedPlainRtmpdumpC1HasZeroVersionAndNoDigest() throws Exception {
        // rtmpdump 2.4 without --swfhash/--swfVfy sends the plain handshake (rtmp-1.0.txt §5.2.3: zero field)
        byte[] c1 = c1Of("rtmpdump-2.4-plain-c0c1.bin");
        assertThat(Arrays.copyOfRange(c1, 4, 8)).isEqualTo(new byte[4]);
        assertThat(Digest.findScheme(c1, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT)).isEqualTo(PLAIN);
    }

    @Test
    void anyChangedByteBreaksTheDigest() throws Exception {
        byte[] c1 = c1Of("ffmpeg-5.1-c0c1.bin");
        int at = Digest.digestOffset(c1, DIGEST_SCHEME_0);
        for (int i : new int[] {0, 4, 7, at, at + 31, 771, 772, 1535}) {
            byte[] changed = c1.clone();
            changed[i] ^= 0x01;
            assertThat(Digest.verify(changed, DIGEST_SCHEME_0, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT))
                    .as("byte %d changed", i).isFalse();
        }
        // The wrong key does not validate it either (a C1 is never an S1).
        assertThat(Digest.verify(c1, DIGEST_SCHEME_0, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT)).isFalse();
    }

    @Test
    void signThenVerifyUnderEachScheme() {
        for (Handshake.Kind scheme : new Handshake.Kind[] {DIGEST_SCHEME_0, DIGEST_SCHEME_1}) {
            byte[] sig = new byte[Digest.SIG_SIZE];
            new java.util.SplittableRandom(scheme.ordinal()).nextBytes(sig);
            Digest.sign(sig, scheme, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT);
            assertThat(Digest.findScheme(sig, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT)).isEqualTo(scheme);
        }
    }

    @Test
    void responseIsSignedWithTheHmacOfThePeerDigestUnderTheFullKey() throws Exception {
        byte[] peerDigest = Digest.hex("00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff");
        byte[] response = new byte[Digest.SIG_SIZE];
        new java.util.SplittableRandom(7).nextBytes(response);
        Digest.signResponse(response, Digest.responseKey(Digest.SERVER_KEY, peerDigest));

        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(Digest.SERVER_KEY, "HmacSHA256")); // all 68 bytes
        byte[] key = mac.doFinal(peerDigest);
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(response, 0, 1504);
        assertThat(Arrays.copyOfRange(response, 1504, 1536)).isEqualTo(mac.doFinal());
        assertThat(Digest.verifyResponse(response, key)).isTrue();
        response[0] ^= 1;
        assertThat(Digest.verifyResponse(response, key)).isFalse();
    }
}
