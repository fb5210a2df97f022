package io.rtmp4j.handshake;

import static io.rtmp4j.handshake.Handshake.Kind.DIGEST_SCHEME_0;
import static io.rtmp4j.handshake.Handshake.Kind.DIGEST_SCHEME_1;
import static io.rtmp4j.handshake.Handshake.Kind.PLAIN;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The handshake state machines of rtmp-1.0.txt §5.2 and the digest handshake of specs/README.md. */
class HandshakeTest {

    /** A "random" source that writes 0, 1, 2, ... (mod 256), so expected bytes can be written down. */
    static final class CountingRandom implements RandomGenerator {
        private int next;

        @Override
        public long nextLong() {
            throw new UnsupportedOperationException("only nextBytes is used");
        }

        @Override
        public void nextBytes(byte[] bytes) {
            for (int i = 0; i < bytes.length; i++) {
                bytes[i] = (byte) next++;
            }
        }
    }

    private static final byte[] CONNECT = "connect chunk follows".getBytes(StandardCharsets.US_ASCII);

    static byte[] bytes(ByteBuffer b) {
        byte[] r = new byte[b.remaining()];
        b.get(r);
        return r;
    }

    static byte[] concat(byte[]... parts) {
        int n = 0;
        for (byte[] p : parts) {
            n += p.length;
        }
        ByteBuffer b = ByteBuffer.allocate(n);
        for (byte[] p : parts) {
            b.put(p);
        }
        return b.array();
    }

    /**
     * Feeds {@code data} to {@code hs} in pieces of 1..maxPiece bytes, as a transport would: once the
     * handshake is done, later pieces go to the chunk stream instead. Returns the chunk-stream bytes:
     * {@link Handshake#leftover()} followed by those later pieces.
     */
    static byte[] feedInPieces(Handshake hs, byte[] data, int maxPiece, SplittableRandom rnd) {
        int at = 0;
        while (at < data.length && !hs.isDone()) {
            int n = Math.min(data.length - at, 1 + rnd.nextInt(maxPiece));
            ByteBuffer piece = ByteBuffer.wrap(data, at, n);
            hs.feed(piece);
            assertThat(piece.hasRemaining()).as("feed consumes everything").isFalse();
            at += n;
        }
        return concat(bytes(hs.leftover()), Arrays.copyOfRange(data, at, data.length));
    }

    static byte[] c0c1Plain(int time, int version) {
        byte[] b = new byte[1537];
        b[0] = 3;                              // C0: version 3 (§5.2.2)
        Handshake.writeInt(b, 1, time);        // C1 time (§5.2.3)
        Handshake.writeInt(b, 5, version);     // C1 zero field (§5.2.3), or a version for digest-era peers
        for (int i = 9; i < 1537; i++) {
            b[i] = (byte) (i * 7);             // C1 random bytes
        }
        return b;
    }

    // ---- golden vectors: plain handshake (rtmp-1.0.txt §5.2.2 - §5.2.4) ----

    @Test
    void plainServerAnswersS0S1AndEchoesC1AsS2() {
        ServerHandshake server = Handshake.server(new CountingRandom(), 0x01020304);
        byte[] c0c1 = c0c1Plain(42, 0);
        server.feed(ByteBuffer.wrap(c0c1));

        byte[] expected = new byte[1 + 1536 + 1536];
        expected[0] = 0x03;                                     // S0: version 3 (§5.2.2)
        expected[1] = 0x01;                                     // S1 time = epoch 0x01020304 (§5.2.3)
        expected[2] = 0x02;
        expected[3] = 0x03;
        expected[4] = 0x04;
        // expected[5..8]: S1 zero field, 00 00 00 00 (§5.2.3)
        for (int i = 8; i < 1536; i++) {
            expected[1 + i] = (byte) i;                         // S1 random: the 9th.. 1536th counter bytes
        }
        System.arraycopy(c0c1, 1, expected, 1537, 1536);        // S2 = C1 echoed (§5.2.4; librtmp compares it)
        assertThat(bytes(server.pollOutbound())).isEqualTo(expected);
        assertThat(server.pollOutbound().remaining()).as("handed over once").isZero();

        assertThat(server.kind()).isEqualTo(PLAIN);
        assertThat(server.peerEpoch()).isEqualTo(42);
        assertThat(server.peerVersion()).isZero();
        assertThat(server.isDone()).isFalse();

        // C2 echoes S1's time and random; time2 (bytes 4..7) is the client's read time (§5.2.4)
        byte[] c2 = Arrays.copyOfRange(expected, 1, 1537);
        Handshake.writeInt(c2, 4, 999);
        server.feed(ByteBuffer.wrap(c2));
        assertThat(server.isDone()).isTrue();
        assertThat(server.peerResponseValid()).isTrue();
        assertThat(server.leftover().remaining()).isZero();
    }

    @Test
    void plainClientSendsC0C1WithZeroVersionAndEchoesS1AsC2() {
        ClientHandshake client = Handshake.client(PLAIN, new CountingRandom(), 7);
        byte[] c0c1 = bytes(client.pollOutbound());
        byte[] expected = new byte[1537];
        expected[0] = 0x03;                                     // C0: version 3
        expected[4] = 0x07;                                     // C1 time = epoch 7, bytes 00 00 00 07
        // expected[5..8]: zero field
        for (int i = 8; i < 1536; i++) {
            expected[1 + i] = (byte) i;                         // C1 random from the counter
        }
        assertThat(c0c1).isEqualTo(expected);

        byte[] s0s1s2 = concat(c0c1Plain(5, 0), Arrays.copyOfRange(c0c1, 1, 1537));
        client.feed(ByteBuffer.wrap(s0s1s2, 0, 1537));
        assertThat(bytes(client.pollOutbound())).as("C2 = S1 echoed")
                .isEqualTo(Arrays.copyOfRange(s0s1s2, 1, 1537));
        assertThat(client.isDone()).isFalse();
        client.feed(ByteBuffer.wrap(s0s1s2, 1537, 1536));
        assertThat(client.isDone()).isTrue();
        assertThat(client.kind()).isEqualTo(PLAIN);
        assertThat(client.peerEpoch()).isEqualTo(5);
        assertThat(client.peerResponseValid()).isTrue();
    }

    // ---- digest answers: structure checked by hand with javax.crypto ----

    @Test
    void serverAnswersTheCapturedFfmpegC1WithDigestS1AndSignedS2() throws Exception {
        byte[] c0c1 = DigestTest.resource("ffmpeg-5.1-c0c1.bin");
        byte[] c1 = Arrays.copyOfRange(c0c1, 1, 1537);
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        server.feed(ByteBuffer.wrap(c0c1));
        assertThat(server.kind()).isEqualTo(DIGEST_SCHEME_0);
        assertThat(server.peerVersion()).isEqualTo(0x09007C02);

        byte[] out = bytes(server.pollOutbound());
        assertThat(out).hasSize(3073);
        assertThat(out[0]).isEqualTo((byte) 3);
        byte[] s1 = Arrays.copyOfRange(out, 1, 1537);
        byte[] s2 = Arrays.copyOfRange(out, 1537, 3073);
        assertThat(Arrays.copyOfRange(s1, 0, 8)).as("time 0, version 3.5.1.1")
                .isEqualTo(new byte[] {0, 0, 0, 0, 3, 5, 1, 1});

        // S1 digest: same scheme as C1, keyed with "Genuine Adobe Flash Media Server 001"
        int s1At = 12 + ((s1[8] & 0xFF) + (s1[9] & 0xFF) + (s1[10] & 0xFF) + (s1[11] & 0xFF)) % 728;
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec("Genuine Adobe Flash Media Server 001".getBytes(StandardCharsets.US_ASCII),
                "HmacSHA256"));
        mac.update(s1, 0, s1At);
        mac.update(s1, s1At + 32, 1536 - s1At - 32);
        assertThat(Arrays.copyOfRange(s1, s1At, s1At + 32)).isEqualTo(mac.doFinal());

        // S2: last 32 bytes = HMAC(HMAC(full server key, C1 digest), S2[0..1504))
        int c1At = 494; // see DigestTest.capturedFfmpegC1CarriesAValidScheme0Digest
        mac.init(new SecretKeySpec(Digest.SERVER_KEY, "HmacSHA256"));
        byte[] key = mac.doFinal(Arrays.copyOfRange(c1, c1At, c1At + 32));
        mac.init(new SecretKeySpec(key, "HmacSHA256"));
        mac.update(s2, 0, 1504);
        assertThat(Arrays.copyOfRange(s2, 1504, 1536)).isEqualTo(mac.doFinal());
    }

    @Test
    void serverAnswersPlainRtmpdumpC1WithTheEcho() throws Exception {
        byte[] c0c1 = DigestTest.resource("rtmpdump-2.4-plain-c0c1.bin");
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        server.feed(ByteBuffer.wrap(c0c1));
        assertThat(server.kind()).isEqualTo(PLAIN);
        byte[] out = bytes(server.pollOutbound());
        assertThat(Arrays.copyOfRange(out, 1537, 3073)).isEqualTo(Arrays.copyOfRange(c0c1, 1, 1537));
    }

    @Test
    void youTubeStyleC1WithVersionButNoDigestGetsThePlainEcho() {
        // docs/INTEROP.md "Handshake": a non-zero version without a digest must still work.
        byte[] c0c1 = c0c1Plain(0, 0x80000702);
        ServerHandshake server = Handshake.server(new SplittableRandom(2), 0);
        server.feed(ByteBuffer.wrap(c0c1));
        assertThat(server.kind()).isEqualTo(PLAIN);
        byte[] out = bytes(server.pollOutbound());
        assertThat(Arrays.copyOfRange(out, 5, 9)).as("S1 zero field").isEqualTo(new byte[4]);
        assertThat(Arrays.copyOfRange(out, 1537, 3073)).as("S2 = C1").isEqualTo(Arrays.copyOfRange(c0c1, 1, 1537));
    }

    @ParameterizedTest
    @EnumSource(value = Handshake.Kind.class, names = {"DIGEST_SCHEME_0", "DIGEST_SCHEME_1"})
    void digestClientC1ValidatesOnlyUnderItsScheme(Handshake.Kind scheme) {
        byte[] c0c1 = bytes(Handshake.client(scheme, new SplittableRandom(3), 0x11223344).pollOutbound());
        byte[] c1 = Arrays.copyOfRange(c0c1, 1, 1537);
        assertThat(c0c1[0]).isEqualTo((byte) 3);
        assertThat(Arrays.copyOfRange(c1, 0, 8)).as("epoch, then Flash Player 9.0.124.2")
                .isEqualTo(new byte[] {0x11, 0x22, 0x33, 0x44, 9, 0, 124, 2});
        assertThat(Digest.findScheme(c1, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT)).isEqualTo(scheme);
    }

    @Test
    void digestClientFallsBackToPlainWhenS1HasNoDigest() {
        // docs/INTEROP.md: YouTube answers with a non-zero S1 version and no digest; do not insist.
        ClientHandshake client = Handshake.client(DIGEST_SCHEME_0, new SplittableRandom(4), 0);
        byte[] c1 = Arrays.copyOfRange(bytes(client.pollOutbound()), 1, 1537);
        byte[] s0s1 = c0c1Plain(77, 0x04050607);
        client.feed(ByteBuffer.wrap(concat(s0s1, c1, CONNECT)));
        assertThat(client.isDone()).isTrue();
        assertThat(client.kind()).isEqualTo(PLAIN);
        assertThat(client.peerVersion()).isEqualTo(0x04050607);
        assertThat(bytes(client.pollOutbound())).as("C2 = S1").isEqualTo(Arrays.copyOfRange(s0s1, 1, 1537));
        assertThat(client.peerResponseValid()).isTrue();
        assertThat(bytes(client.leftover())).isEqualTo(CONNECT);
    }

    @Test
    void digestClientAcceptsS1SignedUnderTheOtherScheme() {
        ClientHandshake client = Handshake.client(DIGEST_SCHEME_0, new SplittableRandom(5), 0);
        byte[] c1 = Arrays.copyOfRange(bytes(client.pollOutbound()), 1, 1537);
        byte[] s1 = new byte[1536];
        new SplittableRandom(6).nextBytes(s1);
        Digest.sign(s1, DIGEST_SCHEME_1, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT);
        byte[] s2 = new byte[1536];
        Digest.signResponse(s2, Digest.responseKey(Digest.SERVER_KEY, Digest.extract(c1, DIGEST_SCHEME_0)));
        client.feed(ByteBuffer.wrap(concat(new byte[] {3}, s1, s2)));
        assertThat(client.kind()).isEqualTo(DIGEST_SCHEME_1);
        assertThat(client.peerResponseValid()).isTrue();
        byte[] c2 = bytes(client.pollOutbound());
        assertThat(Digest.verifyResponse(c2, Digest.responseKey(Digest.CLIENT_KEY, Digest.extract(s1, DIGEST_SCHEME_1))))
                .as("C2 signed against S1's digest").isTrue();
    }

    @Test
    void digestClientCompletesButReportsAnS2ThatIsNotTheSignedResponse() {
        ClientHandshake client = Handshake.client(DIGEST_SCHEME_0, new SplittableRandom(5), 0);
        byte[] s1 = new byte[1536];
        new SplittableRandom(6).nextBytes(s1);
        Digest.sign(s1, DIGEST_SCHEME_0, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT);
        client.feed(ByteBuffer.wrap(concat(new byte[] {3}, s1, new byte[1536])));
        assertThat(client.isDone()).isTrue();
        assertThat(client.kind()).isEqualTo(DIGEST_SCHEME_0);
        assertThat(client.peerResponseValid()).isFalse();
    }

    @Test
    void serverAcceptsAC2ThatIsNotTheSignedResponse() {
        // docs/INTEROP.md: Flash Player's C2 fails the check; servers accept it anyway.
        ServerHandshake server = Handshake.server(new SplittableRandom(8), 0);
        server.feed(ByteBuffer.wrap(bytes(Handshake.client(DIGEST_SCHEME_0, new SplittableRandom(9), 0).pollOutbound())));
        assertThat(server.kind()).isEqualTo(DIGEST_SCHEME_0);
        byte[] junk = new byte[1536];
        new SplittableRandom(10).nextBytes(junk);
        server.feed(ByteBuffer.wrap(concat(junk, CONNECT)));
        assertThat(server.isDone()).isTrue();
        assertThat(server.peerResponseValid()).isFalse();
        assertThat(bytes(server.leftover())).isEqualTo(CONNECT);
    }

    @Test
    void plainServerReportsAC2ThatIsNotTheEcho() {
        ServerHandshake server = Handshake.server(new SplittableRandom(8), 0);
        server.feed(ByteBuffer.wrap(c0c1Plain(1, 0)));
        byte[] s1 = Arrays.copyOfRange(bytes(server.pollOutbound()), 1, 1537);
        s1[1000] ^= 1;
        server.feed(ByteBuffer.wrap(s1));
        assertThat(server.isDone()).isTrue();
        assertThat(server.peerResponseValid()).isFalse();
    }

    // ---- client <-> server, every kind, whole / one byte at a time / random pieces ----

    @ParameterizedTest
    @EnumSource(Handshake.Kind.class)
    void clientAndServerAgreeInOneGo(Handshake.Kind offer) {
        runClientServer(offer, Integer.MAX_VALUE, new SplittableRandom(11));
    }

    @ParameterizedTest
    @EnumSource(Handshake.Kind.class)
    void clientAndServerAgreeOneByteAtATime(Handshake.Kind offer) {
        runClientServer(offer, 1, new SplittableRandom(12));
    }

    @ParameterizedTest
    @EnumSource(Handshake.Kind.class)
    void clientAndServerAgreeInRandomPieces(Handshake.Kind offer) {
        SplittableRandom rnd = new SplittableRandom(13);
        for (int i = 0; i < 20; i++) {
            runClientServer(offer, 1 + rnd.nextInt(1700), rnd);
        }
    }

    private static void runClientServer(Handshake.Kind offer, int maxPiece, SplittableRandom rnd) {
        ClientHandshake client = Handshake.client(offer, new SplittableRandom(rnd.nextLong()), rnd.nextInt());
        ServerHandshake server = Handshake.server(new SplittableRandom(rnd.nextLong()), rnd.nextInt());

        byte[] c0c1 = bytes(client.pollOutbound());
        assertThat(c0c1).hasSize(1537);
        assertThat(server.hasOutbound()).isFalse();
        feedInPieces(server, c0c1, maxPiece, rnd);
        byte[] s0s1s2 = bytes(server.pollOutbound());
        assertThat(s0s1s2).hasSize(3073);
        assertThat(server.kind()).isEqualTo(offer);

        // §5.2.1: the client sends C2 once S1 is in, not before
        feedInPieces(client, Arrays.copyOf(s0s1s2, 1536), maxPiece, rnd);
        assertThat(client.hasOutbound()).isFalse();
        // the server may already pipeline chunk-stream bytes after S2: they are the client's leftover
        byte[] serverRest = concat(Arrays.copyOfRange(s0s1s2, 1536, 3073), CONNECT);
        byte[] clientChunkStream = feedInPieces(client, serverRest, maxPiece, rnd);
        assertThat(client.isDone()).isTrue();
        assertThat(client.kind()).isEqualTo(offer);
        assertThat(client.peerResponseValid()).isTrue();
        assertThat(clientChunkStream).isEqualTo(CONNECT);

        byte[] c2 = bytes(client.pollOutbound());
        assertThat(c2).hasSize(1536);
        // FFmpeg sends C2 and connect together: the connect bytes are the server's leftover
        byte[] serverChunkStream = feedInPieces(server, concat(c2, CONNECT), maxPiece, rnd);
        assertThat(server.isDone()).isTrue();
        assertThat(server.peerResponseValid()).isTrue();
        assertThat(serverChunkStream).isEqualTo(CONNECT);
        assertThat(server.hasOutbound()).isFalse();
    }

    // ---- version errors (rtmp-1.0.txt §5.2.2) ----

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 4, 5, 7, 31, 32, 'G', 255})
    void serverRefusesC0VersionsOtherThan3AtTheFirstByte(int version) {
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(new byte[] {(byte) version})))
                .isExactlyInstanceOf(RtmpProtocolException.class)
                .hasMessageStartingWith("C0 version " + version + " is ")
                .hasMessageContaining("only version 3");
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(new byte[1])))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("failed");
    }

    @ParameterizedTest
    @ValueSource(ints = {6, 8, 9})
    void encryptedRtmpeIsRefusedByName(int version) {
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        byte[] c0c1 = c0c1Plain(0, 0);
        c0c1[0] = (byte) version;
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(c0c1)))
                .isExactlyInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("RTMPE");
        assertThat(server.hasOutbound()).isFalse();
    }

    @Test
    void httpRequestIsRefusedAsNotRtmp() {
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap("GET / HTTP/1.1\r\n".getBytes(StandardCharsets.US_ASCII))))
                .isExactlyInstanceOf(RtmpProtocolException.class)
                .hasMessageContaining("C0 version 71")
                .hasMessageContaining("not RTMP");
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 6, 'H'})
    void clientRefusesS0VersionsOtherThan3(int version) {
        ClientHandshake client = Handshake.client(DIGEST_SCHEME_0, new SplittableRandom(1), 0);
        assertThatThrownBy(() -> client.feed(ByteBuffer.wrap(new byte[] {(byte) version, 0, 0})))
                .isExactlyInstanceOf(RtmpProtocolException.class)
                .hasMessageStartingWith("S0 version " + version + " is ");
    }

    // ---- truncation and misuse ----

    @Test
    void truncatedInputIsNeedMoreNotAnError() {
        ClientHandshake client = Handshake.client(DIGEST_SCHEME_1, new SplittableRandom(14), 0);
        ServerHandshake server = Handshake.server(new SplittableRandom(15), 0);
        byte[] c0c1 = bytes(client.pollOutbound());
        server.feed(ByteBuffer.wrap(c0c1, 0, 1536));           // one byte short of C1
        assertThat(server.hasOutbound()).isFalse();
        assertThatThrownBy(server::kind).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(server::peerEpoch).isInstanceOf(IllegalStateException.class);
        server.feed(ByteBuffer.wrap(c0c1, 1536, 1));
        byte[] s0s1s2 = bytes(server.pollOutbound());
        client.feed(ByteBuffer.wrap(s0s1s2, 0, 3072));         // one byte short of S2
        assertThat(client.isDone()).isFalse();
        byte[] c2 = bytes(client.pollOutbound());
        server.feed(ByteBuffer.wrap(c2, 0, 1535));             // one byte short of C2
        assertThat(server.isDone()).isFalse();
        assertThat(server.peerResponseValid()).isFalse();
        server.feed(ByteBuffer.wrap(c2, 1535, 1));
        client.feed(ByteBuffer.wrap(s0s1s2, 3072, 1));
        assertThat(server.isDone()).isTrue();
        assertThat(client.isDone()).isTrue();
        assertThat(server.kind()).isEqualTo(DIGEST_SCHEME_1);
    }

    @Test
    void feedingAfterDoneIsAProgrammingError() {
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        byte[] c0c1 = c0c1Plain(0, 0);
        server.feed(ByteBuffer.wrap(c0c1));
        byte[] s1 = Arrays.copyOfRange(bytes(server.pollOutbound()), 1, 1537);
        server.feed(ByteBuffer.wrap(s1));
        server.feed(ByteBuffer.allocate(0)); // nothing to feed: harmless
        assertThatThrownBy(() -> server.feed(ByteBuffer.wrap(CONNECT)))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("chunk decoder");
    }

    @Test
    void leftoverIsAFreshViewEachTime() {
        ServerHandshake server = Handshake.server(new SplittableRandom(1), 0);
        server.feed(ByteBuffer.wrap(c0c1Plain(0, 0)));
        byte[] s1 = Arrays.copyOfRange(bytes(server.pollOutbound()), 1, 1537);
        server.feed(ByteBuffer.wrap(concat(s1, CONNECT)));
        assertThat(bytes(server.leftover())).isEqualTo(CONNECT);
        assertThat(bytes(server.leftover())).isEqualTo(CONNECT);
        assertThat(server.leftover().isReadOnly()).isTrue();
    }
}
