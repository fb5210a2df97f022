package io.rtmp4j.message;

import java.util.Objects;

/**
 * User Control Message (type 4, rtmp-1.0.txt §6.2) and its events (§7.1.7). Body: a 16-bit event
 * type, then the event data. Each event is a record nested here; an event type the specification
 * does not name (e.g. the SWF verification request 0x1A of Flash Media Server) is kept verbatim as
 * {@link Unknown} so it can be forwarded or answered unchanged.
 *
 * <p>§6.2 says User Control messages SHOULD (not MUST) use message stream 0, so the decoder accepts
 * them on any stream. Players send {@link SetBufferLength} on stream 0 naming the stream they are
 * about to play, often before {@code play} (docs/INTEROP.md "Commands").
 *
 * <p>Example: {@code new UserControl.StreamBegin(1)} (stream 0, chunk stream 2, timestamp 0).
 */
public sealed interface UserControl extends RtmpMessage {

    /**
     * The 16-bit event type (rtmp-1.0.txt §6.2).
     *
     * @return the event type
     */
    int eventTypeId();

    @Override
    default int typeId() {
        return MessageType.USER_CONTROL.id();
    }

    @Override
    UserControl withHeader(long timestamp, int messageStreamId, int chunkStreamId);

    /** Stream Begin (event 0): the stream with this id became functional. */
    record StreamBegin(int streamId, long timestamp, int messageStreamId, int chunkStreamId) implements UserControl {
        /**
         * Checks the values: the timestamp must fit in 32 unsigned bits and the chunk stream id be
         * 2..65599 (rtmp-1.0.txt §5.3.1.1).
         *
         * @param streamId the message stream the event is about
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public StreamBegin {
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param streamId the stream that began
         */
        public StreamBegin(int streamId) {
            this(streamId, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.STREAM_BEGIN.id();
        }

        @Override
        public StreamBegin withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new StreamBegin(streamId, timestamp, messageStreamId, chunkStreamId);
        }
    }

    /** Stream EOF (event 1): playback of this stream is over. */
    record StreamEof(int streamId, long timestamp, int messageStreamId, int chunkStreamId) implements UserControl {
        /**
         * Checks the values: the timestamp must fit in 32 unsigned bits and the chunk stream id be
         * 2..65599 (rtmp-1.0.txt §5.3.1.1).
         *
         * @param streamId the message stream the event is about
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public StreamEof {
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param streamId the stream that ended
         */
        public StreamEof(int streamId) {
            this(streamId, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.STREAM_EOF.id();
        }

        @Override
        public StreamEof withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new StreamEof(streamId, timestamp, messageStreamId, chunkStreamId);
        }
    }

    /** StreamDry (event 2): no more data on this stream for now. */
    record StreamDry(int streamId, long timestamp, int messageStreamId, int chunkStreamId) implements UserControl {
        /**
         * Checks the values: the timestamp must fit in 32 unsigned bits and the chunk stream id be
         * 2..65599 (rtmp-1.0.txt §5.3.1.1).
         *
         * @param streamId the message stream the event is about
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public StreamDry {
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param streamId the stream that is dry
         */
        public StreamDry(int streamId) {
            this(streamId, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.STREAM_DRY.id();
        }

        @Override
        public StreamDry withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new StreamDry(streamId, timestamp, messageStreamId, chunkStreamId);
        }
    }

    /**
     * SetBufferLength (event 3): the client buffers this many milliseconds of the stream. The only
     * event with an 8-byte body: stream id, then buffer length.
     *
     * @param streamId       stream the buffer applies to (often a stream not playing yet)
     * @param bufferLengthMs buffer length in milliseconds, unsigned 32-bit
     */
    record SetBufferLength(int streamId, long bufferLengthMs, long timestamp, int messageStreamId,
                           int chunkStreamId) implements UserControl {
        /**
         * Checks the values: the buffer length must fit in 32 unsigned bits (rtmp-1.0.txt §7.1.7), and
         * the timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt
         * §5.3.1.1).
         *
         * @param streamId the message stream the event is about
         * @param bufferLengthMs buffer length in milliseconds, unsigned 32-bit
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public SetBufferLength {
            Checks.u32("buffer length", bufferLengthMs);
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param streamId the stream the buffer applies to
         * @param bufferLengthMs the buffer length in ms
         */
        public SetBufferLength(int streamId, long bufferLengthMs) {
            this(streamId, bufferLengthMs, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.SET_BUFFER_LENGTH.id();
        }

        @Override
        public SetBufferLength withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new SetBufferLength(streamId, bufferLengthMs, timestamp, messageStreamId, chunkStreamId);
        }
    }

    /** StreamIsRecorded (event 4): this stream is a recorded one. */
    record StreamIsRecorded(int streamId, long timestamp, int messageStreamId, int chunkStreamId)
            implements UserControl {
        /**
         * Checks the values: the timestamp must fit in 32 unsigned bits and the chunk stream id be
         * 2..65599 (rtmp-1.0.txt §5.3.1.1).
         *
         * @param streamId the message stream the event is about
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public StreamIsRecorded {
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param streamId the recorded stream
         */
        public StreamIsRecorded(int streamId) {
            this(streamId, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.STREAM_IS_RECORDED.id();
        }

        @Override
        public StreamIsRecorded withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new StreamIsRecorded(streamId, timestamp, messageStreamId, chunkStreamId);
        }
    }

    /**
     * PingRequest (event 6): the server tests whether the client is reachable.
     *
     * @param pingTime the server's local time when it sent the ping, unsigned 32-bit
     */
    record PingRequest(long pingTime, long timestamp, int messageStreamId, int chunkStreamId) implements UserControl {
        /**
         * Checks the values: the ping time must fit in 32 unsigned bits (rtmp-1.0.txt §7.1.7), and the
         * timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt
         * §5.3.1.1).
         *
         * @param pingTime the 32-bit ping time carried by the event
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public PingRequest {
            Checks.u32("ping time", pingTime);
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param pingTime the sender's time, unsigned 32-bit
         */
        public PingRequest(long pingTime) {
            this(pingTime, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.PING_REQUEST.id();
        }

        @Override
        public PingRequest withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new PingRequest(pingTime, timestamp, messageStreamId, chunkStreamId);
        }

        /**
         * The matching response, echoing {@link #pingTime()} (§7.1.7).
         *
         * @return the PingResponse
         */
        public PingResponse response() {
            return new PingResponse(pingTime);
        }
    }

    /**
     * PingResponse (event 7): the client's answer to a {@link PingRequest}.
     *
     * @param pingTime the time received in the request, unsigned 32-bit
     */
    record PingResponse(long pingTime, long timestamp, int messageStreamId, int chunkStreamId) implements UserControl {
        /**
         * Checks the values: the ping time must fit in 32 unsigned bits (rtmp-1.0.txt §7.1.7), and the
         * timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt
         * §5.3.1.1).
         *
         * @param pingTime the 32-bit ping time carried by the event
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         */
        public PingResponse {
            Checks.u32("ping time", pingTime);
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param pingTime the time from the request
         */
        public PingResponse(long pingTime) {
            this(pingTime, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public int eventTypeId() {
            return UserControlEventType.PING_RESPONSE.id();
        }

        @Override
        public PingResponse withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new PingResponse(pingTime, timestamp, messageStreamId, chunkStreamId);
        }
    }

    /**
     * An event type not named by rtmp-1.0.txt §7.1.7, kept verbatim (event type plus event data), so
     * that encoding it gives back the same bytes.
     *
     * @param eventTypeId the 16-bit event type, 0..65535
     * @param eventData   the bytes after the event type (shared, not copied)
     */
    record Unknown(int eventTypeId, byte[] eventData, long timestamp, int messageStreamId, int chunkStreamId)
            implements UserControl {
        /**
         * Checks the values: the event type must fit in 16 bits, the event data is required, and the
         * timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599 (rtmp-1.0.txt
         * §5.3.1.1).
         *
         * @param eventTypeId the 16-bit event type
         * @param eventData the bytes after the event type
         * @param timestamp header timestamp (0 from the short constructor)
         * @param messageStreamId message stream the event travels on (rtmp-1.0.txt §6.2: stream 0)
         * @param chunkStreamId chunk stream the event travels on (rtmp-1.0.txt §6.2: chunk stream 2)
         * @throws IllegalArgumentException if a value is out of its range
         * @throws NullPointerException if a required value is null
         */
        public Unknown {
            if (eventTypeId < 0 || eventTypeId > 0xFFFF) {
                throw new IllegalArgumentException("event type out of 16-bit range: " + eventTypeId);
            }
            Objects.requireNonNull(eventData, "eventData");
            Checks.header(timestamp, chunkStreamId);
        }

        /**
         * On the control stream, chunk stream 2, timestamp 0.
         *
         * @param eventTypeId the 16-bit event type
         * @param eventData the bytes after the event type
         */
        public Unknown(int eventTypeId, byte[] eventData) {
            this(eventTypeId, eventData, 0, 0, MessageCodec.CSID_PROTOCOL);
        }

        @Override
        public Unknown withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
            return new Unknown(eventTypeId, eventData, timestamp, messageStreamId, chunkStreamId);
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Unknown u && eventTypeId == u.eventTypeId && timestamp == u.timestamp
                    && messageStreamId == u.messageStreamId && chunkStreamId == u.chunkStreamId
                    && java.util.Arrays.equals(eventData, u.eventData);
        }

        @Override
        public int hashCode() {
            return Objects.hash(eventTypeId, Checks.hash(eventData), timestamp, messageStreamId, chunkStreamId);
        }

        @Override
        public String toString() {
            return "UserControl.Unknown[event=" + eventTypeId + ", data=" + Checks.hex(eventData, 32)
                    + ", ts=" + timestamp + ", msid=" + messageStreamId + ", csid=" + chunkStreamId + "]";
        }
    }
}
