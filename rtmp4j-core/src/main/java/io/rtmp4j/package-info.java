/**
 * rtmp4j core: a sans-IO implementation of RTMP 1.0 and Enhanced RTMP v1/v2.
 *
 * <p>Sub-packages, one per protocol layer: {@code io.rtmp4j.amf} (AMF0, AMF3),
 * {@code io.rtmp4j.handshake}, {@code io.rtmp4j.chunk}, {@code io.rtmp4j.message},
 * {@code io.rtmp4j.flv} (tags and files), {@code io.rtmp4j.media} (media packets),
 * {@code io.rtmp4j.session} (server and client state machines). Bytes in, typed values out;
 * no sockets, threads or clock reads.
 */
package io.rtmp4j;
