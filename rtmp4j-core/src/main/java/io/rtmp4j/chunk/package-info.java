/**
 * The RTMP chunk stream (rtmp-1.0.txt §5.3–§5.4), sans-IO.
 *
 * <ul>
 *   <li>{@link io.rtmp4j.chunk.ChunkDecoder}: bytes after the handshake → {@link io.rtmp4j.chunk.RawMessage}s,
 *       applying Set Chunk Size, Abort and Window Acknowledgement Size itself, within
 *       {@link io.rtmp4j.chunk.ChunkLimits}.</li>
 *   <li>{@link io.rtmp4j.chunk.ChunkEncoder}: {@code RawMessage}s → chunks with the smallest correct headers.</li>
 *   <li>{@link io.rtmp4j.chunk.AckCounter}: acknowledgement accounting of received bytes (§5.4.3, §5.4.4).</li>
 * </ul>
 *
 * <p>Typed messages (protocol control, user control, commands, media) are built on {@code RawMessage}
 * in {@code io.rtmp4j.message}.
 */
package io.rtmp4j.chunk;
