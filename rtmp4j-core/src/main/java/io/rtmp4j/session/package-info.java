/**
 * Sans-IO RTMP sessions (docs/ARCHITECTURE.md "Layers and modules"): the server and client state machines on top of the
 * handshake, chunk and message layers. Bytes go in through {@code receive(ByteBuffer)}, events come out
 * through a listener (synchronously, from inside {@code receive}), bytes to send come out of
 * {@code pollOutbound()} (coalesced into one buffer per drain); time and randomness are passed in.
 * Not thread-safe: drive each session, and decide its requests, from one thread.
 *
 * <ul>
 *   <li>{@link io.rtmp4j.session.RtmpSession}: what both sessions offer a transport (bytes in, bytes out,
 *       the handshake / connect phase for its timers, PingRequest with the caller's time, closing), so one
 *       transport drives either.</li>
 *   <li>{@link io.rtmp4j.session.ServerSession} + {@link io.rtmp4j.session.ServerSessionListener}: connect,
 *       publish and play arrive as {@link io.rtmp4j.session.ConnectRequest},
 *       {@link io.rtmp4j.session.PublishRequest}, {@link io.rtmp4j.session.PlayRequest}, decided now or
 *       later; media arrives through {@code onMedia} / {@code onMetadata}; the server sends media, status,
 *       User Control events and the Enhanced RTMP Reconnect Request; its class comment states the fan-out
 *       contract for writing one pre-chunked copy of a frame to many players.</li>
 *   <li>{@link io.rtmp4j.session.ClientSession} + {@link io.rtmp4j.session.ClientSessionListener}: connect
 *       (with an optional {@link io.rtmp4j.session.EnhancedCapabilities} block), the publish and play
 *       flows, typed events ({@link io.rtmp4j.session.StatusEvent}, {@link io.rtmp4j.session.CommandResult},
 *       {@link io.rtmp4j.session.ConnectResult}, {@link io.rtmp4j.session.ReconnectRequest}).</li>
 *   <li>{@link io.rtmp4j.session.RtmpUrl}: {@code rtmp://host[:port]/app[/inst]/stream}, split as FFmpeg
 *       does, and Reconnect Request tcUrl resolution.</li>
 * </ul>
 *
 * <p>Errors: a protocol violation is an {@link io.rtmp4j.RtmpProtocolException} from {@code receive}; the
 * transport closes that one connection and calls {@code transportClosed(reason)}. Graceful close:
 * {@code close(reason)} queues the ending messages in order and sets {@code isCloseRequested()}: the
 * transport writes them, flushes, half-closes and reads until the peer closes.
 */
package io.rtmp4j.session;
