package io.rtmp4j.session;

import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.message.MessageType;
import java.nio.BufferOverflowException;
import java.nio.ByteBuffer;

/**
 * How one playback frames media on the wire, and the encoder of a media message shared by many players:
 * everything the chunked bytes of an audio, video or data message depend on, so that a server chunks
 * each published message once per layout and writes the same bytes to every player with that layout
 * (docs/ARCHITECTURE.md "Data path"). A {@link Playback} knows its layout ({@link Playback#layout()});
 * since every connection's first stream id is 1 and the chunk size is the server's, most players share
 * one.
 *
 * <p><b>The fan-out contract</b>, stated here once. Bytes from {@link #encode} may be written into a
 * player's connection, bypassing the session's {@code send...} methods, because:
 * <ol>
 *   <li>every message starts with a fmt 0 chunk (full timestamp, length, type and message stream id,
 *       rtmp-1.0.txt §5.3.1.2.1) followed by fmt 3 continuations (§5.3.1.2.4) of {@link #chunkSize()}
 *       bytes, so the player's decoder needs nothing from earlier messages on that chunk stream; with a
 *       timestamp of 0xFFFFFF or more, the first chunk carries 0xFFFFFF and the 4-byte extended
 *       timestamp, and every continuation repeats it (§5.3.1.3; docs/INTEROP.md "Chunk stream");</li>
 *   <li>{@link ServerSession} starts every message it writes itself on the media chunk streams
 *       ({@link ServerSession#AUDIO_CSID}, {@link ServerSession#VIDEO_CSID}, {@link ServerSession#DATA_CSID})
 *       with a fmt 0 header too, so its header compression never refers to a header it did not
 *       write;</li>
 *   <li>the session's outbound chunk size is frozen once the connect is accepted (the layout of a
 *       playback is taken after that), so {@link #chunkSize()} stays the connection's;</li>
 *   <li>the writer writes whatever {@link ServerSession#pollOutbound()} returns first (so that, for
 *       example, NetStream.Play.Start precedes the media), and each encoded message whole, never
 *       interleaved with the session's bytes; and it honours what the player wants
 *       ({@link Playback#accepts(int)}) itself.</li>
 * </ol>
 *
 * <pre>{@code
 * ChunkLayout layout = playRequest.playback().layout();
 * ByteBuffer out = ByteBuffer.allocate(layout.encodedLength(9, timestamp, body.remaining()));
 * layout.encode(9, timestamp, body, out);   // the same bytes for every player with an equal layout
 * }</pre>
 *
 * <p>Encoding keeps no state, so one layout may be used from any number of threads at once.
 *
 * @param chunkSize       the connection's outbound chunk size (after its Set Chunk Size, rtmp-1.0.txt §5.4.1)
 * @param messageStreamId the player's play stream id (rtmp-1.0.txt §7.2.2.1)
 * @param audioCsid       chunk stream id for audio messages (type 8)
 * @param videoCsid       chunk stream id for video messages (type 9)
 * @param dataCsid        chunk stream id for every other message (data, type 18: onMetaData, cue points)
 */
public record ChunkLayout(int chunkSize, int messageStreamId, int audioCsid, int videoCsid, int dataCsid) {

    private static final int AUDIO = MessageType.AUDIO.id();
    private static final int VIDEO = MessageType.VIDEO.id();

    /**
     * Checks that the chunk size is positive and each chunk stream id is 3..65599 (2 is the protocol
     * control stream, rtmp-1.0.txt §5.4).
     *
     * @param chunkSize the connection's outbound chunk size (after its Set Chunk Size, §5.4.1)
     * @param messageStreamId the player's play stream id (§7.2.2.1)
     * @param audioCsid chunk stream id for audio messages (type 8)
     * @param videoCsid chunk stream id for video messages (type 9)
     * @param dataCsid chunk stream id for every other message (data, type 18)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ChunkLayout {
        if (chunkSize < 1) {
            throw new IllegalArgumentException("chunkSize must be positive: " + chunkSize);
        }
        checkCsid(audioCsid);
        checkCsid(videoCsid);
        checkCsid(dataCsid);
    }

    /**
     * The layout {@link ServerSession} uses for a playback: its media chunk stream ids
     * ({@link ServerSession#AUDIO_CSID}, {@link ServerSession#VIDEO_CSID}, {@link ServerSession#DATA_CSID}).
     *
     * @param chunkSize the connection's outbound chunk size
     * @param messageStreamId the player's play stream id
     * @return the layout
     * @throws IllegalArgumentException if the chunk size is not positive
     */
    public static ChunkLayout of(int chunkSize, int messageStreamId) {
        return new ChunkLayout(chunkSize, messageStreamId,
                ServerSession.AUDIO_CSID, ServerSession.VIDEO_CSID, ServerSession.DATA_CSID);
    }

    private static void checkCsid(int csid) {
        if (csid < 3 || csid > 65_599) { // 2 is the protocol control stream (§5.4)
            throw new IllegalArgumentException("media chunk stream id must be 3..65599: " + csid);
        }
    }

    /**
     * The chunk stream id a message of this type goes out on: {@link #audioCsid()} for audio (8),
     * {@link #videoCsid()} for video (9), {@link #dataCsid()} for any other type.
     *
     * @param typeId the message type id (rtmp-1.0.txt §7.1)
     * @return the chunk stream id
     */
    public int chunkStreamId(int typeId) {
        return typeId == AUDIO ? audioCsid : typeId == VIDEO ? videoCsid : dataCsid;
    }

    /**
     * Exact number of bytes {@link #encode} writes for such a message.
     *
     * @param typeId the message type id (8 audio, 9 video, 18 data; rtmp-1.0.txt §7.1)
     * @param timestamp the timestamp in ms, unsigned 32-bit
     * @param length the payload length in bytes, at most 0xFFFFFF
     * @return the encoded length in bytes
     * @throws IllegalArgumentException if a value is out of its range
     */
    public int encodedLength(int typeId, long timestamp, int length) {
        return ChunkEncoder.encodedLengthFmt0(chunkSize, chunkStreamId(typeId), timestamp, length);
    }

    /**
     * Chunks one message for every player with this layout (see the class comment): a fmt 0 first chunk
     * on {@link #chunkStreamId(int)} with {@link #messageStreamId()}, fmt 3 continuations of
     * {@link #chunkSize()} bytes, the extended timestamp on every chunk when needed. The payload is the
     * {@code payload.remaining()} bytes from its position (heap or direct; position and limit are left as
     * they were); {@code out}'s position advances by the bytes written. Nothing is written if {@code out}
     * has less room than {@link #encodedLength}.
     *
     * @param typeId the message type id (8 audio, 9 video, 18 data; rtmp-1.0.txt §7.1)
     * @param timestamp the timestamp in ms, unsigned 32-bit
     * @param payload the message body, from its position to its limit
     * @param out where the chunks go
     * @return the number of bytes written
     * @throws IllegalArgumentException if a value is out of its range
     * @throws BufferOverflowException if {@code out} is too small
     */
    public int encode(int typeId, long timestamp, ByteBuffer payload, ByteBuffer out) {
        return ChunkEncoder.encodeFmt0(chunkSize, chunkStreamId(typeId), typeId, timestamp, messageStreamId,
                payload, out);
    }
}
