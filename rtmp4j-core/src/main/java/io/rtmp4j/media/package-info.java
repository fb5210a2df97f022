/**
 * Media packets: audio and video access units of one track on a nanosecond timeline, made from FLV
 * tags / RTMP media messages by {@link io.rtmp4j.media.MediaPacketAdapter} (the entry point).
 * What a recorder, relay or transcoder consumes.
 */
package io.rtmp4j.media;
