package io.rtmp4j.message;

/**
 * One typed RTMP message (rtmp-1.0.txt §5.4, §6, §7.1): what {@link MessageCodec#decode} makes of a
 * {@link io.rtmp4j.chunk.RawMessage} and what {@link MessageCodec#encode} turns back into one.
 *
 * <p>Every message carries the three header fields that are not implied by its type:
 * <ul>
 *   <li>{@link #timestamp()}: absolute milliseconds, an unsigned 32-bit value (0..2³²−1);</li>
 *   <li>{@link #messageStreamId()}: the message stream id (0 = the control stream / NetConnection);</li>
 *   <li>{@link #chunkStreamId()}: the chunk stream it <em>arrived on</em> (after decoding), or the one
 *       it will be <em>sent on</em>. The short constructors and the {@link Commands} factories fill in
 *       the default chunk stream for the kind of message ({@link MessageCodec#CSID_PROTOCOL} 2 for
 *       protocol control and User Control, {@link MessageCodec#CSID_COMMAND} 3 for commands on stream 0,
 *       {@link MessageCodec#CSID_STREAM_COMMAND} 5 on other streams, {@link MessageCodec#CSID_AUDIO} 4
 *       for audio and data, {@link MessageCodec#CSID_VIDEO} 6 for video), so a decoded message
 *       forwarded as-is keeps its chunk stream and a built one gets a sensible default.</li>
 * </ul>
 * Chunk stream ids are 2..65599 (rtmp-1.0.txt §5.3.1.1); constructors refuse other values with
 * {@link IllegalArgumentException} (a programming error), the decoder with
 * {@link io.rtmp4j.RtmpProtocolException}.
 *
 * <p>Payload byte arrays (audio, video, opaque bodies) are shared, never copied: the array given to a
 * constructor becomes the message's own and must not be modified afterwards (docs/ARCHITECTURE.md "Data path").
 * {@code equals} compares them by content.
 *
 * <p>Example:
 * <pre>{@code
 * RtmpMessage m = codec.decode(raw);
 * if (m instanceof SetChunkSize s) { peerChunkSize = s.chunkSize(); }
 * else if (m instanceof CommandMessage c && c.name().equals("publish")) { ... }
 * else if (m instanceof VideoMessage v) { hub.video(v.timestamp(), v.payload()); }
 * }</pre>
 */
public sealed interface RtmpMessage permits SetChunkSize, Abort, Acknowledgement, UserControl,
        WindowAcknowledgementSize, SetPeerBandwidth, AudioMessage, VideoMessage, DataMessage,
        SharedObjectMessage, CommandMessage, AggregateMessage, UnknownMessage {

    /**
     * The message type id written in the header (rtmp-1.0.txt §6.1.1).
     *
     * @return the type id, 0..255
     */
    int typeId();

    /**
     * Absolute timestamp in milliseconds, unsigned 32-bit (0..2³²−1).
     *
     * @return the timestamp in ms
     */
    long timestamp();

    /**
     * Message stream id (unsigned 32-bit kept in an int); 0 is the control stream.
     *
     * @return the message stream id
     */
    int messageStreamId();

    /**
     * Chunk stream id it arrived on or is to be sent on (2..65599).
     *
     * @return the chunk stream id
     */
    int chunkStreamId();

    /**
     * The same message with other header fields; the body is shared, not copied.
     *
     * @param timestamp the new timestamp in ms
     * @param messageStreamId the new message stream id
     * @param chunkStreamId the new chunk stream id
     * @return the message with the new header
     */
    RtmpMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId);

    /**
     * The same message with another timestamp.
     *
     * @param timestamp the new timestamp in ms
     * @return the message with the new timestamp
     */
    default RtmpMessage withTimestamp(long timestamp) {
        return withHeader(timestamp, messageStreamId(), chunkStreamId());
    }

    /**
     * The same message on another message stream.
     *
     * @param messageStreamId the new message stream id
     * @return the message on that stream
     */
    default RtmpMessage withMessageStreamId(int messageStreamId) {
        return withHeader(timestamp(), messageStreamId, chunkStreamId());
    }

    /**
     * The same message on another chunk stream.
     *
     * @param chunkStreamId the new chunk stream id
     * @return the message on that chunk stream
     */
    default RtmpMessage withChunkStreamId(int chunkStreamId) {
        return withHeader(timestamp(), messageStreamId(), chunkStreamId);
    }
}
