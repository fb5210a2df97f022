package io.rtmp4j.handshake;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * The server side of the RTMP handshake (rtmp-1.0.txt §5.2); obtain one with
 * {@link Handshake#server(RandomGenerator, int)}.
 *
 * <p>Sequence (§5.2.1): read C0 (its version is checked as soon as it arrives) and C1; then send
 * S0+S1+S2 in one go (the server MAY wait for C1 before S0/S1); then read C2, and the handshake is
 * done.
 *
 * <ul>
 *   <li>C1 with a zero version field (§5.2.3): the plain handshake, without computing any HMAC
 *       (nginx-rtmp does the same). S1 = epoch, zero, random; S2 = C1 echoed byte for byte, which
 *       is what librtmp compares its C1 against.</li>
 *   <li>C1 with a non-zero version: its digest is checked under scheme 0, then scheme 1
 *       (specs/README.md). When one validates, S1 carries a digest at the same scheme and S2 is the
 *       signed response to C1's digest. When neither validates (YouTube-style peers with a version
 *       but no digest), the plain answer above.</li>
 *   <li>Any C2 is accepted; {@link #peerResponseValid()} says whether it was the expected one.</li>
 * </ul>
 */
public final class ServerHandshake extends Handshake {

    private enum State { C0, C1, C2 }

    private final RandomGenerator random;
    private final int epoch;
    private final int version;
    private final byte[] c1 = new byte[PACKET_SIZE];
    private byte[] c2;
    private byte[] s1;
    private int filled;
    private State state = State.C0;

    ServerHandshake(RandomGenerator random, int epoch, int version) {
        this.random = random;
        this.epoch = epoch;
        this.version = version;
    }

    @Override
    void step(ByteBuffer in) {
        switch (state) {
            case C0 -> {
                checkVersion(in.get() & 0xFF, "C0");
                state = State.C1;
            }
            case C1 -> {
                filled = fill(c1, filled, in);
                if (filled == PACKET_SIZE) {
                    answer();
                    c2 = c1; // C1 is no longer needed once S2 is built: reuse the buffer for C2
                    filled = 0;
                    state = State.C2;
                }
            }
            case C2 -> {
                filled = fill(c2, filled, in);
                if (filled == PACKET_SIZE) {
                    finish(c2Valid());
                }
            }
        }
    }

    private byte[] c2Key;

    private void answer() {
        peerPacket(c1);
        Kind k = readInt(c1, 4) == 0 ? Kind.PLAIN
                : Digest.findScheme(c1, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT);
        negotiated(k);

        s1 = new byte[PACKET_SIZE];
        random.nextBytes(s1);
        writeInt(s1, 0, epoch);
        byte[] s2;
        if (k.isDigest()) {
            writeInt(s1, 4, version);
            Digest.sign(s1, k, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT);
            s2 = new byte[PACKET_SIZE];
            random.nextBytes(s2);
            Digest.signResponse(s2, Digest.responseKey(Digest.SERVER_KEY, Digest.extract(c1, k)));
            // what a correct C2 will be signed with: HMAC(full client key, S1's digest)
            c2Key = Digest.responseKey(Digest.CLIENT_KEY, Digest.extract(s1, k));
        } else {
            writeInt(s1, 4, 0); // rtmp-1.0.txt §5.2.3: zero
            s2 = c1.clone();
        }
        byte[] out = new byte[1 + 2 * PACKET_SIZE];
        out[0] = RTMP_VERSION;
        System.arraycopy(s1, 0, out, 1, PACKET_SIZE);
        System.arraycopy(s2, 0, out, 1 + PACKET_SIZE, PACKET_SIZE);
        send(out);
    }

    private boolean c2Valid() {
        return kind().isDigest() ? Digest.verifyResponse(c2, c2Key) : isEcho(c2, s1);
    }
}
