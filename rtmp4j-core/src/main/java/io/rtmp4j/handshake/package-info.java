/**
 * The RTMP handshake (rtmp-1.0.txt §5.2), plain and digest ("Flash Player 9", specs/README.md),
 * as sans-IO state machines. Entry point: {@link io.rtmp4j.handshake.Handshake#server} and
 * {@link io.rtmp4j.handshake.Handshake#client}.
 */
package io.rtmp4j.handshake;
