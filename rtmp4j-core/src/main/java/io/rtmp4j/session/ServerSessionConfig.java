package io.rtmp4j.session;

import io.rtmp4j.chunk.ChunkLimits;
import io.rtmp4j.message.MessageLimits;
import java.util.Objects;

/**
 * Settings and limits of a {@link ServerSession}; every value has a documented default
 * ({@link #defaults()}) and a {@code with...} copy method.
 *
 * <pre>{@code
 * ServerSessionConfig cfg = ServerSessionConfig.defaults().withChunkSize(60_000).withMaxStreams(8);
 * }</pre>
 *
 * @param chunkSize         outbound chunk size announced with Set Chunk Size when connect is accepted,
 *                          1..0xFFFFFF. Default {@value #DEFAULT_CHUNK_SIZE}: nginx-rtmp's default
 *                          {@code chunk_size} and what Twitch announces; large enough that typical audio
 *                          frames go out in one chunk.
 * @param windowAckSize     Window Acknowledgement Size sent on connect (rtmp-1.0.txt §5.4.4).
 *                          Default {@value #DEFAULT_WINDOW} (2.5 MB): what SRS and ffmpeg announce.
 * @param peerBandwidth     Set Peer Bandwidth window sent on connect, limit type dynamic (§5.4.5).
 *                          Default {@value #DEFAULT_WINDOW}, as SRS.
 * @param chunkLimits       limits of the inbound chunk decoder (default {@link ChunkLimits#defaults()})
 * @param messageLimits     limits of the message decoder (default {@link MessageLimits#DEFAULT})
 * @param maxStreams        most message streams one connection may create with createStream; more are
 *                          answered with {@code _error}. Default {@value #DEFAULT_MAX_STREAMS}: an encoder
 *                          or player uses one (OBS, ffmpeg), Flash applications a few.
 * @param maxHeldMessages   most messages kept while a connect or publish request is undecided (the
 *                          application may decide asynchronously); more is a protocol error. Default
 *                          {@value #DEFAULT_MAX_HELD_MESSAGES}: several seconds of audio and video at 60 fps.
 * @param maxHeldBytes      most payload bytes kept while a request is undecided. Default
 *                          {@value #DEFAULT_MAX_HELD_BYTES} (16 MiB): a few seconds of a high bitrate stream.
 * @param fmsVer            "fmsVer" of the connect {@code _result}. Default {@value #DEFAULT_FMS_VER}, what
 *                          nginx-rtmp sends.
 * @param capabilities      "capabilities" of the connect {@code _result}. Default {@value #DEFAULT_CAPABILITIES},
 *                          as nginx-rtmp.
 * @param epoch             the time field of S1 (rtmp-1.0.txt §5.2.3); default 0
 */
public record ServerSessionConfig(int chunkSize, long windowAckSize, long peerBandwidth, ChunkLimits chunkLimits,
                                  MessageLimits messageLimits, int maxStreams, int maxHeldMessages,
                                  long maxHeldBytes, String fmsVer, double capabilities, int epoch) {

    /** Default {@link #chunkSize()}. */
    public static final int DEFAULT_CHUNK_SIZE = 4096;
    /** Default {@link #windowAckSize()} and {@link #peerBandwidth()}. */
    public static final long DEFAULT_WINDOW = 2_500_000;
    /** Default {@link #maxStreams()}. */
    public static final int DEFAULT_MAX_STREAMS = 16;
    /** Default {@link #maxHeldMessages()}. */
    public static final int DEFAULT_MAX_HELD_MESSAGES = 1024;
    /** Default {@link #maxHeldBytes()}. */
    public static final long DEFAULT_MAX_HELD_BYTES = 16L << 20;
    /** Default {@link #fmsVer()}. */
    public static final String DEFAULT_FMS_VER = "FMS/3,0,1,123";
    /** Default {@link #capabilities()}. */
    public static final double DEFAULT_CAPABILITIES = 31;

    private static final ServerSessionConfig DEFAULTS = new ServerSessionConfig(DEFAULT_CHUNK_SIZE, DEFAULT_WINDOW,
            DEFAULT_WINDOW, ChunkLimits.defaults(), MessageLimits.DEFAULT, DEFAULT_MAX_STREAMS,
            DEFAULT_MAX_HELD_MESSAGES, DEFAULT_MAX_HELD_BYTES, DEFAULT_FMS_VER, DEFAULT_CAPABILITIES, 0);

    /**
     * Validates the ranges.
     *
     * @param chunkSize outbound chunk size announced with Set Chunk Size when connect is accepted,
     *     1..0xFFFFFF
     * @param windowAckSize Window Acknowledgement Size sent on connect (rtmp-1.0.txt §5.4.4)
     * @param peerBandwidth Set Peer Bandwidth window sent on connect, limit type dynamic (§5.4.5)
     * @param chunkLimits limits of the inbound chunk decoder (default {@link ChunkLimits#defaults()})
     * @param messageLimits limits of the message decoder (default {@link MessageLimits#DEFAULT})
     * @param maxStreams most message streams one connection may create with createStream
     * @param maxHeldMessages most messages kept while a connect or publish request is undecided (the
     *     application may decide asynchronously)
     * @param maxHeldBytes most payload bytes kept while a request is undecided
     * @param fmsVer "fmsVer" of the connect {@code _result}
     * @param capabilities "capabilities" of the connect {@code _result}
     * @param epoch the time field of S1 (rtmp-1.0.txt §5.2.3)
     */
    public ServerSessionConfig {
        if (chunkSize < 1 || chunkSize > 0xFF_FFFF) {
            throw new IllegalArgumentException("chunkSize must be 1..0xFFFFFF: " + chunkSize);
        }
        if (windowAckSize < 1 || windowAckSize > 0xFFFF_FFFFL || peerBandwidth < 1 || peerBandwidth > 0xFFFF_FFFFL) {
            throw new IllegalArgumentException("windows must be 1..0xFFFFFFFF");
        }
        Objects.requireNonNull(chunkLimits, "chunkLimits");
        Objects.requireNonNull(messageLimits, "messageLimits");
        Objects.requireNonNull(fmsVer, "fmsVer");
        if (maxStreams < 1 || maxHeldMessages < 0 || maxHeldBytes < 0) {
            throw new IllegalArgumentException("maxStreams must be >= 1, held limits >= 0");
        }
    }

    /**
     * The documented defaults.
     *
     * @return chunk size 4096, 2.5 MB windows, 16 streams, 1024 messages / 16 MiB held, fmsVer and
     *     capabilities as nginx-rtmp, epoch 0
     */
    public static ServerSessionConfig defaults() {
        return DEFAULTS;
    }

    /**
     * A copy with another {@link #chunkSize()}.
     *
     * @param v the chunk size in bytes
     * @return the new configuration
     */
    public ServerSessionConfig withChunkSize(int v) {
        return new ServerSessionConfig(v, windowAckSize, peerBandwidth, chunkLimits, messageLimits, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with another {@link #windowAckSize()}.
     *
     * @param v the window in bytes
     * @return the new configuration
     */
    public ServerSessionConfig withWindowAckSize(long v) {
        return new ServerSessionConfig(chunkSize, v, peerBandwidth, chunkLimits, messageLimits, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with another {@link #peerBandwidth()}.
     *
     * @param v the window in bytes
     * @return the new configuration
     */
    public ServerSessionConfig withPeerBandwidth(long v) {
        return new ServerSessionConfig(chunkSize, windowAckSize, v, chunkLimits, messageLimits, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with other {@link #chunkLimits()}.
     *
     * @param v the chunk limits
     * @return the new configuration
     */
    public ServerSessionConfig withChunkLimits(ChunkLimits v) {
        return new ServerSessionConfig(chunkSize, windowAckSize, peerBandwidth, v, messageLimits, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with other {@link #messageLimits()}.
     *
     * @param v the message limits
     * @return the new configuration
     */
    public ServerSessionConfig withMessageLimits(MessageLimits v) {
        return new ServerSessionConfig(chunkSize, windowAckSize, peerBandwidth, chunkLimits, v, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with another {@link #maxStreams()}.
     *
     * @param v the most streams per connection
     * @return the new configuration
     */
    public ServerSessionConfig withMaxStreams(int v) {
        return new ServerSessionConfig(chunkSize, windowAckSize, peerBandwidth, chunkLimits, messageLimits, v,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with other held-message limits.
     *
     * @param messages the most messages held
     * @param bytes the most payload bytes held
     * @return the new configuration
     */
    public ServerSessionConfig withHeldLimits(int messages, long bytes) {
        return new ServerSessionConfig(chunkSize, windowAckSize, peerBandwidth, chunkLimits, messageLimits, maxStreams,
                messages, bytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with another {@link #fmsVer()} and {@link #capabilities()}.
     *
     * @param fmsVer the fmsVer string
     * @param capabilities the capabilities number
     * @return the new configuration
     */
    public ServerSessionConfig withServerIdentity(String fmsVer, double capabilities) {
        return new ServerSessionConfig(chunkSize, windowAckSize, peerBandwidth, chunkLimits, messageLimits, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, epoch);
    }

    /**
     * A copy with another {@link #epoch()}.
     *
     * @param v the time field of S1
     * @return the new configuration
     */
    public ServerSessionConfig withEpoch(int v) {
        return new ServerSessionConfig(chunkSize, windowAckSize, peerBandwidth, chunkLimits, messageLimits, maxStreams,
                maxHeldMessages, maxHeldBytes, fmsVer, capabilities, v);
    }
}
