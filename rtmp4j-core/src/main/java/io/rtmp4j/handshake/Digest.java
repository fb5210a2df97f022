package io.rtmp4j.handshake;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Arrays;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The arithmetic of the digest ("Flash Player 9") handshake: where the digest sits in a C1/S1, the
 * keys, and the HMAC-SHA256 computations. Package-private helper of {@link Handshake}.
 *
 * <p>The digest handshake is not in rtmp-1.0.txt; its facts are in {@code specs/README.md}:
 * <ul>
 *   <li>C1/S1 (1536 bytes, rtmp-1.0.txt §5.2.3) = time (4) + version (4) + two 764-byte blocks at
 *       bytes 8..771 and 772..1535. One of them carries the digest: the first 4 bytes of that block
 *       are summed (as unsigned bytes), and the 32-byte digest starts at
 *       {@code blockStart + 4 + (sum mod 728)}, so it always ends inside the block
 *       (4 + 727 + 32 = 763 &lt; 764).</li>
 *   <li>The C1 digest is HMAC-SHA256 over the 1504 other bytes, keyed with the first 30 bytes of
 *       {@link #CLIENT_KEY}; the S1 digest likewise with the first 36 bytes of {@link #SERVER_KEY}.</li>
 *   <li>The C2/S2 response: its last 32 bytes are HMAC-SHA256 over its first 1504 bytes, keyed with
 *       HMAC-SHA256(full key of the responder, digest of the peer's C1/S1). The full keys are the
 *       short keys followed by the same 32 constant bytes.</li>
 * </ul>
 */
final class Digest {

    /** Size of C1, S1, C2 and S2 (rtmp-1.0.txt §5.2.3, §5.2.4). */
    static final int SIG_SIZE = 1536;
    /** Size of an HMAC-SHA256 value. */
    static final int DIGEST_SIZE = 32;
    /** The two schemes' blocks (specs/README.md): 764 bytes each, after time and version. */
    static final int BLOCK_SIZE = 764;
    /** Digest offset modulus within a block (specs/README.md): 764 - 4 offset bytes - 32 digest bytes. */
    static final int OFFSET_MODULUS = 728;
    /** Where the C2/S2 response digest starts: the last 32 of its 1536 bytes. */
    static final int RESPONSE_DIGEST_AT = SIG_SIZE - DIGEST_SIZE;

    /** The 32 constant bytes that turn the short keys into the full keys (specs/README.md). */
    private static final byte[] KEY_TAIL = hex("F0EEC24A8068BEE82E00D0D1029E7E576EEC5D2D29806FAB93B8E636CFEB31AE");

    /** Full client key: "Genuine Adobe Flash Player 001" (30 bytes) + {@link #KEY_TAIL}: 62 bytes. */
    static final byte[] CLIENT_KEY = concat(ascii("Genuine Adobe Flash Player 001"), KEY_TAIL);
    /** Number of {@link #CLIENT_KEY} bytes that key the C1 digest. */
    static final int CLIENT_KEY_SHORT = 30;
    /** Full server key: "Genuine Adobe Flash Media Server 001" (36 bytes) + {@link #KEY_TAIL}: 68 bytes. */
    static final byte[] SERVER_KEY = concat(ascii("Genuine Adobe Flash Media Server 001"), KEY_TAIL);
    /** Number of {@link #SERVER_KEY} bytes that key the S1 digest. */
    static final int SERVER_KEY_SHORT = 36;

    private Digest() {
    }

    /** First byte of the block that holds the digest under {@code scheme}: 8 for scheme 0, 772 for scheme 1. */
    static int blockStart(Handshake.Kind scheme) {
        return switch (scheme) {
            case DIGEST_SCHEME_0 -> 8;
            case DIGEST_SCHEME_1 -> 8 + BLOCK_SIZE;
            case PLAIN -> throw new IllegalArgumentException("PLAIN has no digest");
        };
    }

    /**
     * Where the 32-byte digest starts in {@code sig} under {@code scheme}: block start + 4 + (sum of
     * the block's first 4 bytes mod 728). Scheme 0 gives 12..739, scheme 1 gives 776..1503.
     */
    static int digestOffset(byte[] sig, Handshake.Kind scheme) {
        int b = blockStart(scheme);
        int sum = (sig[b] & 0xFF) + (sig[b + 1] & 0xFF) + (sig[b + 2] & 0xFF) + (sig[b + 3] & 0xFF);
        return b + 4 + sum % OFFSET_MODULUS;
    }

    /** HMAC-SHA256 of {@code sig} without its 32 bytes at {@code digestAt}, keyed with {@code key[0..keyLen)}. */
    static byte[] digestAround(byte[] sig, int digestAt, byte[] key, int keyLen) {
        Mac mac = mac(key, keyLen);
        mac.update(sig, 0, digestAt);
        mac.update(sig, digestAt + DIGEST_SIZE, SIG_SIZE - digestAt - DIGEST_SIZE);
        return mac.doFinal();
    }

    /** Writes the digest of {@code sig} under {@code scheme} into place. */
    static void sign(byte[] sig, Handshake.Kind scheme, byte[] key, int keyLen) {
        int at = digestOffset(sig, scheme);
        System.arraycopy(digestAround(sig, at, key, keyLen), 0, sig, at, DIGEST_SIZE);
    }

    /** Whether {@code sig} carries a valid digest under {@code scheme}. */
    static boolean verify(byte[] sig, Handshake.Kind scheme, byte[] key, int keyLen) {
        int at = digestOffset(sig, scheme);
        byte[] expected = digestAround(sig, at, key, keyLen);
        return MessageDigest.isEqual(expected, Arrays.copyOfRange(sig, at, at + DIGEST_SIZE));
    }

    /**
     * The scheme under which {@code sig} carries a valid digest, trying scheme 0 then scheme 1, or
     * {@link Handshake.Kind#PLAIN} when neither validates.
     */
    static Handshake.Kind findScheme(byte[] sig, byte[] key, int keyLen) {
        if (verify(sig, Handshake.Kind.DIGEST_SCHEME_0, key, keyLen)) {
            return Handshake.Kind.DIGEST_SCHEME_0;
        }
        if (verify(sig, Handshake.Kind.DIGEST_SCHEME_1, key, keyLen)) {
            return Handshake.Kind.DIGEST_SCHEME_1;
        }
        return Handshake.Kind.PLAIN;
    }

    /** The 32 digest bytes of {@code sig} under {@code scheme}. */
    static byte[] extract(byte[] sig, Handshake.Kind scheme) {
        int at = digestOffset(sig, scheme);
        return Arrays.copyOfRange(sig, at, at + DIGEST_SIZE);
    }

    /** The key of a C2/S2 response: HMAC-SHA256(full key, the peer's C1/S1 digest). */
    static byte[] responseKey(byte[] fullKey, byte[] peerDigest) {
        return hmac(fullKey, fullKey.length, peerDigest);
    }

    /** Writes the last 32 bytes of a C2/S2 response: HMAC-SHA256(responseKey, first 1504 bytes). */
    static void signResponse(byte[] response, byte[] responseKey) {
        Mac mac = mac(responseKey, responseKey.length);
        mac.update(response, 0, RESPONSE_DIGEST_AT);
        System.arraycopy(mac.doFinal(), 0, response, RESPONSE_DIGEST_AT, DIGEST_SIZE);
    }

    /** Whether the last 32 bytes of {@code response} are its signature under {@code responseKey}. */
    static boolean verifyResponse(byte[] response, byte[] responseKey) {
        Mac mac = mac(responseKey, responseKey.length);
        mac.update(response, 0, RESPONSE_DIGEST_AT);
        return MessageDigest.isEqual(mac.doFinal(),
                Arrays.copyOfRange(response, RESPONSE_DIGEST_AT, SIG_SIZE));
    }

    /** HMAC-SHA256 of {@code data} keyed with {@code key[0..keyLen)}. */
    static byte[] hmac(byte[] key, int keyLen, byte[] data) {
        return mac(key, keyLen).doFinal(data);
    }

    private static Mac mac(byte[] key, int keyLen) {
        try {
            // HmacSHA256 is one of the algorithms every Java SE implementation must provide.
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, 0, keyLen, "HmacSHA256"));
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable in this JDK", e);
        }
    }

    private static byte[] ascii(String s) {
        return s.getBytes(StandardCharsets.US_ASCII);
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] r = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, r, a.length, b.length);
        return r;
    }

    static byte[] hex(String s) {
        byte[] r = new byte[s.length() / 2];
        for (int i = 0; i < r.length; i++) {
            r[i] = (byte) Integer.parseInt(s.substring(2 * i, 2 * i + 2), 16);
        }
        return r;
    }
}
