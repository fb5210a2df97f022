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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The client side of one RTMP connection as a sans-IO state machine (docs/ARCHITECTURE.md "Layers and modules"): bytes in
 * through {@link #receive}, events out through a {@link ClientSessionListener}, bytes out through
 * {@link #pollOutbound}. No sockets, threads or clocks; not thread-safe.
 *
 * <pre>{@code
 * ClientSession c = new ClientSession(ClientSessionConfig.forUrl(url).build(), listener);
 * c.publish(url.streamName());            // or c.play(...); may be called before connected
 * write(c.pollOutbound());                // C0+C1 are ready at once
 * // on every read: c.receive(buf); write(c.pollOutbound());
 * // after onStatus NetStream.Publish.Start: c.sendMetadata(meta); c.sendVideo(ts, tag); ...
 * c.close("done");  write(c.pollOutbound()); if (c.isCloseRequested()) { flush(); shutdownOutput(); }
 * }</pre>
 *
 * <p>Flows:
 * <ul>
 *   <li>connect, sent as soon as the handshake is done: app, flashVer, tcUrl, fpad, capabilities,
 *       audioCodecs, videoCodecs, videoFunction, objectEncoding, the configured extra properties, and the
 *       Enhanced RTMP block if any ({@link ClientSessionConfig#enhanced()}; empty = exactly the legacy
 *       bytes). Set Chunk Size follows the {@code _result} (docs/INTEROP.md "Chunk stream").</li>
 *   <li>publish: releaseStream, FCPublish, createStream, then on its {@code _result} publish (as OBS and
 *       ffmpeg); {@link #isPublishing()} after NetStream.Publish.Start. Media may be sent as soon as
 *       {@link #streamId()} is known: some servers are slow to send Publish.Start (docs/INTEROP.md
 *       "Commands"), so waiting for it is the application's choice.</li>
 *   <li>play: createStream, then on its {@code _result} SetBufferLength (stream 0, the new stream id) and
 *       play. Media is delivered as soon as play was asked, before Play.Start if the server sends it so.</li>
 * </ul>
 * Set Peer Bandwidth is answered with Window Acknowledgement Size (rtmp-1.0.txt §5.4.5), PingRequest with
 * PingResponse, and Acknowledgements are sent per the server's window. Aggregates from the server arrive as
 * the events of their parts.
 *
 * <p>Errors: a protocol violation throws {@link RtmpProtocolException} from {@link #receive}; the session
 * is then failed. Graceful close ({@link #close}): FCUnpublish and deleteStream for a publication,
 * deleteStream for a playback, then {@link #isCloseRequested()}: the transport flushes, half-closes and
 * reads until the server closes.
 */
public final class ClientSession implements RtmpSession {

    /** Chunk stream of outbound audio (ffmpeg's). */
    public static final int AUDIO_CSID = MessageCodec.CSID_AUDIO;
    /** Chunk stream of outbound video (ffmpeg's). */
    public static final int VIDEO_CSID = MessageCodec.CSID_VIDEO;
    /** Chunk stream of outbound data / metadata (ffmpeg's, shared with audio). */
    public static final int DATA_CSID = MessageCodec.CSID_DATA;

    /** Where a client session is. */
    public enum State {
        /** Handshake in progress. */
        HANDSHAKE,
        /** connect sent, no answer yet. */
        CONNECTING,
        /** connect accepted. */
        CONNECTED,
        /** Closed (by {@link #close}, a refused connect, or {@link #transportClosed}). */
        CLOSED
    }

    private enum Intent { NONE, PUBLISH, PLAY }

    private final ClientSessionConfig config;
    private final ClientSessionListener listener;
    private final Wire wire;
    private final Map<Double, String> pending = new HashMap<>();
    private double nextTransactionId = 1;
    private State state = State.HANDSHAKE;
    private boolean closeRequested;
    private Intent intent = Intent.NONE;
    private boolean flowStarted;
    private String streamName;
    private Commands.PublishType publishType = Commands.PublishType.LIVE;
    private int streamId = -1;
    private boolean publishing;
    private long lastWindowSent = -1;
    private double serverObjectEncoding;
    private EnhancedCapabilities serverCapabilities = EnhancedCapabilities.NONE;

    /**
     * A client with a non-secure random source for C1/C2.
     *
     * @param config the connect settings
     * @param listener receives the session's events
     */
    public ClientSession(ClientSessionConfig config, ClientSessionListener listener) {
        this(config, new SplittableRandom(), listener);
    }

    /**
     * A client; C0+C1 are queued at once in {@link #pollOutbound()}.
     *
     * @param config the connect settings
     * @param listener receives the session's events
     * @param random source of C1's random bytes (need not be secure, rtmp-1.0.txt §5.2.3)
     */
    public ClientSession(ClientSessionConfig config, RandomGenerator random, ClientSessionListener listener) {
        this(config, random, Objects.requireNonNull(listener, "listener"), null);
    }

    /**
     * A client whose listener is made for it: {@code listenerOf} is handed this session (before any byte
     * is received), so the listener can keep it and drive it from its callbacks (e.g. publish once
     * connected).
     *
     * @param config     the connect settings
     * @param random     source of C1's random bytes (need not be secure, rtmp-1.0.txt §5.2.3)
     * @param listenerOf makes the listener of the session it is given
     */
    public ClientSession(ClientSessionConfig config, RandomGenerator random,
                         Function<? super ClientSession, ? extends ClientSessionListener> listenerOf) {
        this(config, random, null, Objects.requireNonNull(listenerOf, "listenerOf"));
    }

    private ClientSession(ClientSessionConfig config, RandomGenerator random, ClientSessionListener listener,
                          Function<? super ClientSession, ? extends ClientSessionListener> listenerOf) {
        this.config = Objects.requireNonNull(config, "config");
        this.wire = new Wire(Handshake.client(config.handshakeKind(), random, config.epoch()), config.chunkLimits(),
                config.messageLimits());
        // last: a listener made for this session sees it fully built
        this.listener = listener != null ? listener
                : Objects.requireNonNull(listenerOf.apply(this), "the listener made for the session");
    }

    // ------------------------------------------------------------------------------------------------
    // bytes in / out

    /**
     * Consumes every byte of {@code in}; listener events fire from inside this call.
     *
     * @param in the bytes received; consumed entirely
     * @throws RtmpProtocolException on a protocol violation (then on every later call)
     */
    @Override
    public void receive(ByteBuffer in) {
        if (state == State.CLOSED) {
            in.position(in.limit());
            return;
        }
        wire.receive(in, this::handshakeDone, this::dispatch);
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
     * Every byte queued since the last call, coalesced into one buffer the caller owns; empty when none.
     *
     * @return the bytes to send, possibly empty
     */
    @Override
    public ByteBuffer pollOutbound() {
        return wire.pollOutbound();
    }

    /**
     * True once the session wants the connection closed (after {@link #close} or a refused connect).
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
            case CONNECTING -> Phase.AWAITING_CONNECT;
            case CONNECTED -> Phase.CONNECTED;
            case CLOSED -> Phase.CLOSED;
        };
    }

    /**
     * The stream created for publish / play, or −1 before its createStream {@code _result}.
     *
     * @return the stream id, or −1
     */
    public int streamId() {
        return streamId;
    }

    /**
     * Whether NetStream.Publish.Start has been received for the publication.
     *
     * @return true while publishing
     */
    public boolean isPublishing() {
        return publishing;
    }

    /**
     * The tcUrl this session connects with.
     *
     * @return the tcUrl
     */
    public String tcUrl() {
        return config.tcUrl();
    }

    /**
     * The server's Enhanced RTMP block from the connect {@code _result} (NONE before / from a legacy server).
     *
     * @return the server's capabilities
     */
    public EnhancedCapabilities serverCapabilities() {
        return serverCapabilities;
    }

    /**
     * The chunk size this session writes with (128 until the connect {@code _result}, then the configured size).
     *
     * @return the outbound chunk size in bytes
     */
    @Override
    public int outboundChunkSize() {
        return wire.chunkSize();
    }

    // ------------------------------------------------------------------------------------------------
    // flows

    /**
     * Publishes {@code name} live (see the class comment for the command sequence).
     *
     * @param name the stream name
     */
    public void publish(String name) {
        publish(name, Commands.PublishType.LIVE);
    }

    /**
     * Starts the publish flow; before connect completes it is remembered and started then.
     *
     * @param name the stream name
     * @param type live, record or append
     * @throws IllegalStateException if publish or play was already asked, or the session is closed
     */
    public void publish(String name, Commands.PublishType type) {
        startIntent(Intent.PUBLISH, name);
        publishType = Objects.requireNonNull(type, "type");
        maybeStartFlow();
    }

    /**
     * Starts the play flow (live or recorded, from the start; rtmp-1.0.txt §7.2.2.1 defaults); before
     * connect completes it is remembered and started then.
     *
     * @param name the stream name
     * @throws IllegalStateException if publish or play was already asked, or the session is closed
     */
    public void play(String name) {
        startIntent(Intent.PLAY, name);
        maybeStartFlow();
    }

    private void startIntent(Intent i, String name) {
        Objects.requireNonNull(name, "name");
        if (state == State.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        if (intent != Intent.NONE) {
            throw new IllegalStateException("this session already " + (intent == Intent.PUBLISH ? "publishes" : "plays"));
        }
        intent = i;
        streamName = name;
    }

    private void maybeStartFlow() {
        if (state != State.CONNECTED || flowStarted || intent == Intent.NONE) {
            return;
        }
        flowStarted = true;
        if (intent == Intent.PUBLISH) {
            sendCommand(Commands.releaseStream(takeTransactionId(Commands.RELEASE_STREAM), streamName));
            sendCommand(Commands.fcPublish(takeTransactionId(Commands.FC_PUBLISH), streamName));
        }
        sendCommand(Commands.createStream(takeTransactionId(Commands.CREATE_STREAM)));
    }

    private double takeTransactionId(String commandName) {
        double t = nextTransactionId++;
        pending.put(t, commandName);
        return t;
    }

    private void sendCommand(CommandMessage m) {
        wire.send(m);
    }

    // ------------------------------------------------------------------------------------------------
    // sending

    private int requireStream() {
        if (state == State.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        if (streamId < 0) {
            throw new IllegalStateException("no stream yet: wait for onStreamCreated / NetStream.Publish.Start");
        }
        return streamId;
    }

    /**
     * Audio (an FLV audio tag body) on the stream; the array is sent as is, not copied.
     *
     * @param timestamp the timestamp in ms
     * @param payload the audio tag body
     */
    public void sendAudio(long timestamp, byte[] payload) {
        wire.sendRaw(new RawMessage(AUDIO_CSID, MessageType.AUDIO.id(), timestamp, requireStream(), payload));
    }

    /**
     * Video (an FLV video tag body) on the stream; the array is sent as is, not copied.
     *
     * @param timestamp the timestamp in ms
     * @param payload the video tag body
     */
    public void sendVideo(long timestamp, byte[] payload) {
        wire.sendRaw(new RawMessage(VIDEO_CSID, MessageType.VIDEO.id(), timestamp, requireStream(), payload));
    }

    /**
     * {@code @setDataFrame onMetaData metadata} (what OBS and ffmpeg send after publish), as type 18, or as
     * type 15 when the server echoed objectEncoding 3 (an AMF3 channel).
     *
     * @param metadata the metadata object or ECMA array
     */
    public void sendMetadata(Amf0Value metadata) {
        sendData(0, Amf0Value.of(DataMessage.SET_DATA_FRAME), Amf0Value.of(DataMessage.ON_META_DATA), metadata);
    }

    /**
     * A data message with these values (type 15 on an AMF3 channel, else 18).
     *
     * @param timestamp the timestamp in ms
     * @param values the handler name, then its values
     */
    public void sendData(long timestamp, Amf0Value... values) {
        MessageType t = serverObjectEncoding == 3 ? MessageType.DATA_AMF3 : MessageType.DATA_AMF0;
        wire.send(new DataMessage(t, List.of(values), timestamp, requireStream(), DATA_CSID));
    }

    /**
     * An aggregate (rtmp-1.0.txt §7.1.6) of these audio / video / data messages, on the stream (their own
     * message stream ids are replaced; their timestamps kept).
     *
     * @param parts the messages to aggregate
     */
    public void sendAggregate(List<? extends RtmpMessage> parts) {
        int id = requireStream();
        List<RtmpMessage> onStream = new ArrayList<>(parts.size());
        for (RtmpMessage m : parts) {
            onStream.add(m.withMessageStreamId(id));
        }
        AggregateMessage a = wire.codec().aggregate(onStream);
        wire.send(a);
    }

    /**
     * Any message, as is.
     *
     * @param message the message
     */
    public void send(RtmpMessage message) {
        if (state == State.CLOSED) {
            throw new IllegalStateException("session is closed");
        }
        wire.send(Objects.requireNonNull(message, "message"));
    }

    /**
     * Calls a NetConnection method (stream 0); the answer arrives as {@link ClientSessionListener#onResult}
     * / {@link ClientSessionListener#onError} with this name. Returns the transaction id.
     *
     * @param name the method name
     * @param commandObject the command object (often null)
     * @param arguments the values after it
     * @return the transaction id the answer will carry
     */
    public double call(String name, Amf0Value commandObject, Amf0Value... arguments) {
        if (state != State.CONNECTED) {
            throw new IllegalStateException("not connected");
        }
        double t = takeTransactionId(name);
        wire.send(new CommandMessage(name, t, commandObject == null ? Amf0Null.INSTANCE : commandObject,
                List.of(arguments), 0));
        return t;
    }

    /**
     * User Control PingRequest with the caller's time (ms, unsigned 32-bit; time is passed in).
     *
     * @param pingTime the caller's time in ms
     * @return true (it was queued)
     * @throws IllegalStateException if the session is closed (as {@link #send})
     */
    @Override
    public boolean sendPingRequest(long pingTime) {
        send(new UserControl.PingRequest(pingTime & 0xFFFF_FFFFL));
        return true;
    }

    /**
     * {@code receiveAudio flag} on the play stream.
     *
     * @param receive whether to receive audio
     */
    public void receiveAudio(boolean receive) {
        wire.send(Commands.receiveAudio(requireStream(), receive));
    }

    /**
     * {@code receiveVideo flag} on the play stream.
     *
     * @param receive whether to receive video
     */
    public void receiveVideo(boolean receive) {
        wire.send(Commands.receiveVideo(requireStream(), receive));
    }

    /**
     * {@code pause flag ms} on the play stream.
     *
     * @param pause true to pause, false to resume
     * @param milliseconds the stream time at which it pauses or resumes
     */
    public void pause(boolean pause, double milliseconds) {
        wire.send(Commands.pause(requireStream(), pause, milliseconds));
    }

    // ------------------------------------------------------------------------------------------------
    // closing

    /**
     * Graceful close: for a publication FCUnpublish then deleteStream (what OBS sends on stop), for a
     * playback deleteStream; then {@link #isCloseRequested()} turns true and {@link ClientSessionListener#onClose}
     * fires. Idempotent.
     *
     * @param reason why, for the logs and {@link ClientSessionListener#onClose}
     */
    @Override
    public void close(String reason) {
        if (state == State.CLOSED) {
            return;
        }
        if (state == State.CONNECTED && streamId >= 0) {
            if (intent == Intent.PUBLISH) {
                wire.send(Commands.fcUnpublish(takeTransactionId(Commands.FC_UNPUBLISH), streamName));
            }
            wire.send(Commands.deleteStream(0, streamId));
        }
        closeRequested = true;
        shutdown(reason);
    }

    /**
     * The connection is gone; reports {@link ClientSessionListener#onClose}. Idempotent; nothing is sent.
     *
     * @param reason why the connection ended
     */
    @Override
    public void transportClosed(String reason) {
        if (state != State.CLOSED) {
            shutdown(reason);
        }
    }

    private void shutdown(String reason) {
        state = State.CLOSED;
        publishing = false;
        listener.onClose(reason);
    }

    // ------------------------------------------------------------------------------------------------
    // inbound

    private void handshakeDone() {
        state = State.CONNECTING;
        Amf0Object.Builder o = Amf0Object.builder()
                .put("app", config.app())
                .put("flashVer", config.flashVer())
                .put("tcUrl", config.tcUrl())
                .put("fpad", false)
                .put("capabilities", 15.0)
                .put("audioCodecs", 4071.0) // SUPPORT_SND_* flags as ffmpeg sends them (rtmp-1.0.txt §7.2.1.1)
                .put("videoCodecs", 252.0)
                .put("videoFunction", 1.0)
                .put("objectEncoding", config.objectEncoding());
        config.extraProperties().forEach(o::put);
        config.enhanced().writeTo(o);
        double t = takeTransactionId(Commands.CONNECT);
        wire.send(new CommandMessage(Commands.CONNECT, t, o.build(), List.of(), 0));
    }

    private void dispatch(RtmpMessage m) {
        if (state == State.CLOSED) {
            return;
        }
        if (m instanceof AudioMessage a) {
            listener.onMedia(MediaKind.AUDIO, a.messageStreamId(), a.timestamp(), a.payload());
        } else if (m instanceof VideoMessage v) {
            listener.onMedia(MediaKind.VIDEO, v.messageStreamId(), v.timestamp(), v.payload());
        } else if (m instanceof DataMessage d) {
            data(d);
        } else if (m instanceof CommandMessage c) {
            command(c);
        } else if (m instanceof AggregateMessage g) {
            for (RtmpMessage part : wire.codec().split(g)) {
                if (part instanceof AggregateMessage) {
                    throw new RtmpProtocolException("aggregate message nested in an aggregate (rtmp-1.0.txt §7.1.6)");
                }
                dispatch(part);
            }
        } else if (m instanceof UserControl u) {
            userControl(u);
        } else if (m instanceof SetPeerBandwidth b) {
            // rtmp-1.0.txt §5.4.5: answer with Window Acknowledgement Size if it differs from the last one sent
            if (b.windowSize() != lastWindowSent) {
                lastWindowSent = b.windowSize();
                wire.send(new WindowAcknowledgementSize(b.windowSize()));
            }
        } else if (m instanceof Acknowledgement a) {
            listener.onAcknowledgement(a.sequenceNumber());
        }
    }

    private void userControl(UserControl u) {
        if (u instanceof UserControl.StreamBegin e) {
            listener.onStreamBegin(e.streamId());
        } else if (u instanceof UserControl.StreamEof e) {
            listener.onStreamEof(e.streamId());
        } else if (u instanceof UserControl.StreamDry e) {
            listener.onStreamDry(e.streamId());
        } else if (u instanceof UserControl.StreamIsRecorded e) {
            listener.onStreamIsRecorded(e.streamId());
        } else if (u instanceof UserControl.PingRequest p) {
            wire.send(p.response());
            listener.onPingRequest(p.pingTime());
        } else if (u instanceof UserControl.PingResponse p) {
            listener.onPingResponse(p.pingTime());
        }
    }

    private void data(DataMessage d) {
        DataMessage plain = d.withoutSetDataFrame().withType(MessageType.DATA_AMF0);
        Optional<String> name = plain.name();
        if (name.filter(DataMessage.ON_META_DATA::equals).isPresent()) {
            listener.onMetadata(new Metadata(d.messageStreamId(), d.timestamp(), plain,
                    wire.codec().encode(plain).payload()));
        } else if (name.filter(Commands.ON_STATUS::equals).isPresent()) {
            status(d.messageStreamId(), plain.properties(1).orElse(Amf0Object.EMPTY));
        } else {
            listener.onMedia(MediaKind.DATA, d.messageStreamId(), d.timestamp(), wire.codec().encode(plain).payload());
        }
    }

    private void command(CommandMessage c) {
        if (c.isResult() || c.isError()) {
            String forName = pending.remove(c.transactionId());
            CommandResult r = new CommandResult(forName == null ? "" : forName, c.isError(), c);
            if (Commands.CONNECT.equals(forName)) {
                connectReply(r);
            } else if (Commands.CREATE_STREAM.equals(forName) && !r.error()) {
                listener.onResult(r);
                createStreamResult(c);
            } else if (r.error()) {
                listener.onError(r);
            } else {
                listener.onResult(r);
            }
        } else if (Commands.ON_STATUS.equals(c.name())) {
            // the info object is the first argument; tolerate a server that puts it in the command object
            Amf0Properties info = c.objectArgument(0).orElse(c.commandProperties());
            status(c.messageStreamId(), info);
        } else {
            listener.onCommand(c);
        }
    }

    private void connectReply(CommandResult r) {
        if (state != State.CONNECTING) {
            throw new RtmpProtocolException("connect answered twice");
        }
        if (r.error()) {
            listener.onError(r);
            listener.onConnectFailed(r);
            closeRequested = true;
            shutdown("connect refused: " + r.code().orElse("?") + " " + r.description().orElse(""));
            return;
        }
        Amf0Properties props = r.message().commandProperties();
        Amf0Properties info = r.info().orElse(Amf0Object.EMPTY);
        serverObjectEncoding = info.number("objectEncoding").orElse(0.0);
        serverCapabilities = EnhancedCapabilities.from(props);
        state = State.CONNECTED;
        // docs/INTEROP.md "Chunk stream": clients commonly send Set Chunk Size right after the connect _result
        if (config.chunkSize() != wire.chunkSize()) {
            wire.setChunkSize(config.chunkSize());
        }
        listener.onResult(r);
        listener.onConnected(new ConnectResult(props, info, serverCapabilities, serverObjectEncoding, r.message()));
        maybeStartFlow();
    }

    private void createStreamResult(CommandMessage c) {
        Double id = c.numberArgument(0).orElse(null);
        if (id == null || id < 0 || id > 0xFFFF_FFFFL || id != Math.floor(id)) {
            throw new RtmpProtocolException("createStream _result without a stream id: " + c.arguments());
        }
        if (streamId >= 0) {
            return; // a second stream (from call("createStream")) is the application's business
        }
        streamId = (int) (long) (double) id;
        listener.onStreamCreated(streamId);
        if (intent == Intent.PUBLISH) {
            wire.send(Commands.publish(streamId, streamName, publishType));
        } else if (intent == Intent.PLAY) {
            // docs/INTEROP.md "Commands": SetBufferLength on stream 0 naming the stream, then play
            wire.send(new UserControl.SetBufferLength(streamId, config.bufferLengthMs()));
            wire.send(Commands.play(streamId, streamName));
        }
    }

    private void status(int msid, Amf0Properties info) {
        StatusEvent e = StatusEvent.of(msid, info);
        if (e.code().equals(StatusCode.PUBLISH_START.code())) {
            publishing = true;
        } else if (e.code().equals(StatusCode.UNPUBLISH_SUCCESS.code()) || (e.isError() && intent == Intent.PUBLISH
                && e.code().startsWith("NetStream.Publish."))) {
            publishing = false;
        }
        listener.onStatus(e);
        if (ServerSession.RECONNECT_REQUEST_CODE.equals(e.code())) {
            Optional<String> requested = info.string("tcUrl");
            listener.onReconnectRequest(new ReconnectRequest(RtmpUrl.resolveTcUrl(config.tcUrl(), requested.orElse(null)),
                    requested, info.string("description"), e));
        }
    }
}
