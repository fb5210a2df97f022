package io.rtmp4j.netty.client;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.message.DataMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;

/**
 * A live publication on an {@link RtmpClientConnection}, available once the server said
 * {@code NetStream.Publish.Start}. The send methods may be called from any thread; messages go out in
 * call order. They do not block: a producer faster than the network should wait on
 * {@link #whenWritable()} (Netty then retries partial writes until every byte is out).
 *
 * <pre>{@code
 * try (RtmpClient client = RtmpClient.create()) {
 *     RtmpPublisher p = client.publish("rtmp://127.0.0.1/live/cam").get(10, SECONDS);
 *     p.sendMetadata(Amf0EcmaArray.builder().put("width", 320.0).build());
 *     p.sendVideo(0, avcSequenceHeader);         // FLV video tag bodies
 *     p.sendAudio(0, aacSequenceHeader);         // FLV audio tag bodies
 *     ...
 *     p.close().get(10, SECONDS);                // FCUnpublish, deleteStream, flush, half-close
 * }
 * }</pre>
 *
 * <p>Timestamps are milliseconds; RTMP carries them modulo 2³² (rtmp-1.0.txt §5.3.1.2.1), so larger
 * values wrap.
 */
public final class RtmpPublisher {

    private final RtmpClientConnection connection;
    private final String streamName;
    private final int streamId;

    RtmpPublisher(RtmpClientConnection connection, String streamName, int streamId) {
        this.connection = connection;
        this.streamName = streamName;
        this.streamId = streamId;
    }

    /** The stream name published. */
    public String streamName() {
        return streamName;
    }

    /** The message stream id the server created for the publication. */
    public int streamId() {
        return streamId;
    }

    /** The connection. */
    public RtmpClientConnection connection() {
        return connection;
    }

    /** Sends an FLV video tag body (legacy or Enhanced RTMP). The array is sent as is: do not modify it after. */
    public void sendVideo(long timestamp, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        long ts = timestamp & 0xFFFF_FFFFL;
        connection.run(() -> {
            if (open()) {
                connection.session().sendVideo(ts, payload);
            }
        });
    }

    /** Sends an FLV audio tag body (legacy or Enhanced RTMP). The array is sent as is: do not modify it after. */
    public void sendAudio(long timestamp, byte[] payload) {
        Objects.requireNonNull(payload, "payload");
        long ts = timestamp & 0xFFFF_FFFFL;
        connection.run(() -> {
            if (open()) {
                connection.session().sendAudio(ts, payload);
            }
        });
    }

    /**
     * Sends stream metadata as {@code @setDataFrame onMetaData {...}} (what OBS and ffmpeg send after
     * publish; servers keep it for players), at timestamp 0, as an ECMA array.
     */
    public void sendMetadata(Amf0Properties metadata) {
        Objects.requireNonNull(metadata, "metadata");
        Amf0Value v = metadata instanceof Amf0EcmaArray a ? a : Amf0EcmaArray.of(metadata.properties());
        sendData(0, Amf0String.of(DataMessage.SET_DATA_FRAME), Amf0String.of(DataMessage.ON_META_DATA), v);
    }

    /** Sends a data message with these AMF0 values (e.g. {@code "onCuePoint", {...}}). */
    public void sendData(long timestamp, Amf0Value... values) {
        List<Amf0Value> copy = List.of(values);
        long ts = timestamp & 0xFFFF_FFFFL;
        connection.run(() -> {
            if (open()) {
                connection.session().sendData(ts, copy.toArray(Amf0Value[]::new));
            }
        });
    }

    /**
     * Sends one FLV file tag: audio and video as they are; a script tag as a data message, an
     * {@code onMetaData} one wrapped in {@code @setDataFrame} (flv-10.1.txt E.5, as OBS sends it).
     *
     * @throws io.rtmp4j.RtmpProtocolException if a script tag body is not valid AMF0
     * @throws IllegalArgumentException        for other tag types
     */
    public void send(FlvTag tag) {
        switch (tag.tagType()) {
            case FlvTag.TYPE_VIDEO -> sendVideo(tag.timestamp(), tag.body());
            case FlvTag.TYPE_AUDIO -> sendAudio(tag.timestamp(), tag.body());
            case FlvTag.TYPE_SCRIPT -> {
                ScriptTag s = ScriptTag.decode(tag.body());
                if (s.unwrapSetDataFrame().name().equals(ScriptTag.ON_META_DATA)) {
                    s = s.unwrapSetDataFrame().wrapSetDataFrame();
                }
                List<Amf0Value> values = new ArrayList<>(s.arguments().size() + 1);
                values.add(Amf0String.of(s.name()));
                values.addAll(s.arguments());
                sendData(s.isSetDataFrame() ? 0 : tag.timestamp(), values.toArray(Amf0Value[]::new));
            }
            default -> throw new IllegalArgumentException("cannot publish FLV tag type " + tag.tagType());
        }
    }

    /** Whether the connection's outbound buffer is below its high-water mark. */
    public boolean isWritable() {
        return connection.isWritable();
    }

    /** Completes when the outbound buffer drained below the low-water mark, or the connection closed. */
    public CompletableFuture<Void> whenWritable() {
        return connection.whenWritable();
    }

    /** Whether the connection is still open. */
    public boolean isOpen() {
        return connection.isOpen();
    }

    /**
     * Ends the publication gracefully: FCUnpublish, deleteStream, flush, half-close, then wait for the server
     * to close (bounded). Returns the connection's close future.
     */
    public CompletableFuture<String> close() {
        return connection.close("publication ended");
    }

    /** Completes with the reason when the connection has closed. */
    public CompletableFuture<String> closeFuture() {
        return connection.closeFuture();
    }

    private boolean open() {
        return connection.session().state() == io.rtmp4j.session.ClientSession.State.CONNECTED;
    }

    @Override
    public String toString() {
        return "RtmpPublisher[" + connection.url().tcUrl() + "/" + streamName + "]";
    }
}
