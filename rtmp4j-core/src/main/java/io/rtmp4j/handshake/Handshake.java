package io.rtmp4j.handshake;

import io.rtmp4j.RtmpProtocolException;
import java.nio.ByteBuffer;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * The RTMP handshake (rtmp-1.0.txt §5.2) as a sans-IO state machine: feed it the bytes that
 * arrive, send what {@link #pollOutbound()} hands back, and stop when {@link #isDone()}; then the
 * bytes in {@link #leftover()} are the start of the chunk stream.
 *
 * <p>Both the plain handshake of §5.2 and the digest ("Flash Player 9") handshake are spoken; see
 * {@link Kind} and {@code specs/README.md}. There is no socket, thread or clock here: the random
 * source and the epoch (the "time" field of C1/S1, §5.2.3) are passed in.
 *
 * <pre>{@code
 * Handshake hs = Handshake.server(new SecureRandom(), 0);
 * while (!hs.isDone()) {
 *     ByteBuffer in = read();                 // whatever the socket gave us
 *     hs.feed(in);                            // consumes all of it; throws RtmpProtocolException on bad version
 *     write(hs.pollOutbound());               // S0+S1+S2 once C0+C1 are in, else empty
 * }
 * chunkDecoder.decode(hs.leftover(), sink);   // e.g. the client's connect, pipelined after C2 (ChunkDecoder)
 * }</pre>
 *
 * <p>Sizes are fixed by the protocol (1 + 1536 + 1536 bytes each way), so a handshake buffers at
 * most 1536 input bytes and needs no configurable limit. Not thread-safe: drive one instance from
 * one thread at a time.
 */
public abstract sealed class Handshake permits ServerHandshake, ClientHandshake {

    /** The RTMP version of C0/S0 (rtmp-1.0.txt §5.2.2); the only one accepted. */
    public static final int RTMP_VERSION = 3;

    /**
     * Version field a digest client puts in C1 by default: Flash Player 9.0.124.2, as FFmpeg's
     * rtmpproto sends (bytes 09 00 7C 02; captured in the test resource ffmpeg-5.1-c0c1.bin).
     */
    public static final int FLASH_PLAYER_VERSION = 0x09_00_7C_02;

    /**
     * Version field the server puts in a digest S1: Flash Media Server 3.5.1.1. Its first byte must
     * be 3 or more: FFmpeg only verifies S1/S2 when it is, and librtmp skips its digest check when it
     * is 0.
     */
    public static final int SERVER_VERSION = 0x03_05_01_01;

    /** Size of C1/S1/C2/S2 (rtmp-1.0.txt §5.2.3, §5.2.4). */
    public static final int PACKET_SIZE = Digest.SIG_SIZE;

    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /**
     * What a handshake negotiated (or, for {@link #client(Kind, RandomGenerator, int)}, what to offer).
     *
     * <p>The digest sits in one of the two 764-byte blocks after C1/S1's time and version fields
     * (specs/README.md). The scheme names follow librtmp's and crtmpserver's numbering (SRS numbers
     * them the other way round, naming a schema after its key block).
     */
    public enum Kind {
        /** Plain handshake of rtmp-1.0.txt §5.2: C2/S2 echo S1/C1. */
        PLAIN,
        /** Digest in the block at bytes 8..771 of C1/S1 (what FFmpeg and librtmp send). */
        DIGEST_SCHEME_0,
        /** Digest in the block at bytes 772..1535 of C1/S1. */
        DIGEST_SCHEME_1;

        /**
         * Whether this is one of the digest schemes.
         *
         * @return true for the digest schemes, false for the plain handshake
         */
        public boolean isDigest() {
            return this != PLAIN;
        }
    }

    /**
     * A server side: waits for C0+C1, answers S0+S1+S2 (a digest answer when C1 carries a valid
     * digest under either scheme, the plain echo otherwise), then waits for C2.
     *
     * @param random source of S1/S2's random bytes (rtmp-1.0.txt §5.2.3: need not be secure)
     * @param epoch  the time field of S1 (rtmp-1.0.txt §5.2.3), e.g. 0
     * @return the server side, waiting for C0+C1
     */
    public static ServerHandshake server(RandomGenerator random, int epoch) {
        return new ServerHandshake(Objects.requireNonNull(random, "random"), epoch, SERVER_VERSION);
    }

    /**
     * A client side with C0+C1 ready in {@link #pollOutbound()}. {@code offer} {@link Kind#PLAIN}
     * sends a C1 with a zero version (as OBS and GStreamer's rtmp2 do); a digest
     * kind sends a digest C1 under that scheme with version {@link #FLASH_PLAYER_VERSION}.
     *
     * @param offer  what C1 offers
     * @param random source of C1/C2's random bytes
     * @param epoch  the time field of C1 (rtmp-1.0.txt §5.2.3), e.g. 0
     * @return the client side, with C0+C1 ready to send
     */
    public static ClientHandshake client(Kind offer, RandomGenerator random, int epoch) {
        return client(offer, offer.isDigest() ? FLASH_PLAYER_VERSION : 0, random, epoch);
    }

    /**
     * A client side whose C1 carries {@code version} in bytes 4..7. With {@link Kind#PLAIN} and a
     * non-zero version this is a C1 that looks like a digest C1 but carries no digest (servers must
     * answer it with the plain echo). A digest offer needs a non-zero version: servers (rtmp4j's,
     * nginx-rtmp) take a zero-version C1 as plain without looking for a digest.
     *
     * @param offer the kind of C1 to send
     * @param version the value of C1 bytes 4..7
     * @param random source of C1's random bytes
     * @param epoch the time field of C1 (rtmp-1.0.txt §5.2.3)
     * @return the client side, with C0+C1 ready to send
     */
    public static ClientHandshake client(Kind offer, int version, RandomGenerator random, int epoch) {
        return new ClientHandshake(Objects.requireNonNull(offer, "offer"),
                version, Objects.requireNonNull(random, "random"), epoch);
    }

    // ---- state shared by both sides ----

    private ByteBuffer outbound = EMPTY;
    private ByteBuffer leftover = EMPTY;
    private Kind kind;
    private boolean done;
    private boolean failed;
    private int peerEpoch;
    private int peerVersion;
    private boolean peerResponseValid;

    Handshake() {
    }

    /**
     * Consumes every remaining byte of {@code in}. Bytes that complete a handshake step are used;
     * bytes past the end of the handshake are kept for {@link #leftover()}. A partial step is
     * buffered ("need more", never an error).
     *
     * @param in the bytes received; consumed entirely
     * @throws RtmpProtocolException if the peer's C0/S0 version is not {@value #RTMP_VERSION}
     * @throws IllegalStateException if called with bytes after {@link #isDone()} or after a failure
     */
    public final void feed(ByteBuffer in) {
        if (!in.hasRemaining()) {
            return;
        }
        if (failed) {
            throw new IllegalStateException("handshake already failed");
        }
        if (done) {
            throw new IllegalStateException("handshake is done: feed these bytes to the chunk decoder");
        }
        try {
            while (in.hasRemaining() && !done) {
                step(in);
            }
        } catch (RuntimeException e) {
            failed = true;
            throw e;
        }
        if (in.hasRemaining()) {
            byte[] rest = new byte[in.remaining()];
            in.get(rest);
            leftover = ByteBuffer.wrap(rest).asReadOnlyBuffer();
        }
    }

    /** Consumes some bytes of {@code in} (at least one) and advances the state. */
    abstract void step(ByteBuffer in);

    /**
     * The bytes to send now (possibly none), handed over once: a second call returns only what was
     * produced since. The caller owns the returned buffer.
     *
     * @return the bytes to send, possibly empty
     */
    public final ByteBuffer pollOutbound() {
        ByteBuffer out = outbound;
        outbound = EMPTY;
        return out.hasRemaining() ? out : ByteBuffer.allocate(0);
    }

    /**
     * Whether there are bytes waiting in {@link #pollOutbound()}.
     *
     * @return true while bytes wait to be sent
     */
    public final boolean hasOutbound() {
        return outbound.hasRemaining();
    }

    /**
     * Whether the handshake is complete: the server has read C2, the client has read S2. The client
     * may still have C2 to send: drain {@link #pollOutbound()} after this turns true.
     *
     * @return true once the handshake is complete
     */
    public final boolean isDone() {
        return done;
    }

    /**
     * The bytes fed after the end of the handshake (the start of the chunk stream, e.g. FFmpeg's
     * connect command sent together with C2); empty if none. Each call returns a fresh read-only
     * view of the same bytes.
     *
     * @return a read-only view of the leftover bytes
     */
    public final ByteBuffer leftover() {
        return leftover.duplicate();
    }

    /**
     * What was negotiated: {@link Kind#PLAIN} or the digest scheme both sides used. Known on the
     * server once C1 is in, on the client once S1 is in.
     *
     * @return the negotiated kind
     * @throws IllegalStateException before then
     */
    public final Kind kind() {
        if (kind == null) {
            throw new IllegalStateException("not negotiated yet");
        }
        return kind;
    }

    /**
     * The time field of the peer's C1/S1 (rtmp-1.0.txt §5.2.3: the peer's epoch for its chunks).
     *
     * @return the peer's epoch
     */
    public final int peerEpoch() {
        requirePeerPacket();
        return peerEpoch;
    }

    /**
     * Bytes 4..7 of the peer's C1/S1: zero for a plain peer (rtmp-1.0.txt §5.2.3), a Flash Player or
     * Flash Media Server version (e.g. {@code 0x09007C02} = 9.0.124.2) for a digest peer.
     *
     * @return the peer's version field
     */
    public final int peerVersion() {
        requirePeerPacket();
        return peerVersion;
    }

    /**
     * Whether the peer's C2 (on the server) or S2 (on the client) is what the negotiated kind
     * implies: the echo of our S1/C1 (time and random fields) for {@link Kind#PLAIN}, the signed
     * response for a digest kind. Informational only: a mismatch does not fail the handshake (Flash
     * Player's C2 does not validate; checking it only costs interop). False until {@link #isDone()}.
     *
     * @return true if the peer's response is the one expected
     */
    public final boolean peerResponseValid() {
        return peerResponseValid;
    }

    // ---- helpers for the two sides ----

    final void send(byte[] bytes) {
        ByteBuffer joined = ByteBuffer.allocate(outbound.remaining() + bytes.length);
        joined.put(outbound).put(bytes).flip();
        outbound = joined;
    }

    final void negotiated(Kind k) {
        kind = k;
    }

    final void peerPacket(byte[] packet) {
        peerEpoch = readInt(packet, 0);
        peerVersion = readInt(packet, 4);
    }

    final void finish(boolean responseValid) {
        peerResponseValid = responseValid;
        done = true;
    }

    private void requirePeerPacket() {
        if (kind == null) {
            throw new IllegalStateException("the peer's C1/S1 has not arrived yet");
        }
    }

    /**
     * Checks a C0/S0 byte (rtmp-1.0.txt §5.2.2).
     *
     * @param which "C0" or "S0", for the message
     */
    static void checkVersion(int version, String which) {
        if (version == RTMP_VERSION) {
            return;
        }
        String why;
        if (version == 6 || version == 8 || version == 9) {
            why = "encrypted RTMPE, which rtmp4j does not support";
        } else if (version >= 32) {
            why = "not RTMP: rtmp-1.0.txt §5.2.2 forbids 32-255 (a text protocol such as HTTP?)";
        } else if (version < 3) {
            why = "a deprecated pre-RTMP-1.0 version (rtmp-1.0.txt §5.2.2)";
        } else {
            why = "a reserved version (rtmp-1.0.txt §5.2.2)";
        }
        throw new RtmpProtocolException(
                which + " version " + version + " is " + why + "; only version " + RTMP_VERSION + " is accepted");
    }

    /**
     * Copies bytes from {@code in} into {@code buf} starting at {@code filled}; returns the new
     * fill level.
     */
    static int fill(byte[] buf, int filled, ByteBuffer in) {
        int n = Math.min(buf.length - filled, in.remaining());
        in.get(buf, filled, n);
        return filled + n;
    }

    static int readInt(byte[] b, int at) {
        return (b[at] & 0xFF) << 24 | (b[at + 1] & 0xFF) << 16 | (b[at + 2] & 0xFF) << 8 | (b[at + 3] & 0xFF);
    }

    static void writeInt(byte[] b, int at, int v) {
        b[at] = (byte) (v >>> 24);
        b[at + 1] = (byte) (v >>> 16);
        b[at + 2] = (byte) (v >>> 8);
        b[at + 3] = (byte) v;
    }

    /** Plain echo check: time (bytes 0..3) and random (8..1535) equal; time2 (4..7) may differ (§5.2.4). */
    static boolean isEcho(byte[] response, byte[] original) {
        if (readInt(response, 0) != readInt(original, 0)) {
            return false;
        }
        return java.util.Arrays.equals(response, 8, PACKET_SIZE, original, 8, PACKET_SIZE);
    }
}
