package io.rtmp4j.message;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.RawMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The message layer's entry point: turns a {@link RawMessage} from the chunk decoder into a typed
 * {@link RtmpMessage} and back (rtmp-1.0.txt §5.4, §6, §7.1). Stateless and thread-safe; one instance
 * can serve every connection.
 *
 * <pre>{@code
 * MessageCodec codec = new MessageCodec();
 * RtmpMessage m = codec.decode(raw);                     // bytes → typed
 * RawMessage out = codec.encode(new SetChunkSize(4096)); // typed → bytes (csid 2, stream 0)
 * }</pre>
 *
 * <p><b>Chunk stream ids.</b> A decoded message keeps the chunk stream it arrived on. Messages built
 * with the short constructors and with {@link Commands} get the defaults below, which follow ffmpeg's
 * {@code rtmpproto.c} (2 network / control, 3 system / commands, 4 audio and metadata, 6 video) and
 * SRS for commands on a NetStream (5). Strict clients such as Larix Broadcaster need protocol control
 * on chunk stream 2 (SRS pull request 4723), so these are more than cosmetic.
 *
 * <p><b>Errors.</b> Bad input raises {@link RtmpProtocolException} and nothing else: a body of the wrong
 * length for its type, a protocol control message on a stream other than 0 (§5.4 MUST; see
 * {@link MessageLimits#strictControlStream()}), malformed AMF, a type-15/17 body without its 0x00
 * format byte, a malformed aggregate. Unknown message types and User Control events are not errors:
 * they are kept verbatim ({@link UnknownMessage}, {@link UserControl.Unknown}). Received protocol control
 * messages on a chunk stream other than 2 are accepted (§5.4 says "sent in", and receivers such as
 * nginx-rtmp do not check it).
 */
public final class MessageCodec {

    /** Protocol control and User Control messages (rtmp-1.0.txt §5.4, §6.2: chunk stream 2). */
    public static final int CSID_PROTOCOL = 2;
    /** Commands on message stream 0 (NetConnection): ffmpeg's RTMP_SYSTEM_CHANNEL. */
    public static final int CSID_COMMAND = 3;
    /** Audio: ffmpeg's RTMP_AUDIO_CHANNEL. */
    public static final int CSID_AUDIO = 4;
    /** Data (metadata): ffmpeg sends {@code @setDataFrame} on its audio channel, 4. */
    public static final int CSID_DATA = 4;
    /** Commands on a NetStream (message stream other than 0), e.g. onStatus: SRS's "over stream" id. */
    public static final int CSID_STREAM_COMMAND = 5;
    /** Video: ffmpeg's RTMP_VIDEO_CHANNEL. */
    public static final int CSID_VIDEO = 6;
    /** Aggregates (they carry audio and video): shares the video chunk stream. */
    public static final int CSID_AGGREGATE = 6;

    /** Size of an aggregate sub-message header: type 1, length 3, timestamp 3+1, stream id 3 (§7.1.6). */
    static final int SUB_HEADER = 11;
    /** Size of an aggregate back-pointer (§7.1.6; 32 bits, as the FLV PreviousTagSize it mirrors). */
    static final int BACK_POINTER = 4;
    /** Largest message body: the length field is 24 bits (rtmp-1.0.txt §6.1.1). */
    static final int MAX_BODY = 0xFF_FFFF;

    private final MessageLimits limits;

    /** A codec with {@link MessageLimits#DEFAULT}. */
    public MessageCodec() {
        this(MessageLimits.DEFAULT);
    }

    /**
     * A codec with the given limits.
     *
     * @param limits the limits to enforce
     */
    public MessageCodec(MessageLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    /**
     * The limits in force.
     *
     * @return the limits
     */
    public MessageLimits limits() {
        return limits;
    }

    /**
     * The default chunk stream for a message type on a message stream: {@link #CSID_PROTOCOL} for types
     * 1–6, {@link #CSID_AUDIO} for audio, {@link #CSID_VIDEO} for video, {@link #CSID_DATA} for data,
     * {@link #CSID_AGGREGATE} for aggregates, and for commands, shared objects and anything else
     * {@link #CSID_COMMAND} on stream 0 and {@link #CSID_STREAM_COMMAND} on other streams.
     *
     * @param type the message type
     * @param messageStreamId the message stream the message goes on
     * @return the chunk stream id
     */
    public static int defaultChunkStreamId(MessageType type, int messageStreamId) {
        switch (type) {
            case SET_CHUNK_SIZE: case ABORT: case ACKNOWLEDGEMENT: case USER_CONTROL:
            case WINDOW_ACKNOWLEDGEMENT_SIZE: case SET_PEER_BANDWIDTH:
                return CSID_PROTOCOL;
            case AUDIO:
                return CSID_AUDIO;
            case VIDEO:
                return CSID_VIDEO;
            case DATA_AMF0: case DATA_AMF3:
                return CSID_DATA;
            case AGGREGATE:
                return CSID_AGGREGATE;
            default:
                return messageStreamId == 0 ? CSID_COMMAND : CSID_STREAM_COMMAND;
        }
    }

    // ------------------------------------------------------------------------------------------------
    // decode

    /**
     * Decodes one message.
     *
     * @param raw a reassembled message from the chunk decoder
     * @return the typed message
     * @throws RtmpProtocolException if the body does not match its type (see the class comment)
     */
    public RtmpMessage decode(RawMessage raw) {
        Objects.requireNonNull(raw, "raw");
        int csid = raw.chunkStreamId();
        if (csid < Checks.MIN_CSID || csid > Checks.MAX_CSID) {
            throw new RtmpProtocolException("chunk stream id out of range 2..65599: " + csid);
        }
        Optional<MessageType> known = MessageType.byId(raw.typeId());
        long ts = raw.timestamp();
        int msid = raw.messageStreamId();
        byte[] p = raw.payload();
        if (known.isEmpty()) {
            return new UnknownMessage(raw.typeId(), p, ts, msid, csid);
        }
        MessageType type = known.get();
        if (type.isProtocolControl() && msid != 0 && limits.strictControlStream()) {
            // rtmp-1.0.txt §5.4: protocol control messages MUST have message stream id 0. ffmpeg,
            // librtmp and nginx-rtmp all send them on stream 0; MessageLimits can relax this for a peer
            // that does not.
            throw new RtmpProtocolException(type + " (type " + type.id() + ") on message stream "
                    + Integer.toUnsignedString(msid) + ": protocol control messages must use stream 0 (rtmp-1.0.txt §5.4)");
        }
        switch (type) {
            case SET_CHUNK_SIZE: {
                long v = u32(p, type, 4);
                // §5.4.1: the first bit MUST be zero; valid sizes are 1..0x7FFFFFFF.
                if (v == 0 || v > 0x7FFF_FFFFL) {
                    throw new RtmpProtocolException("Set Chunk Size " + v
                            + " out of range 1..2147483647 (rtmp-1.0.txt §5.4.1)");
                }
                return new SetChunkSize((int) v, ts, msid, csid);
            }
            case ABORT:
                return new Abort(u32(p, type, 4), ts, msid, csid);
            case ACKNOWLEDGEMENT:
                return new Acknowledgement(u32(p, type, 4), ts, msid, csid);
            case WINDOW_ACKNOWLEDGEMENT_SIZE:
                return new WindowAcknowledgementSize(u32(p, type, 4), ts, msid, csid);
            case SET_PEER_BANDWIDTH: {
                long window = u32(p, type, 5);
                int limit = p[4] & 0xFF;
                SetPeerBandwidth.LimitType lt = SetPeerBandwidth.LimitType.byId(limit).orElseThrow(() ->
                        new RtmpProtocolException("Set Peer Bandwidth limit type " + limit
                                + " is not 0 (hard), 1 (soft) or 2 (dynamic) (rtmp-1.0.txt §5.4.5)"));
                return new SetPeerBandwidth(window, lt, ts, msid, csid);
            }
            case USER_CONTROL:
                return decodeUserControl(p, ts, msid, csid);
            case AUDIO:
                return new AudioMessage(p, ts, msid, csid);
            case VIDEO:
                return new VideoMessage(p, ts, msid, csid);
            case SHARED_OBJECT_AMF0: case SHARED_OBJECT_AMF3:
                return new SharedObjectMessage(type, p, ts, msid, csid);
            case DATA_AMF0: case DATA_AMF3:
                return new DataMessage(type, decodeAmf(p, type), ts, msid, csid);
            case COMMAND_AMF0: case COMMAND_AMF3:
                return decodeCommand(type, p, ts, msid, csid);
            case AGGREGATE:
                walkAggregate(p, null, 0, 0, 0);
                return new AggregateMessage(p, ts, msid, csid);
            default:
                throw new AssertionError(type);
        }
    }

    /** Reads the one 32-bit big-endian field of a fixed-size control body, checking the exact length. */
    private static long u32(byte[] p, MessageType type, int expectedLength) {
        if (p.length != expectedLength) {
            throw new RtmpProtocolException(type + " body must be " + expectedLength + " bytes, got " + p.length
                    + " (rtmp-1.0.txt §5.4)");
        }
        return readU32(p, 0);
    }

    static long readU32(byte[] b, int off) {
        return ((b[off] & 0xFFL) << 24) | ((b[off + 1] & 0xFF) << 16) | ((b[off + 2] & 0xFF) << 8) | (b[off + 3] & 0xFF);
    }

    static int readU24(byte[] b, int off) {
        return ((b[off] & 0xFF) << 16) | ((b[off + 1] & 0xFF) << 8) | (b[off + 2] & 0xFF);
    }

    private static UserControl decodeUserControl(byte[] p, long ts, int msid, int csid) {
        // rtmp-1.0.txt §6.2: 16-bit event type, then event data (§7.1.7).
        if (p.length < 2) {
            throw new RtmpProtocolException("User Control body of " + p.length
                    + " bytes has no 16-bit event type (rtmp-1.0.txt §6.2)");
        }
        int event = ((p[0] & 0xFF) << 8) | (p[1] & 0xFF);
        Optional<UserControlEventType> known = UserControlEventType.byId(event);
        if (known.isEmpty()) {
            return new UserControl.Unknown(event, Arrays.copyOfRange(p, 2, p.length), ts, msid, csid);
        }
        UserControlEventType et = known.get();
        int dataLength = et == UserControlEventType.SET_BUFFER_LENGTH ? 8 : 4;
        if (p.length != 2 + dataLength) {
            throw new RtmpProtocolException("User Control " + et + " needs " + dataLength
                    + " bytes of event data, got " + (p.length - 2) + " (rtmp-1.0.txt §7.1.7)");
        }
        long v = readU32(p, 2);
        switch (et) {
            case STREAM_BEGIN:
                return new UserControl.StreamBegin((int) v, ts, msid, csid);
            case STREAM_EOF:
                return new UserControl.StreamEof((int) v, ts, msid, csid);
            case STREAM_DRY:
                return new UserControl.StreamDry((int) v, ts, msid, csid);
            case SET_BUFFER_LENGTH:
                return new UserControl.SetBufferLength((int) v, readU32(p, 6), ts, msid, csid);
            case STREAM_IS_RECORDED:
                return new UserControl.StreamIsRecorded((int) v, ts, msid, csid);
            case PING_REQUEST:
                return new UserControl.PingRequest(v, ts, msid, csid);
            case PING_RESPONSE:
                return new UserControl.PingResponse(v, ts, msid, csid);
            default:
                throw new AssertionError(et);
        }
    }

    /**
     * The AMF values of a data or command body. Types 15 and 17 start with a format byte that must
     * be 0x00; the rest is AMF0 with per-value AVM+ switches (docs/INTEROP.md "Commands"). ffmpeg,
     * librtmp, nginx-rtmp and SRS skip that byte whatever it holds; rtmp4j insists on 0x00 because
     * nothing else has been seen and anything else could not be re-encoded faithfully.
     */
    private List<Amf0Value> decodeAmf(byte[] p, MessageType type) {
        int offset = 0;
        if (type == MessageType.DATA_AMF3 || type == MessageType.COMMAND_AMF3) {
            if (p.length == 0) {
                throw new RtmpProtocolException(type + " (type " + type.id()
                        + ") body is empty: the 0x00 format byte is missing");
            }
            if (p[0] != 0) {
                throw new RtmpProtocolException(String.format("%s (type %d) body starts with 0x%02x, expected the"
                        + " format byte 0x00 followed by AMF0", type, type.id(), p[0] & 0xFF));
            }
            offset = 1;
        }
        return Amf0.decodeAll(ByteBuffer.wrap(p, offset, p.length - offset), limits.amf());
    }

    private CommandMessage decodeCommand(MessageType type, byte[] p, long ts, int msid, int csid) {
        List<Amf0Value> values = decodeAmf(p, type);
        // rtmp-1.0.txt §7.1.1 / §7.2: command name (string), transaction id (number), command object, ...
        if (values.isEmpty()) {
            throw new RtmpProtocolException("command message holds no AMF values; a command needs at least a name"
                    + " and a transaction id (rtmp-1.0.txt §7.2)");
        }
        Amf0Value first = AmfViews.scalar(values.get(0));
        if (values.size() == 1 && first.asString() != null) {
            // FFmpeg's listen mode (rtmpproto.c) answers FCPublish with a bare "onFCPublish": no transaction
            // id. Read it as transaction id 0, as a notification.
            return new CommandMessage(type, first.asString(), 0, Amf0Null.INSTANCE, List.of(), ts, msid, csid);
        }
        if (values.size() < 2) {
            throw new RtmpProtocolException("command message holds " + values.size()
                    + " AMF values; a command needs at least a name and a transaction id (rtmp-1.0.txt §7.2)");
        }
        Amf0Value second = AmfViews.scalar(values.get(1));
        if (first.asString() == null) {
            throw new RtmpProtocolException("command name is not a string: " + values.get(0));
        }
        if (second.asNumber() == null) {
            throw new RtmpProtocolException("transaction id of '" + first.asString() + "' is not a number: "
                    + values.get(1));
        }
        // A name or transaction id behind an AVM+ switch is accepted (no known client writes one); such
        // a command re-encodes in plain AMF0.
        Amf0Value commandObject = values.size() > 2 ? values.get(2) : Amf0Null.INSTANCE;
        List<Amf0Value> args = values.size() > 3 ? values.subList(3, values.size()) : List.of();
        return new CommandMessage(type, first.asString(), second.asNumber(), commandObject, args, ts, msid, csid);
    }

    // ------------------------------------------------------------------------------------------------
    // aggregates

    /**
     * Walks an aggregate body (rtmp-1.0.txt §7.1.6), checking its framing; when {@code out} is not
     * null, adds each sub-message as a RawMessage with the re-based timestamp, the aggregate's message
     * stream id and chunk stream id.
     *
     * <p>Sub-message headers are laid out like FLV tag headers (flv-10.1.txt "FLV tags": 24-bit
     * timestamp, then its upper 8 bits), not like the 4-byte big-endian timestamp of §6.1.1: that is
     * what Flash Media Server writes and what ffmpeg ({@code handle_metadata}) and nginx-rtmp
     * ({@code ngx_rtmp_aggregate_message_handler}) read. The back-pointer after the last sub-message
     * may be missing (nginx-rtmp stops cleanly there too); back-pointer values are only checked when
     * {@link MessageLimits#strictAggregateBackPointers()} is set, because neither ffmpeg nor nginx-rtmp
     * checks them.
     */
    private void walkAggregate(byte[] b, List<RawMessage> out, long aggTimestamp, int msid, int csid) {
        int pos = 0;
        int count = 0;
        long firstTs = -1;
        while (pos < b.length) {
            if (count == limits.maxAggregateSubMessages()) {
                throw new RtmpProtocolException("aggregate holds more than " + limits.maxAggregateSubMessages()
                        + " sub-messages (MessageLimits.maxAggregateSubMessages)");
            }
            if (b.length - pos < SUB_HEADER) {
                throw new RtmpProtocolException("aggregate sub-message " + count + " at offset " + pos
                        + ": truncated header, " + (b.length - pos) + " of 11 bytes (rtmp-1.0.txt §7.1.6)");
            }
            int type = b[pos] & 0xFF;
            int size = readU24(b, pos + 1);
            long subTs = readU24(b, pos + 4) | ((b[pos + 7] & 0xFFL) << 24);
            if (type == MessageType.AGGREGATE.id()) {
                throw new RtmpProtocolException("aggregate sub-message " + count + " at offset " + pos
                        + " is itself an aggregate");
            }
            int dataStart = pos + SUB_HEADER;
            if (size > b.length - dataStart) {
                throw new RtmpProtocolException("aggregate sub-message " + count + " at offset " + pos
                        + " claims " + size + " bytes, only " + (b.length - dataStart) + " remain");
            }
            int dataEnd = dataStart + size;
            if (out != null) {
                if (firstTs < 0) {
                    firstTs = subTs;
                }
                // §7.1.6: the first sub-message's timestamp maps to the aggregate's; the others keep
                // their distance to it (modulo 2^32, like every RTMP timestamp).
                long normalized = (aggTimestamp + subTs - firstTs) & Checks.MAX_U32;
                out.add(new RawMessage(csid, type, normalized, msid, Arrays.copyOfRange(b, dataStart, dataEnd)));
            }
            count++;
            pos = dataEnd;
            int left = b.length - pos;
            if (left == 0) {
                break; // the last back-pointer may be missing
            }
            if (left < BACK_POINTER) {
                throw new RtmpProtocolException("aggregate sub-message " + (count - 1) + ": truncated back-pointer, "
                        + left + " of 4 bytes");
            }
            long backPointer = readU32(b, pos);
            if (limits.strictAggregateBackPointers() && backPointer != SUB_HEADER + size) {
                throw new RtmpProtocolException("aggregate sub-message " + (count - 1) + ": back-pointer "
                        + backPointer + ", expected " + (SUB_HEADER + size) + " (11-byte header + " + size
                        + " bytes of data, rtmp-1.0.txt §7.1.6)");
            }
            pos += BACK_POINTER;
        }
    }

    /**
     * The sub-messages of an aggregate (rtmp-1.0.txt §7.1.6), decoded, each with the aggregate's
     * message stream id and chunk stream id and its timestamp re-based so that the first sub-message
     * has the aggregate's timestamp and the others keep their offsets from it.
     *
     * @param aggregate the aggregate message
     * @return its sub-messages, in order
     * @throws RtmpProtocolException for malformed framing or a malformed sub-message
     */
    public List<RtmpMessage> split(AggregateMessage aggregate) {
        List<RawMessage> raws = new ArrayList<>();
        walkAggregate(aggregate.body(), raws, aggregate.timestamp(), aggregate.messageStreamId(),
                aggregate.chunkStreamId());
        List<RtmpMessage> out = new ArrayList<>(raws.size());
        for (RawMessage r : raws) {
            out.add(decode(r));
        }
        return out;
    }

    /**
     * Builds an aggregate from messages of one message stream: timestamp and message stream id of the
     * first message, chunk stream {@link #CSID_AGGREGATE}; each sub-message keeps its own absolute
     * timestamp (so the first one's offset is zero, as §7.1.6 recommends) and is followed by a
     * back-pointer of 11 + its length.
     *
     * @param messages the messages, all on one message stream
     * @return the aggregate
     * @throws IllegalArgumentException if {@code messages} is empty, mixes message streams, contains an
     *                                  aggregate, or would not fit in one message (2²⁴−1 bytes)
     */
    public AggregateMessage aggregate(List<? extends RtmpMessage> messages) {
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("an aggregate needs at least one message");
        }
        RtmpMessage first = messages.get(0);
        List<RawMessage> raws = new ArrayList<>(messages.size());
        long total = 0;
        for (RtmpMessage m : messages) {
            if (m instanceof AggregateMessage) {
                throw new IllegalArgumentException("aggregates cannot be nested");
            }
            if (m.messageStreamId() != first.messageStreamId()) {
                throw new IllegalArgumentException("all messages of an aggregate share one message stream: "
                        + m.messageStreamId() + " != " + first.messageStreamId());
            }
            RawMessage r = encode(m);
            raws.add(r);
            total += SUB_HEADER + (long) r.length() + BACK_POINTER;
        }
        if (total > MAX_BODY) {
            throw new IllegalArgumentException("aggregate of " + total + " bytes exceeds the 24-bit message length");
        }
        ByteBuffer body = ByteBuffer.allocate((int) total);
        for (RawMessage r : raws) {
            long t = r.timestamp();
            int msid = r.messageStreamId();
            body.put((byte) r.typeId());
            putU24(body, r.length());
            putU24(body, (int) (t & 0xFF_FFFF)); // FLV-style: lower 24 bits ...
            body.put((byte) (t >>> 24));         // ... then the upper 8 bits
            putU24(body, msid & 0xFF_FFFF);
            body.put(r.payload());
            body.putInt(SUB_HEADER + r.length());
        }
        return new AggregateMessage(body.array(), first.timestamp(), first.messageStreamId(), CSID_AGGREGATE);
    }

    private static void putU24(ByteBuffer b, int v) {
        b.put((byte) (v >>> 16)).put((byte) (v >>> 8)).put((byte) v);
    }

    // ------------------------------------------------------------------------------------------------
    // encode

    /**
     * Encodes one message with its own timestamp, message stream id and chunk stream id.
     *
     * @param message the typed message
     * @return the message as a header plus body, ready for the chunk encoder
     * @throws IllegalArgumentException if the encoded body would exceed 2²⁴−1 bytes
     */
    public RawMessage encode(RtmpMessage message) {
        Objects.requireNonNull(message, "message");
        byte[] body = body(message);
        if (body.length > MAX_BODY) {
            throw new IllegalArgumentException("message body of " + body.length
                    + " bytes exceeds the 24-bit length field (rtmp-1.0.txt §6.1.1)");
        }
        return new RawMessage(message.chunkStreamId(), message.typeId(), message.timestamp(),
                message.messageStreamId(), body);
    }

    private static byte[] body(RtmpMessage message) {
        if (message instanceof SetChunkSize m) {
            return u32Body(m.chunkSize());
        } else if (message instanceof Abort m) {
            return u32Body(m.abortedChunkStreamId());
        } else if (message instanceof Acknowledgement m) {
            return u32Body(m.sequenceNumber());
        } else if (message instanceof WindowAcknowledgementSize m) {
            return u32Body(m.windowSize());
        } else if (message instanceof SetPeerBandwidth m) {
            return ByteBuffer.allocate(5).putInt((int) m.windowSize()).put((byte) m.limitType().id()).array();
        } else if (message instanceof UserControl m) {
            return userControlBody(m);
        } else if (message instanceof AudioMessage m) {
            return m.payload();
        } else if (message instanceof VideoMessage m) {
            return m.payload();
        } else if (message instanceof SharedObjectMessage m) {
            return m.body();
        } else if (message instanceof DataMessage m) {
            return amfBody(m.type() == MessageType.DATA_AMF3, m.values());
        } else if (message instanceof CommandMessage m) {
            List<Amf0Value> values = new ArrayList<>(3 + m.arguments().size());
            values.add(Amf0Value.of(m.name()));
            values.add(Amf0Value.of(m.transactionId()));
            values.add(m.commandObject());
            values.addAll(m.arguments());
            return amfBody(m.type() == MessageType.COMMAND_AMF3, values);
        } else if (message instanceof AggregateMessage m) {
            return m.body();
        } else if (message instanceof UnknownMessage m) {
            return m.payload();
        }
        throw new AssertionError(message.getClass());
    }

    private static byte[] u32Body(long v) {
        return ByteBuffer.allocate(4).putInt((int) v).array();
    }

    private static byte[] userControlBody(UserControl m) {
        if (m instanceof UserControl.Unknown u) {
            return ByteBuffer.allocate(2 + u.eventData().length).putShort((short) u.eventTypeId())
                    .put(u.eventData()).array();
        }
        if (m instanceof UserControl.SetBufferLength s) {
            return ByteBuffer.allocate(10).putShort((short) s.eventTypeId()).putInt(s.streamId())
                    .putInt((int) s.bufferLengthMs()).array();
        }
        long v;
        if (m instanceof UserControl.StreamBegin e) {
            v = e.streamId();
        } else if (m instanceof UserControl.StreamEof e) {
            v = e.streamId();
        } else if (m instanceof UserControl.StreamDry e) {
            v = e.streamId();
        } else if (m instanceof UserControl.StreamIsRecorded e) {
            v = e.streamId();
        } else if (m instanceof UserControl.PingRequest e) {
            v = e.pingTime();
        } else if (m instanceof UserControl.PingResponse e) {
            v = e.pingTime();
        } else {
            throw new AssertionError(m.getClass());
        }
        return ByteBuffer.allocate(6).putShort((short) m.eventTypeId()).putInt((int) v).array();
    }

    private static byte[] amfBody(boolean formatByte, List<Amf0Value> values) {
        byte[] amf = Amf0.encode(values);
        if (!formatByte) {
            return amf;
        }
        byte[] out = new byte[amf.length + 1]; // out[0] = 0x00, the format byte of types 15 / 17
        System.arraycopy(amf, 0, out, 1, amf.length);
        return out;
    }
}
