package io.rtmp4j.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import io.rtmp4j.RtmpProtocolException;
import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * Arbitrary bytes into both handshake sides, in arbitrary pieces. The only exception allowed is
 * {@link RtmpProtocolException} for a bad C0/S0 version; everything else (truncation included) must
 * be "need more". Since random bytes never carry a valid HMAC, the harness can sign the fuzzer's
 * C1/S1/S2 itself so the digest paths are fuzzed too (with arbitrary offset bytes and versions).
 *
 * <p>Regression inputs: {@code src/test/resources/io/rtmp4j/handshake/HandshakeFuzzTestInputs/<method>/}.
 * Fuzz with {@code JAZZER_FUZZ=1 nice mvn -pl rtmp4j-core test -Dtest=HandshakeFuzzTest#server}.
 */
class HandshakeFuzzTest {

    private static final Handshake.Kind[] KINDS = Handshake.Kind.values();

    @FuzzTest(maxDuration = "4m")
    void server(FuzzedDataProvider data) {
        SplittableRandom pieces = new SplittableRandom(data.consumeLong());
        ServerHandshake hs = Handshake.server(new SplittableRandom(data.consumeLong()), data.consumeInt());
        Handshake.Kind sign = data.pickValue(KINDS); // PLAIN: leave C1 as the fuzzer wrote it
        byte[] stream = data.consumeRemainingAsBytes();
        if (sign.isDigest() && stream.length >= 1537) {
            byte[] c1 = Arrays.copyOfRange(stream, 1, 1537);
            Digest.sign(c1, sign, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT);
            System.arraycopy(c1, 0, stream, 1, 1536);
        }

        byte[] after = feed(hs, stream, pieces, 1537, 3073);
        if (after == null) {
            return; // refused C0
        }
        if (stream.length >= 1537) {
            boolean zeroVersion = Handshake.readInt(stream, 5) == 0;
            Handshake.Kind expected = zeroVersion || !sign.isDigest() ? null : sign;
            if (expected != null) {
                assertThat(hs.kind()).isEqualTo(expected);
            } else if (zeroVersion) {
                assertThat(hs.kind()).isEqualTo(Handshake.Kind.PLAIN);
            }
            assertThat(hs.peerEpoch()).isEqualTo(Handshake.readInt(stream, 1));
        }
        if (stream.length >= 3073) {
            assertThat(after).isEqualTo(Arrays.copyOfRange(stream, 3073, stream.length));
        }
    }

    @FuzzTest(maxDuration = "4m")
    void client(FuzzedDataProvider data) {
        SplittableRandom pieces = new SplittableRandom(data.consumeLong());
        Handshake.Kind offer = data.pickValue(KINDS);
        ClientHandshake hs = Handshake.client(offer, data.consumeInt(), new SplittableRandom(data.consumeLong()),
                data.consumeInt());
        Handshake.Kind signS1 = data.pickValue(KINDS);
        boolean signS2 = data.consumeBoolean();
        byte[] stream = data.consumeRemainingAsBytes();

        byte[] c0c1 = HandshakeTest.bytes(hs.pollOutbound());
        assertThat(c0c1).hasSize(1537);
        byte[] c1 = Arrays.copyOfRange(c0c1, 1, 1537);
        if (signS1.isDigest() && stream.length >= 1537) {
            byte[] s1 = Arrays.copyOfRange(stream, 1, 1537);
            Digest.sign(s1, signS1, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT);
            System.arraycopy(s1, 0, stream, 1, 1536);
        }
        if (signS2 && offer.isDigest() && stream.length >= 3073) {
            byte[] s2 = Arrays.copyOfRange(stream, 1537, 3073);
            Digest.signResponse(s2, Digest.responseKey(Digest.SERVER_KEY, Digest.extract(c1, offer)));
            System.arraycopy(s2, 0, stream, 1537, 1536);
        }

        byte[] after = feed(hs, stream, pieces, 1537, 3073);
        if (after == null) {
            return; // refused S0
        }
        if (stream.length >= 1537) {
            if (!offer.isDigest()) {
                assertThat(hs.kind()).isEqualTo(Handshake.Kind.PLAIN);
            } else if (signS1.isDigest()) {
                assertThat(hs.kind()).isEqualTo(signS1);
            }
            assertThat(hs.peerVersion()).isEqualTo(Handshake.readInt(stream, 5));
        }
        if (stream.length >= 3073) {
            assertThat(after).isEqualTo(Arrays.copyOfRange(stream, 3073, stream.length));
            if (signS2 && hs.kind().isDigest()) {
                assertThat(hs.peerResponseValid()).isTrue();
            }
        }
    }

    /**
     * Feeds {@code stream} in random pieces, checking the outbound and done invariants. Returns the
     * chunk-stream bytes (leftover, then later pieces), or null when the first byte was refused.
     *
     * @param answerAt number of bytes after which the side has answered (C1 or S1 complete)
     * @param doneAt   number of bytes after which the side is done
     */
    private static byte[] feed(Handshake hs, byte[] stream, SplittableRandom pieces, int answerAt, int doneAt) {
        int at = 0;
        int sent = 0;
        while (at < stream.length && !hs.isDone()) {
            int n = Math.min(stream.length - at, 1 + pieces.nextInt(2 * doneAt));
            ByteBuffer piece = ByteBuffer.wrap(stream, at, n);
            try {
                hs.feed(piece);
            } catch (RtmpProtocolException e) {
                assertThat(at).as("only the version byte is ever refused").isZero();
                assertThat(stream[0]).isNotEqualTo((byte) Handshake.RTMP_VERSION);
                assertThat(e.getMessage()).contains("version " + (stream[0] & 0xFF));
                return null;
            }
            assertThat(piece.hasRemaining()).isFalse();
            at += n;
            sent += hs.pollOutbound().remaining();
            assertThat(hs.isDone()).isEqualTo(at >= doneAt);
        }
        // server: S0+S1+S2 (3073) once C1 is in; client: C2 (1536) once S1 is in
        int expectedSent = at >= answerAt ? (hs instanceof ServerHandshake ? 3073 : 1536) : 0;
        assertThat(sent).isEqualTo(expectedSent);
        ByteArrayOutputStream after = new ByteArrayOutputStream();
        byte[] left = HandshakeTest.bytes(hs.leftover());
        after.write(left, 0, left.length);
        after.write(stream, at, stream.length - at);
        return after.toByteArray();
    }
}
