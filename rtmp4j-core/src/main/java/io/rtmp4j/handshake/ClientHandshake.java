package io.rtmp4j.handshake;

import java.nio.ByteBuffer;
import java.util.random.RandomGenerator;

/**
 * The client side of the RTMP handshake (rtmp-1.0.txt §5.2); obtain one with
 * {@link Handshake#client(Handshake.Kind, RandomGenerator, int)}.
 *
 * <p>Sequence (§5.2.1): C0+C1 are ready in {@link #pollOutbound()} from the start; read S0 (its
 * version is checked as soon as it arrives) and S1, then C2 is ready (the client MUST wait for S1
 * before C2); read S2, and the handshake is done (the client MUST wait for S2 before other data).
 *
 * <ul>
 *   <li>Offering {@link Handshake.Kind#PLAIN}: S1 is not checked; C2 = S1 echoed byte for byte.</li>
 *   <li>Offering a digest: S1's digest is checked under the offered scheme, then the other one
 *       (librtmp does the same). If one validates, C2 is the signed response to S1's digest and
 *       {@link #kind()} reports that scheme. If none does (YouTube answers with a non-zero version
 *       and no digest), the client does not insist: it falls back to the plain echo and reports
 *       {@link Handshake.Kind#PLAIN}.</li>
 *   <li>Any S2 is accepted; {@link #peerResponseValid()} says whether it was the expected one.</li>
 * </ul>
 */
public final class ClientHandshake extends Handshake {

    private enum State { S0, S1, S2 }

    private final RandomGenerator random;
    private final Kind offer;
    private final byte[] c1 = new byte[PACKET_SIZE];
    private final byte[] in = new byte[PACKET_SIZE];
    private int filled;
    private State state = State.S0;

    ClientHandshake(Kind offer, int version, RandomGenerator random, int epoch) {
        this.random = random;
        this.offer = offer;
        random.nextBytes(c1);
        writeInt(c1, 0, epoch);
        writeInt(c1, 4, version);
        if (offer.isDigest()) {
            Digest.sign(c1, offer, Digest.CLIENT_KEY, Digest.CLIENT_KEY_SHORT);
        }
        byte[] out = new byte[1 + PACKET_SIZE];
        out[0] = RTMP_VERSION;
        System.arraycopy(c1, 0, out, 1, PACKET_SIZE);
        send(out);
    }

    @Override
    void step(ByteBuffer src) {
        switch (state) {
            case S0 -> {
                checkVersion(src.get() & 0xFF, "S0");
                state = State.S1;
            }
            case S1 -> {
                filled = fill(in, filled, src);
                if (filled == PACKET_SIZE) {
                    answer();
                    filled = 0;
                    state = State.S2;
                }
            }
            case S2 -> {
                filled = fill(in, filled, src);
                if (filled == PACKET_SIZE) {
                    finish(s2Valid());
                }
            }
        }
    }

    private void answer() {
        byte[] s1 = in;
        peerPacket(s1);
        Kind k = Kind.PLAIN;
        if (offer.isDigest()) {
            Kind other = offer == Kind.DIGEST_SCHEME_0 ? Kind.DIGEST_SCHEME_1 : Kind.DIGEST_SCHEME_0;
            if (Digest.verify(s1, offer, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT)) {
                k = offer;
            } else if (Digest.verify(s1, other, Digest.SERVER_KEY, Digest.SERVER_KEY_SHORT)) {
                k = other;
            }
        }
        negotiated(k);
        byte[] c2;
        if (k.isDigest()) {
            c2 = new byte[PACKET_SIZE];
            random.nextBytes(c2);
            Digest.signResponse(c2, Digest.responseKey(Digest.CLIENT_KEY, Digest.extract(s1, k)));
        } else {
            c2 = s1.clone();
        }
        send(c2);
    }

    private boolean s2Valid() {
        byte[] s2 = in;
        if (kind().isDigest()) {
            // the server signs S2 with HMAC(full server key, C1's digest), C1's digest being at the offered scheme
            return Digest.verifyResponse(s2, Digest.responseKey(Digest.SERVER_KEY, Digest.extract(c1, offer)));
        }
        return isEcho(s2, c1);
    }
}
