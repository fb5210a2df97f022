package io.rtmp4j.session;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.Acknowledgement;
import io.rtmp4j.message.AggregateMessage;
import io.rtmp4j.message.AudioMessage;
import io.rtmp4j.message.Command;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageType;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.SetPeerBandwidth;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.message.UserControl;
import io.rtmp4j.message.VideoMessage;
import io.rtmp4j.message.WindowAcknowledgementSize;
import java.nio.ByteBuffer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.SplittableRandom;
import java.util.concurrent.Executor;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The server side of one RTMP connection as a sans-IO state machine (docs/ARCHITECTURE.md "Layers and modules"): bytes
 * in through {@link #receive}, events out through a {@link ServerSessionListener}, bytes out through
 * {@link #pollOutbound}. No sockets, threads or clocks; not thread-safe: drive one instance from one
 * thread (e.g. its Netty event loop), including the request decisions and the {@code send...} calls. The
 * decisions alone may come from any thread once the transport gave the session a way to that thread
 * ({@link #decisionExecutor}).
 *
 * <pre>{@code
 * ServerSession s = new ServerSession(ServerSessionConfig.defaults(), new SecureRandom(), listener);
 * // on every read:
 * s.receive(buffer);                       // handshake, then chunks; listener events fire in here
 * if (s.hasOutbound()) write(s.pollOutbound());
 * if (s.isCloseRequested()) { flush(); shutdownOutput(); }   // then read until the peer closes
 * // on RtmpProtocolException: close this connection with e.getMessage(), then s.transportClosed(reason)
 * }</pre>
 *
 * <p><b>What it does by itself</b>: the handshake (plain and digest, {@link Handshake#server}); the
 * connect reply sequence ({@link ConnectRequest}); {@code createStream} (answered on message stream 0,
 * ids 1, 2, ...); {@code releaseStream} / {@code FCPublish} / {@code FCUnpublish} answered with
 * {@code _result} (FCUnpublish also with NetStream.Unpublish.Success); {@code deleteStream},
 * {@code closeStream} and {@code FCUnpublish} end a publication ({@link ServerSessionListener#onUnpublish});
 * PingRequest answered; Acknowledgements sent whenever the peer's window is full (rtmp-1.0.txt §5.4.3);
 * aggregates split into the events of their parts; AMF3-labelled commands (17) and data (15) handled
 * like AMF0 ones, and replies labelled like the client's {@code connect} (docs/INTEROP.md "Commands").
 * Publish and play are requests the application decides, possibly later ({@link PublishRequest},
 * {@link PlayRequest}); while a connect or publish is undecided, the client's later messages are held
 * (bounded by {@link ServerSessionConfig#maxHeldMessages()} / {@code maxHeldBytes()}).
 *
 * <p><b>Errors</b>: a protocol violation (malformed chunk/message/AMF, a command before connect, a
 * second connect, publish or play on a stream never created, held-message limits exceeded) throws
 * {@link RtmpProtocolException} from {@link #receive}; the session is then failed and every later
 * {@code receive} throws again. The transport closes that one connection with the message as reason.
 *
 * <p><b>Graceful close</b> ({@link #close}): for each publishing stream StreamEOF then
 * NetStream.Unpublish.Success, for each playing stream StreamEOF then NetStream.Play.UnpublishNotify, in
 * that order in {@link #pollOutbound}; then {@link #isCloseRequested()} turns true: the transport writes
 * everything, flushes, half-closes its write side and reads until the peer closes (docs/INTEROP.md
 * "Closing": closing both directions at once can make the kernel reset the connection and lose the
 * last frames). Bytes received after that are read and dropped.
 *
 * <p><b>Fan-out contract</b> (for a server writing one published frame to many players): instead of
 * calling {@link #sendAudio} and friends per player, a writer may chunk a media message once with a
 * playback's {@link ChunkLayout} ({@link PlayRequest#playback()}) and write the same bytes straight into
 * every player connection with that layout, after whatever {@link #pollOutbound()} returns. The rules
 * are stated once, on {@link ChunkLayout}; this session's share is that every message it writes itself
 * on its media chunk streams ({@value #AUDIO_CSID} audio, {@value #VIDEO_CSID} video, {@value #DATA_CSID}
 * data) starts with a fmt 0 header, and that its outbound chunk size does not change after the connect
 * is accepted, so such writes need no notification.
 */
public final class ServerSession implements RtmpSession {

    /** Chunk stream of audio to players (ffmpeg's audio channel, {@link MessageCodec#CSID_AUDIO}). */
    public static final int AUDIO_CSID = MessageCodec.CSID_AUDIO;
    /** Chunk stream of video to players ({@link MessageCodec#CSID_VIDEO}). */
    public static final int VIDEO_CSID = MessageCodec.CSID_VIDEO;
    /** Chunk stream of data (metadata) to players ({@link MessageCodec#CSID_DATA}, shared with audio as ffmpeg does). */
    public static final int DATA_CSID = MessageCodec.CSID_DATA;

    /** Code of the Enhanced RTMP reconnect request (enhanced-rtmp-v2.md "Reconnect Request"). */
    public static final String RECONNECT_REQUEST_CODE = StatusCode.CONNECT_RECONNECT_REQUEST.code();

    /** Where a session is. */
    public enum State {
        /** Handshake in progress. */
        HANDSHAKE,
        /** Handshake done, waiting for {@code connect}. */
        AWAITING_CONNECT,
        /** {@code connect} received, the application has not decided yet. */
        CONNECT_PENDING,
        /** Connected: streams can be created, published, played. */
        CONNECTED,
        /** Closed (by {@link #close}, a rejected connect, or {@link #transportClosed}). */
        CLOSED
    }

    private enum Mode { IDLE, PUBLISH_PENDING, PUBLISHING, PLAY_PENDING, PLAYING }

    /** The session's state of one message stream (read by {@link Playback}). */
    static final class Stream {
        final int id;
        Mode mode = Mode.IDLE;
        String name = "";
        Object request;
        boolean audio = true;
        boolean video = true;
        boolean paused;

        Stream(int id) {
            this.id = id;
        }
    }

    private final ServerSessionConfig config;
    private final ServerSessionListener listener;
    private volatile Executor decisions = Runnable::run;
    private final Wire wire;
    private final Map<Integer, Stream> streams = new LinkedHashMap<>();
    private final ArrayDeque<RtmpMessage> inbox = new ArrayDeque<>();
    private long inboxBytes;
    private boolean pumping;
    private int pendingPublishes;
    private int nextStreamId = 1;
    private State state = State.HANDSHAKE;
    private boolean closeRequested;
    private MessageType commandType = MessageType.COMMAND_AMF0;
    private ConnectRequest connectRequest;
    private String app = "";
    private String tcUrl;
    private double objectEncoding;
    private EnhancedCapabilities peerCapabilities = EnhancedCapabilities.NONE;

    /**
     * A session with {@link ServerSessionConfig#defaults()} and a non-secure random source for S1/S2.
     *
     * @param listener receives the session's events
     */
    public ServerSession(ServerSessionListener listener) {
        this(ServerSessionConfig.defaults(), new SplittableRandom(), listener);
    }

    /**
     * A session.
     *
     * @param config   settings and limits
     * @param random   source of the handshake's random bytes (rtmp-1.0.txt §5.2.3: need not be secure)
     * @param listener receives the events
     */
    public ServerSession(ServerSessionConfig config, RandomGenerator random, ServerSessionListener listener) {
        this(config, random, Objects.requireNonNull(listener, "listener"), null);
    }

    /**
     * A session whose listener is made for it: {@code listenerOf} is handed this session (before any byte
     * is received), so the listener can keep it and drive it from its callbacks.
     *
     * <pre>{@code
     * ServerSession s = new ServerSession(config, random, session -> new ServerSessionListener() {
     *     public void onPublish(PublishRequest r) { r.accept(); session.sendStatus(...); }
     * });
     * }</pre>
     *
     * @param config     settings and limits
     * @param random     source of the handshake's random bytes (rtmp-1.0.txt §5.2.3: need not be secure)
     * @param listenerOf makes the listener of the session it is given
     */
    public ServerSession(ServerSessionConfig config, RandomGenerator random,
                         Function<? super ServerSession, ? extends ServerSessionListener> listenerOf) {
        this(config, random, null, Objects.requireNonNull(listenerOf, "listenerOf"));
    }

    private ServerSession(ServerSessionConfig config, RandomGenerator random, ServerSessionListener listener,
                          Function<? super ServerSession, ? extends ServerSessionListener> listenerOf) {
        this.config = Objects.requireNonNull(config, "config");
        this.wire = new Wire(Handshake.server(random, config.epoch()), config.chunkLimits(), config.messageLimits(),
                AUDIO_CSID, VIDEO_CSID, DATA_CSID);
        // last: a listener made for this session sees it fully built
        this.listener = listener != null ? listener
                : Objects.requireNonNull(listenerOf.apply(this), "the listener made for the session");
    }

    // ------------------------------------------------------------------------------------------------
    // bytes in / out

    /**
     * Consumes every byte of {@code in}: handshake first, then the chunk stream (including any bytes that
     * followed C2 in the same read). Listener events fire from inside this call.
     *
     * @param in the bytes received; consumed entirely
     * @throws RtmpProtocolException on a protocol violation (then on every later call)
     */
    @Override
    public void receive(ByteBuffer in) {
        if (state == State.CLOSED) {
            in.position(in.limit()); // closing: read and drop until the peer closes
            return;
        }
        wire.receive(in, this::handshakeDone, this::enqueue);
    }

    /**
     * Whether {@link #pollOutbound()} has bytes.
     *
     * @return true while bytes wait
     */
    @Override
    public boolean hasOutbound() {
        return wire.hasOutbound();
    }

    /**
     * How many bytes {@link #pollOutbound()} would return now: the session never drops or blocks, so a
     * transport that cannot write (a slow peer) watches this to apply its own limit.
     *
     * @return the number of bytes queued
     */
    @Override
    public int pendingOutboundBytes() {
        return wire.pendingOutboundBytes();
    }

    /**
     * Every byte queued since the last call (handshake, replies, media), coalesced into one buffer the
     * caller owns; empty when there is nothing.
     *
     * @return the bytes to send, possibly empty
     */
    @Override
    public ByteBuffer pollOutbound() {
        return wire.pollOutbound();
    }

    /**
     * True once the session wants the connection closed: after {@link #close} or a rejected connect. The
     * transport writes {@link #pollOutbound()}, flushes, half-closes its write side and keeps reading
     * until the peer closes.
     *
     * @return true once a close is due
     */
    @Override
    public boolean isCloseRequested() {
        return closeRequested;
    }

    /**
     * Where the session is.
     *
     * @return the state
     */
    public State state() {
        return state;
    }

    @Override
    public Phase phase() {
        return switch (state) {
            case HANDSHAKE -> Phase.HANDSHAKE;
            case AWAITING_CONNECT -> Phase.AWAITING_CONNECT;
            case CONNECT_PENDING -> Phase.DECIDING_CONNECT;
            case CONNECTED -> Phase.CONNECTED;
            case CLOSED -> Phase.CLOSED;
        };
    }

    // ------------------------------------------------------------------------------------------------
    // connection facts

    /**
     * The app of the accepted (or pending) connect; "" before.
     *
     * @return the app
     */
    public String app() {
        return app;
    }

    /**
     * The tcUrl of the connect, or null if none was sent (or before connect).
     *
     * @return the tcUrl, or null
     */
    public String tcUrl() {
        return tcUrl;
    }

    /**
     * The client's objectEncoding (0 AMF0, 3 AMF3).
     *
     * @return the object encoding
     */
    public double objectEncoding() {
        return objectEncoding;
    }

    /**
     * The client's Enhanced RTMP block from its connect.
     *
     * @return the client's capabilities
     */
    public EnhancedCapabilities peerCapabilities() {
        return peerCapabilities;
    }

    /**
     * The chunk size this session writes with: 128 until the connect is accepted, then the configured size.
     *
     * @return the outbound chunk size in bytes
     */
    @Override
    public int outboundChunkSize() {
        return wire.chunkSize();
    }

    /**
     * The chunk stream id media of this kind goes out on ({@link #AUDIO_CSID}, {@link #VIDEO_CSID}, {@link #DATA_CSID}).
     *
     * @param kind audio, video or data
     * @return the chunk stream id
     */
    public static int chunkStreamId(MediaKind kind) {
        return switch (kind) {
            case AUDIO -> AUDIO_CSID;
            case VIDEO -> VIDEO_CSID;
            case DATA -> DATA_CSID;
        };
    }

    /**
     * Whether {@code streamId} is an accepted publishing stream.
     *
     * @param streamId the message stream id
     * @return true if it is publishing
     */
    public boolean isPublishing(int streamId) {
        Stream s = streams.get(streamId);
        return s != null && s.mode == Mode.PUBLISHING;
    }

    /**
     * Whether {@code streamId} is an accepted playing stream.
     *
     * @param streamId the message stream id
     * @return true if it is playing
     */
    public boolean isPlaying(int streamId) {
        Stream s = streams.get(streamId);
        return s != null && s.mode == Mode.PLAYING;
    }

    /**
     * Whether the player on {@code streamId} wants audio (receiveAudio, default true).
     *
     * @param streamId the message stream id
     * @return true if audio goes to it
     */
    public boolean receivesAudio(int streamId) {
        Stream s = streams.get(streamId);
        return s != null && s.audio;
    }

    /**
     * Whether the player on {@code streamId} wants video (receiveVideo, default true).
     *
     * @param streamId the message stream id
     * @return true if video goes to it
     */
    public boolean receivesVideo(int streamId) {
        Stream s = streams.get(streamId);
        return s != null && s.video;
    }

    /**
     * Whether the player on {@code streamId} has paused.
     *
     * @param streamId the message stream id
     * @return true if paused
     */
    public boolean isPaused(int streamId) {
        Stream s = streams.get(streamId);
        return s != null && s.paused;
    }

    // ------------------------------------------------------------------------------------------------
    // sending

    /**
     * Audio to a playing stream; false (and nothing sent) if it is not playing, paused, closed or refused audio.
     *
     * @param streamId the playing stream
     * @param timestamp the timestamp in ms
     * @param payload the audio tag body
     * @return true if queued; false if the stream is not playing, is paused or does not want this kind, or
     *     the session is closed
     */
    public boolean sendAudio(int streamId, long timestamp, byte[] payload) {
        return sendMedia(MediaKind.AUDIO, streamId, timestamp, payload);
    }

    /**
     * Video to a playing stream; false (and nothing sent) if it is not playing, paused, closed or refused video.
     *
     * @param streamId the playing stream
     * @param timestamp the timestamp in ms
     * @param payload the video tag body
     * @return true if queued; false if the stream is not playing, is paused or does not want this kind, or
     *     the session is closed
     */
    public boolean sendVideo(int streamId, long timestamp, byte[] payload) {
        return sendMedia(MediaKind.VIDEO, streamId, timestamp, payload);
    }

    /**
     * Data to a playing stream, as type 18 (AMF0) with this encoded body (e.g. {@link Metadata#payload()});
     * false if it is not playing or the session is closed.
     *
     * @param streamId the playing stream
     * @param timestamp the timestamp in ms
     * @param amf0Body the encoded AMF0 body
     * @return true if queued; false if the stream is not playing or is paused, or the session is closed
     */
    public boolean sendData(int streamId, long timestamp, byte[] amf0Body) {
        return sendMedia(MediaKind.DATA, streamId, timestamp, amf0Body);
    }

    /**
     * Metadata to a playing stream at timestamp 0 (late joiners get it first).
     *
     * @param streamId the playing stream
     * @param metadata the metadata
     * @return true if queued; false if the stream is not playing or is paused, or the session is closed
     */
    public boolean sendMetadata(int streamId, Metadata metadata) {
        return sendMedia(MediaKind.DATA, streamId, 0, metadata.payload());
    }

    private boolean sendMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        Stream s = streams.get(streamId);
        if (state == State.CLOSED || s == null || s.mode != Mode.PLAYING || s.paused
                || (kind == MediaKind.AUDIO && !s.audio) || (kind == MediaKind.VIDEO && !s.video)) {
            return false;
        }
        wire.sendRaw(new RawMessage(chunkStreamId(kind), kind.messageType().id(), timestamp, streamId, payload));
        return true;
    }

    /**
     * Any message, as is (e.g. an {@link AggregateMessage}, a reply to {@link ServerSessionListener#onCommand}); false if closed.
     *
     * @param message the message
     * @return true if queued, false if the session is closed
     */
    public boolean send(RtmpMessage message) {
        Objects.requireNonNull(message, "message");
        if (state == State.CLOSED) {
            return false;
        }
        wire.send(message);
        return true;
    }

    /**
     * User Control StreamBegin (rtmp-1.0.txt §7.1.7).
     *
     * @param streamId the message stream id
     * @return true if queued, false if the session is closed
     */
    public boolean sendStreamBegin(int streamId) {
        return send(new UserControl.StreamBegin(streamId));
    }

    /**
     * User Control StreamEOF.
     *
     * @param streamId the message stream id
     * @return true if queued, false if the session is closed
     */
    public boolean sendStreamEof(int streamId) {
        return send(new UserControl.StreamEof(streamId));
    }

    /**
     * User Control StreamDry: no data on the stream for now.
     *
     * @param streamId the message stream id
     * @return true if queued, false if the session is closed
     */
    public boolean sendStreamDry(int streamId) {
        return send(new UserControl.StreamDry(streamId));
    }

    /**
     * User Control StreamIsRecorded.
     *
     * @param streamId the message stream id
     * @return true if queued, false if the session is closed
     */
    public boolean sendStreamIsRecorded(int streamId) {
        return send(new UserControl.StreamIsRecorded(streamId));
    }

    /**
     * User Control PingRequest with the caller's time (milliseconds, unsigned 32-bit; time is passed in).
     *
     * @param pingTime the caller's time in ms
     * @return true if queued, false if the session is closed
     */
    @Override
    public boolean sendPingRequest(long pingTime) {
        return send(new UserControl.PingRequest(pingTime & 0xFFFF_FFFFL));
    }

    /**
     * {@code onStatus} on a stream (0 for NetConnection) with a known code.
     *
     * @param streamId the stream (0 for NetConnection)
     * @param code the status code
     * @param description a sentence, or null for the code's default
     * @return true if queued, false if the session is closed
     */
    public boolean sendStatus(int streamId, StatusCode code, String description) {
        return send(label(Commands.onStatus(streamId, code, description == null ? code.defaultDescription() : description)));
    }

    /**
     * {@code onStatus} with any level / code and extra info properties ({@code extra} may be null).
     *
     * @param streamId the stream (0 for NetConnection)
     * @param level status, warning or error
     * @param code the code string
     * @param description a sentence
     * @param extra more properties, or null
     * @return true if queued, false if the session is closed
     */
    public boolean sendStatus(int streamId, StatusCode.Level level, String code, String description,
                              Amf0Properties extra) {
        return send(label(Commands.onStatus(streamId, level, code, description, extra)));
    }

    /**
     * The publisher of a played stream came (back): StreamBegin, then NetStream.Play.PublishNotify.
     *
     * @param streamId the playing stream
     * @return true if queued, false if the session is closed
     */
    public boolean notifyPublish(int streamId) {
        sendStreamBegin(streamId);
        return sendStatus(streamId, StatusCode.PLAY_PUBLISH_NOTIFY, null);
    }

    /**
     * The publisher of a played stream left: StreamEOF, then NetStream.Play.UnpublishNotify. The player
     * keeps its stream (a republish continues it, as with nginx-rtmp).
     *
     * @param streamId the playing stream
     * @return true if queued, false if the session is closed
     */
    public boolean notifyUnpublish(int streamId) {
        sendStreamEof(streamId);
        return sendStatus(streamId, StatusCode.PLAY_UNPUBLISH_NOTIFY, null);
    }

    /**
     * Enhanced RTMP Reconnect Request (enhanced-rtmp-v2.md "Reconnect Request"): {@code onStatus} on stream
     * 0, level status, code {@link #RECONNECT_REQUEST_CODE} ({@code NetConnection.Connect.ReconnectRequest}), with the optional tcUrl (absolute or relative)
     * and description. The session keeps going: the client disconnects when it has reconnected.
     *
     * @param tcUrl where to reconnect, or null for the same server
     * @param description a sentence, or null
     * @return true if queued, false if the session is closed
     */
    public boolean sendReconnectRequest(String tcUrl, String description) {
        Amf0Object.Builder info = Amf0Object.builder();
        if (tcUrl != null) {
            info.put("tcUrl", tcUrl);
        }
        if (description != null) {
            info.put("description", description);
        }
        info.put("code", RECONNECT_REQUEST_CODE).put("level", StatusCode.Level.STATUS.wireName());
        return send(label(new CommandMessage(Commands.ON_STATUS, 0, Amf0Null.INSTANCE, List.of(info.build()), 0)));
    }

    // ------------------------------------------------------------------------------------------------
    // decisions from other threads

    /**
     * Sets where the request decisions ({@link ConnectRequest}, {@link PublishRequest},
     * {@link PlayRequest}: accept and reject) run, so that an application may decide from any thread
     * (e.g. when an asynchronous authorization completes). The executor must run a task at once when
     * called on the thread that drives this session, and otherwise hand it to that thread, which then
     * sends what the decision queued (the transport writes and flushes {@link #pollOutbound()}). Set it
     * before the first {@link #receive}. Default: the decision runs in the calling thread, which must be
     * the driving one. Any thread.
     *
     * @param executor runs a decision on the thread that drives this session
     */
    public void decisionExecutor(Executor executor) {
        decisions = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Runs a decision through the {@link #decisionExecutor}: its result when it ran at once (on the
     * driving thread), true when it was handed to the driving thread (where a stream deleted or a session
     * closed meanwhile makes it do nothing).
     */
    boolean decide(BooleanSupplier decision) {
        final class Outcome {
            volatile boolean ran;
            volatile boolean result;
        }
        Outcome o = new Outcome();
        decisions.execute(() -> {
            o.result = decision.getAsBoolean();
            o.ran = true;
        });
        return !o.ran || o.result;
    }

    // ------------------------------------------------------------------------------------------------
    // closing

    /**
     * Graceful close (see the class comment): ends every active stream with StreamEOF and its status,
     * reports {@link ServerSessionListener#onUnpublish} / {@link ServerSessionListener#onPlayStop} and
     * {@link ServerSessionListener#onClose}, and requests close-after-flush. Idempotent.
     *
     * @param reason why, for {@link ServerSessionListener#onClose}
     */
    @Override
    public void close(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        for (Stream s : new ArrayList<>(streams.values())) {
            if (s.mode == Mode.PUBLISHING) {
                wire.send(new UserControl.StreamEof(s.id));
                wire.send(label(Commands.onStatus(s.id, StatusCode.UNPUBLISH_SUCCESS, s.name + " is now unpublished.")));
            } else if (s.mode == Mode.PLAYING) {
                wire.send(new UserControl.StreamEof(s.id));
                wire.send(label(Commands.onStatus(s.id, StatusCode.PLAY_UNPUBLISH_NOTIFY, s.name + " is now unpublished.")));
            }
        }
        closeRequested = true;
        shutdown(reason);
    }

    /**
     * The connection is gone (peer closed, I/O error, or the transport closed it after an
     * {@link RtmpProtocolException}): reports the end of active streams and {@link ServerSessionListener#onClose}.
     * Idempotent; nothing is sent.
     *
     * @param reason why the connection ended
     */
    @Override
    public void transportClosed(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        shutdown(reason);
    }

    private void shutdown(String reason) {
        state = State.CLOSED;
        inbox.clear();
        inboxBytes = 0;
        for (Stream s : new ArrayList<>(streams.values())) {
            stop(s);
        }
        listener.onClose(reason);
    }

    // ------------------------------------------------------------------------------------------------
    // inbound processing

    private void handshakeDone() {
        state = State.AWAITING_CONNECT;
    }

    private boolean holding() {
        return state == State.CONNECT_PENDING || pendingPublishes > 0;
    }

    private static long weight(RtmpMessage m) {
        if (m instanceof AudioMessage a) {
            return a.payload().length;
        } else if (m instanceof VideoMessage v) {
            return v.payload().length;
        } else if (m instanceof AggregateMessage g) {
            return g.body().length;
        }
        return 64;
    }

    private void enqueue(RtmpMessage m) {
        if (state == State.CLOSED) {
            return;
        }
        if (holding()) {
            if (inbox.size() >= config.maxHeldMessages() || inboxBytes + weight(m) > config.maxHeldBytes()) {
                throw new RtmpProtocolException("peer sent more than " + config.maxHeldMessages() + " messages / "
                        + config.maxHeldBytes() + " bytes while its request was undecided");
            }
        }
        inbox.addLast(m);
        inboxBytes += weight(m);
        pump();
    }

    private void pump() {
        if (pumping) {
            return;
        }
        pumping = true;
        try {
            while (!inbox.isEmpty() && !holding() && state != State.CLOSED) {
                RtmpMessage m = inbox.pollFirst();
                inboxBytes -= weight(m);
                dispatch(m);
            }
        } finally {
            pumping = false;
        }
    }

    private void dispatch(RtmpMessage m) {
        if (m instanceof CommandMessage c) {
            command(c);
        } else if (state != State.CONNECTED) {
            return; // nothing but commands matters before connect is accepted
        } else if (m instanceof AudioMessage a) {
            media(MediaKind.AUDIO, a.messageStreamId(), a.timestamp(), a.payload());
        } else if (m instanceof VideoMessage v) {
            media(MediaKind.VIDEO, v.messageStreamId(), v.timestamp(), v.payload());
        } else if (m instanceof DataMessage d) {
            data(d);
        } else if (m instanceof AggregateMessage g) {
            // rtmp-1.0.txt §7.1.6: the parts are processed as if they had arrived one by one.
            List<RtmpMessage> parts = wire.codec().split(g);
            for (int i = parts.size() - 1; i >= 0; i--) {
                RtmpMessage part = parts.get(i);
                if (part instanceof AggregateMessage) {
                    throw new RtmpProtocolException("aggregate message nested in an aggregate (rtmp-1.0.txt §7.1.6)");
                }
                inbox.addFirst(part);
                inboxBytes += weight(part);
            }
        } else if (m instanceof UserControl u) {
            userControl(u);
        } else if (m instanceof Acknowledgement a) {
            listener.onAcknowledgement(a.sequenceNumber());
        }
        // Set Chunk Size, Abort and Window Acknowledgement Size were applied by the chunk decoder; Set Peer
        // Bandwidth, shared objects and unknown types are ignored.
    }

    private void userControl(UserControl u) {
        if (u instanceof UserControl.PingRequest p) {
            wire.send(p.response());
        } else if (u instanceof UserControl.PingResponse p) {
            listener.onPingResponse(p.pingTime());
        } else if (u instanceof UserControl.SetBufferLength b) {
            listener.onSetBufferLength(b.streamId(), b.bufferLengthMs());
        }
    }

    private void media(MediaKind kind, int streamId, long timestamp, byte[] payload) {
        Stream s = streams.get(streamId);
        if (s != null && s.mode == Mode.PUBLISHING) {
            listener.onMedia(kind, streamId, timestamp, payload);
        }
        // media on a stream that is not publishing (e.g. after FCUnpublish, or a rejected publish) is dropped
    }

    private void data(DataMessage d) {
        Stream s = streams.get(d.messageStreamId());
        if (s == null || s.mode != Mode.PUBLISHING) {
            return;
        }
        DataMessage plain = d.withoutSetDataFrame().withType(MessageType.DATA_AMF0);
        byte[] body = wire.codec().encode(plain).payload();
        if (plain.name().filter(DataMessage.ON_META_DATA::equals).isPresent()) {
            listener.onMetadata(new Metadata(s.id, d.timestamp(), plain, body));
        } else {
            listener.onMedia(MediaKind.DATA, s.id, d.timestamp(), body);
        }
    }

    private void command(CommandMessage c) {
        Command cmd = Command.parse(c);
        if (state == State.AWAITING_CONNECT) {
            if (!(cmd instanceof Command.Connect connect)) {
                throw new RtmpProtocolException("'" + c.name() + "' before connect (rtmp-1.0.txt §7.2.1.1)");
            }
            connect(connect);
            return;
        }
        if (state != State.CONNECTED) {
            return;
        }
        double txn = c.transactionId();
        int msid = c.messageStreamId();
        if (cmd instanceof Command.Connect) {
            throw new RtmpProtocolException("second connect on one connection");
        } else if (cmd instanceof Command.CreateStream) {
            createStream(txn);
        } else if (cmd instanceof Command.ReleaseStream r) {
            answer(txn);
            listener.onReleaseStream(r.streamName());
        } else if (cmd instanceof Command.FcPublish f) {
            answer(txn);
            listener.onFcPublish(f.streamName());
        } else if (cmd instanceof Command.FcUnpublish f) {
            answer(txn);
            for (Stream s : new ArrayList<>(streams.values())) {
                if ((s.mode == Mode.PUBLISHING || s.mode == Mode.PUBLISH_PENDING) && s.name.equals(f.streamName())) {
                    boolean was = s.mode == Mode.PUBLISHING;
                    stop(s);
                    if (was) {
                        wire.send(label(Commands.onStatus(s.id, StatusCode.UNPUBLISH_SUCCESS,
                                f.streamName() + " is now unpublished.")));
                    }
                }
            }
        } else if (cmd instanceof Command.Publish p) {
            publish(p, existing(msid, c.name()));
        } else if (cmd instanceof Command.Play p) {
            play(p, existing(msid, c.name()));
        } else if (cmd instanceof Command.DeleteStream d) {
            Stream s = streams.remove(d.deletedStreamId());
            if (s != null) {
                stop(s);
                listener.onDeleteStream(s.id);
            }
        } else if (cmd instanceof Command.CloseStream) {
            Stream s = streams.get(msid);
            if (s != null) {
                stop(s);
                listener.onCloseStream(s.id);
            }
        } else if (cmd instanceof Command.ReceiveAudio r) {
            Stream s = streams.get(msid);
            if (s != null) {
                s.audio = r.receive();
                listener.onReceiveAudio(msid, r.receive());
            }
        } else if (cmd instanceof Command.ReceiveVideo r) {
            Stream s = streams.get(msid);
            if (s != null) {
                s.video = r.receive();
                listener.onReceiveVideo(msid, r.receive());
            }
        } else if (cmd instanceof Command.Pause p) {
            Stream s = streams.get(msid);
            if (s != null && s.mode == Mode.PLAYING) {
                s.paused = p.pause();
                // rtmp-1.0.txt §7.2.2.8: the server answers NetStream.Pause.Notify / NetStream.Unpause.Notify
                wire.send(label(Commands.onStatus(msid, p.pause() ? StatusCode.PAUSE_NOTIFY : StatusCode.UNPAUSE_NOTIFY)));
                listener.onPause(msid, p.pause(), p.milliseconds());
            }
        } else if (cmd instanceof Command.Seek s) {
            listener.onSeek(msid, s.milliseconds());
        } else {
            listener.onCommand(c);
        }
    }

    private Stream existing(int msid, String what) {
        Stream s = streams.get(msid);
        if (s == null) {
            throw new RtmpProtocolException("'" + what + "' on message stream " + Integer.toUnsignedString(msid)
                    + ", which createStream did not create");
        }
        return s;
    }

    private void connect(Command.Connect connect) {
        CommandMessage c = connect.message();
        commandType = c.type();
        app = connect.app();
        tcUrl = connect.tcUrl().orElse(null);
        objectEncoding = connect.objectEncoding();
        connectRequest = new ConnectRequest(this, connect);
        peerCapabilities = connectRequest.enhanced();
        state = State.CONNECT_PENDING;
        listener.onConnect(connectRequest);
    }

    boolean acceptConnect(ConnectRequest request, EnhancedCapabilities serverCapabilities) {
        if (state != State.CONNECT_PENDING || request != connectRequest) {
            return false;
        }
        // nginx-rtmp's order: Window Acknowledgement Size, Set Peer Bandwidth, Set Chunk Size, _result
        wire.send(new WindowAcknowledgementSize(config.windowAckSize()));
        wire.send(new SetPeerBandwidth(config.peerBandwidth(), SetPeerBandwidth.LimitType.DYNAMIC));
        wire.setChunkSize(config.chunkSize());
        Amf0Object.Builder properties = Amf0Object.builder()
                .put("fmsVer", config.fmsVer())
                .put("capabilities", config.capabilities())
                .put("mode", 1.0);
        serverCapabilities.writeTo(properties);
        Amf0Object info = Commands.statusInfo(StatusCode.CONNECT_SUCCESS.level(), StatusCode.CONNECT_SUCCESS.code(),
                StatusCode.CONNECT_SUCCESS.defaultDescription(),
                Amf0Object.builder().put("objectEncoding", request.objectEncoding()).build());
        wire.send(label(Commands.result(request.message().transactionId(), properties.build(), info)));
        state = State.CONNECTED;
        pump();
        return true;
    }

    boolean rejectConnect(ConnectRequest request, StatusCode code, String description) {
        if (state != State.CONNECT_PENDING || request != connectRequest) {
            return false;
        }
        wire.send(label(Commands.connectError(request.message().transactionId(), code, description)));
        closeRequested = true;
        shutdown("connect rejected: " + description);
        return true;
    }

    private void createStream(double txn) {
        if (streams.size() >= config.maxStreams()) {
            wire.send(label(Commands.error(txn, Amf0Null.INSTANCE, Commands.statusInfo(StatusCode.Level.ERROR,
                    StatusCode.CALL_FAILED.code(), "too many streams (" + config.maxStreams() + ")", null))));
            return;
        }
        int id = nextStreamId;
        while (streams.containsKey(id) || id == 0) {
            id++;
        }
        nextStreamId = id + 1;
        streams.put(id, new Stream(id));
        // the createStream _result goes out on message stream 0 (docs/INTEROP.md "Commands")
        wire.send(label(Commands.createStreamResult(txn, id)));
        listener.onCreateStream(id);
    }

    private void answer(double txn) {
        if (txn != 0) {
            wire.send(label(Commands.result(txn)));
        }
    }

    private void publish(Command.Publish p, Stream s) {
        if (s.mode != Mode.IDLE) {
            wire.send(label(Commands.onStatus(s.id, StatusCode.PUBLISH_BAD_NAME, "stream " + s.id + " is busy")));
            return;
        }
        PublishRequest r = new PublishRequest(this, s.id, p.streamName(), p.typeName(), p.message());
        s.mode = Mode.PUBLISH_PENDING;
        s.name = p.streamName();
        s.request = r;
        pendingPublishes++;
        listener.onPublish(r);
    }

    boolean acceptPublish(PublishRequest r) {
        Stream s = streams.get(r.streamId());
        if (state != State.CONNECTED || s == null || s.request != r || s.mode != Mode.PUBLISH_PENDING) {
            return false;
        }
        s.mode = Mode.PUBLISHING;
        pendingPublishes--;
        Amf0Object details = Amf0Object.builder().put("details", r.streamName()).build();
        wire.send(label(Commands.onStatus(s.id, StatusCode.PUBLISH_START, r.streamName() + " is now published.", details)));
        pump();
        return true;
    }

    boolean rejectPublish(PublishRequest r, StatusCode code, String description) {
        Stream s = streams.get(r.streamId());
        if (state != State.CONNECTED || s == null || s.request != r || s.mode != Mode.PUBLISH_PENDING) {
            return false;
        }
        s.mode = Mode.IDLE;
        s.request = null;
        pendingPublishes--;
        wire.send(label(Commands.onStatus(s.id, code, description)));
        pump();
        return true;
    }

    private void play(Command.Play p, Stream s) {
        if (s.mode != Mode.IDLE) {
            wire.send(label(Commands.onStatus(s.id, StatusCode.PLAY_FAILED, "stream " + s.id + " is busy")));
            return;
        }
        PlayRequest r = new PlayRequest(this, s, p.streamName(), p.start(), p.duration(), p.reset(), p.message());
        s.mode = Mode.PLAY_PENDING;
        s.name = p.streamName();
        s.request = r;
        listener.onPlay(r);
    }

    boolean acceptPlay(PlayRequest r) {
        Stream s = streams.get(r.streamId());
        if (state != State.CONNECTED || s == null || s.request != r || s.mode != Mode.PLAY_PENDING) {
            return false;
        }
        s.mode = Mode.PLAYING;
        Amf0Object details = Amf0Object.builder().put("details", r.streamName()).build();
        // docs/INTEROP.md "Commands": Play.Reset (some players depend on it coming first), StreamBegin,
        // Play.Start, |RtmpSampleAccess at timestamp 0: what nginx-rtmp sends (bar the Reset, which it
        // never sends). No NetStream.Data.Start: SRS and FMS send it as a data message "onStatus", and
        // FFmpeg's FLV demuxer (5.1 and 8.1, libavformat/flvdec.c) turns a data message of a name it does
        // not know into a data stream of its own that never gets another packet, so `ffmpeg -map 0`
        // waits for it forever. |RtmpSampleAccess is a name it knows and skips at timestamp 0.
        if (r.reset()) {
            wire.send(label(Commands.onStatus(s.id, StatusCode.PLAY_RESET, "Playing and resetting " + r.streamName() + ".",
                    details)));
        }
        wire.send(new UserControl.StreamBegin(s.id));
        wire.send(label(Commands.onStatus(s.id, StatusCode.PLAY_START, "Started playing " + r.streamName() + ".", details)));
        wire.send(DataMessage.rtmpSampleAccess(s.id, true, true));
        return true;
    }

    boolean rejectPlay(PlayRequest r, StatusCode code, String description) {
        Stream s = streams.get(r.streamId());
        if (state != State.CONNECTED || s == null || s.request != r || s.mode != Mode.PLAY_PENDING) {
            return false;
        }
        s.mode = Mode.IDLE;
        s.request = null;
        wire.send(label(Commands.onStatus(s.id, code, description)));
        return true;
    }

    /** Ends whatever the stream is doing, reporting the end of an active publication or playback. */
    private void stop(Stream s) {
        Mode was = s.mode;
        s.mode = Mode.IDLE;
        s.request = null;
        s.paused = false;
        if (was == Mode.PUBLISH_PENDING) {
            pendingPublishes--;
        } else if (was == Mode.PUBLISHING) {
            listener.onUnpublish(s.id, s.name);
        } else if (was == Mode.PLAYING) {
            listener.onPlayStop(s.id, s.name);
        }
    }

    /** Labels a reply like the client's connect: type 17 (with its 0x00 format byte) for an AMF3 client. */
    private CommandMessage label(CommandMessage m) {
        return commandType == MessageType.COMMAND_AMF3 ? m.withType(MessageType.COMMAND_AMF3) : m;
    }
}
