/**
 * Sans-IO RTMP sessions (DESIGN.md principle 1): the server and client state machines that sit on top of
 * the handshake, chunk and message layers. Bytes go in through {@code receive(ByteBuffer)}, events come
 * out through a listener, bytes to send come out of {@code pollOutbound()}; time and randomness are
 * passed in. Entry points: {@link io.rtmp4j.session.ServerSession} and
 * {@link io.rtmp4j.session.ClientSession}; {@link io.rtmp4j.session.RtmpUrl} splits {@code rtmp://} URLs.
 */
package io.rtmp4j.session;
