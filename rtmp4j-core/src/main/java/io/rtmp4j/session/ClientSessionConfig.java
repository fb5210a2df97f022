package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.ChunkLimits;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.MessageLimits;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Settings of a {@link ClientSession}: what its {@code connect} says and how it talks. Built with
 * {@link #builder(String, String)} or {@link #forUrl(RtmpUrl)}; every setting but app and tcUrl has a
 * documented default.
 *
 * <pre>{@code
 * ClientSessionConfig cfg = ClientSessionConfig.forUrl(RtmpUrl.parse("rtmp://host/live/cam1"))
 *         .enhanced(EnhancedCapabilities.NONE.withFourCcList(List.of("av01", "Opus")))
 *         .build();
 * }</pre>
 */
public final class ClientSessionConfig {

    /** Default {@link #flashVer()}: an FMLE-style string, as ffmpeg and OBS send when publishing. */
    public static final String DEFAULT_FLASH_VER = "FMLE/3.0 (compatible; rtmp4j)";
    /** Default {@link #chunkSize()}: 4096, sent right after the connect {@code _result} (docs/INTEROP.md "Chunk stream"). */
    public static final int DEFAULT_CHUNK_SIZE = ServerSessionConfig.DEFAULT_CHUNK_SIZE; // the same size, the same reason
    /** Default {@link #bufferLengthMs()}: 3000 ms, ffmpeg's {@code rtmp_buffer} default. */
    public static final long DEFAULT_BUFFER_LENGTH_MS = 3000;

    private final String app;
    private final String tcUrl;
    private final String flashVer;
    private final double objectEncoding;
    private final EnhancedCapabilities enhanced;
    private final int chunkSize;
    private final long bufferLengthMs;
    private final Handshake.Kind handshakeKind;
    private final int epoch;
    private final ChunkLimits chunkLimits;
    private final MessageLimits messageLimits;
    private final Map<String, Amf0Value> extraProperties;

    private ClientSessionConfig(Builder b) {
        this.app = b.app;
        this.tcUrl = b.tcUrl;
        this.flashVer = b.flashVer;
        this.objectEncoding = b.objectEncoding;
        this.enhanced = b.enhanced;
        this.chunkSize = b.chunkSize;
        this.bufferLengthMs = b.bufferLengthMs;
        this.handshakeKind = b.handshakeKind;
        this.epoch = b.epoch;
        this.chunkLimits = b.chunkLimits;
        this.messageLimits = b.messageLimits;
        this.extraProperties = Collections.unmodifiableMap(new LinkedHashMap<>(b.extraProperties));
    }

    /**
     * A builder for {@code app} at {@code tcUrl}.
     *
     * @param app the application name
     * @param tcUrl the server URL, {@code rtmp://host:port/app}
     * @return a builder
     */
    public static Builder builder(String app, String tcUrl) {
        return new Builder(app, tcUrl);
    }

    /**
     * A builder with the app and tcUrl of {@code url}.
     *
     * @param url the parsed URL
     * @return a builder
     */
    public static Builder forUrl(RtmpUrl url) {
        return new Builder(url.app(), url.tcUrl());
    }

    /**
     * connect's "app".
     *
     * @return the app
     */
    public String app() {
        return app;
    }

    /**
     * connect's "tcUrl" (always sent: SRS refuses a connect without it).
     *
     * @return the tcUrl
     */
    public String tcUrl() {
        return tcUrl;
    }

    /**
     * connect's "flashVer" (default {@value #DEFAULT_FLASH_VER}).
     *
     * @return the flashVer
     */
    public String flashVer() {
        return flashVer;
    }

    /**
     * connect's "objectEncoding": 0 (AMF0, default) or 3 (AMF3: metadata then goes out as type 15).
     *
     * @return 0 or 3
     */
    public double objectEncoding() {
        return objectEncoding;
    }

    /**
     * The Enhanced RTMP block added to connect (default {@link EnhancedCapabilities#NONE}: legacy bytes).
     *
     * @return the Enhanced RTMP block
     */
    public EnhancedCapabilities enhanced() {
        return enhanced;
    }

    /**
     * Outbound chunk size announced after the connect {@code _result} (default {@value #DEFAULT_CHUNK_SIZE}).
     *
     * @return the chunk size in bytes
     */
    public int chunkSize() {
        return chunkSize;
    }

    /**
     * SetBufferLength sent before {@code play}, in ms (default {@value #DEFAULT_BUFFER_LENGTH_MS}).
     *
     * @return the buffer length in ms
     */
    public long bufferLengthMs() {
        return bufferLengthMs;
    }

    /**
     * Handshake offered (default {@link Handshake.Kind#PLAIN}, as OBS and GStreamer rtmp2).
     *
     * @return the handshake kind
     */
    public Handshake.Kind handshakeKind() {
        return handshakeKind;
    }

    /**
     * The time field of C1 (default 0).
     *
     * @return the epoch
     */
    public int epoch() {
        return epoch;
    }

    /**
     * Inbound chunk limits (default {@link ChunkLimits#defaults()}).
     *
     * @return the chunk limits
     */
    public ChunkLimits chunkLimits() {
        return chunkLimits;
    }

    /**
     * Message limits (default {@link MessageLimits#DEFAULT}).
     *
     * @return the message limits
     */
    public MessageLimits messageLimits() {
        return messageLimits;
    }

    /**
     * Extra connect properties, written after the standard ones (and before the enhanced block).
     *
     * @return the properties, in order
     */
    public Map<String, Amf0Value> extraProperties() {
        return extraProperties;
    }

    /** Builder of {@link ClientSessionConfig}. */
    public static final class Builder {
        private final String app;
        private final String tcUrl;
        private String flashVer = DEFAULT_FLASH_VER;
        private double objectEncoding;
        private EnhancedCapabilities enhanced = EnhancedCapabilities.NONE;
        private int chunkSize = DEFAULT_CHUNK_SIZE;
        private long bufferLengthMs = DEFAULT_BUFFER_LENGTH_MS;
        private Handshake.Kind handshakeKind = Handshake.Kind.PLAIN;
        private int epoch;
        private ChunkLimits chunkLimits = ChunkLimits.defaults();
        private MessageLimits messageLimits = MessageLimits.DEFAULT;
        private final Map<String, Amf0Value> extraProperties = new LinkedHashMap<>();

        private Builder(String app, String tcUrl) {
            this.app = Objects.requireNonNull(app, "app");
            this.tcUrl = Objects.requireNonNull(tcUrl, "tcUrl");
        }

        /**
         * See {@link ClientSessionConfig#flashVer()}.
         *
         * @param v the flashVer
         * @return this builder
         */
        public Builder flashVer(String v) {
            flashVer = Objects.requireNonNull(v);
            return this;
        }

        /**
         * See {@link ClientSessionConfig#objectEncoding()}.
         *
         * @param v 0 or 3
         * @return this builder
         */
        public Builder objectEncoding(double v) {
            objectEncoding = v;
            return this;
        }

        /**
         * See {@link ClientSessionConfig#enhanced()}.
         *
         * @param v the Enhanced RTMP block
         * @return this builder
         */
        public Builder enhanced(EnhancedCapabilities v) {
            enhanced = Objects.requireNonNull(v);
            return this;
        }

        /**
         * See {@link ClientSessionConfig#chunkSize()}; 1..0xFFFFFF.
         *
         * @param v the chunk size in bytes
         * @return this builder
         */
        public Builder chunkSize(int v) {
            if (v < 1 || v > 0xFF_FFFF) {
                throw new IllegalArgumentException("chunk size must be 1..0xFFFFFF: " + v);
            }
            chunkSize = v;
            return this;
        }

        /**
         * See {@link ClientSessionConfig#bufferLengthMs()}; 0..0xFFFFFFFF.
         *
         * @param v the buffer length in ms
         * @return this builder
         */
        public Builder bufferLengthMs(long v) {
            if (v < 0 || v > 0xFFFF_FFFFL) {
                throw new IllegalArgumentException("buffer length must be 0..0xFFFFFFFF: " + v);
            }
            bufferLengthMs = v;
            return this;
        }

        /**
         * See {@link ClientSessionConfig#handshakeKind()}.
         *
         * @param v the handshake kind
         * @return this builder
         */
        public Builder handshakeKind(Handshake.Kind v) {
            handshakeKind = Objects.requireNonNull(v);
            return this;
        }

        /**
         * See {@link ClientSessionConfig#epoch()}.
         *
         * @param v the time field of C1
         * @return this builder
         */
        public Builder epoch(int v) {
            epoch = v;
            return this;
        }

        /**
         * See {@link ClientSessionConfig#chunkLimits()}.
         *
         * @param v the chunk limits
         * @return this builder
         */
        public Builder chunkLimits(ChunkLimits v) {
            chunkLimits = Objects.requireNonNull(v);
            return this;
        }

        /**
         * See {@link ClientSessionConfig#messageLimits()}.
         *
         * @param v the message limits
         * @return this builder
         */
        public Builder messageLimits(MessageLimits v) {
            messageLimits = Objects.requireNonNull(v);
            return this;
        }

        /**
         * Adds an extra connect property (e.g. "swfUrl", "pageUrl").
         *
         * @param name the property name
         * @param value its value
         * @return this builder
         */
        public Builder property(String name, Amf0Value value) {
            extraProperties.put(Objects.requireNonNull(name), Objects.requireNonNull(value));
            return this;
        }

        /**
         * The configuration.
         *
         * @return the configuration
         */
        public ClientSessionConfig build() {
            return new ClientSessionConfig(this);
        }
    }
}
