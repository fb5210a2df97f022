package io.rtmp4j.media;

import io.rtmp4j.flv.AudioPacketType;
import io.rtmp4j.flv.AudioSilence;
import io.rtmp4j.flv.AudioTag;
import io.rtmp4j.flv.AudioTrack;
import io.rtmp4j.flv.ExAudioTag;
import io.rtmp4j.flv.ExVideoTag;
import io.rtmp4j.flv.FlvCodec;
import io.rtmp4j.flv.LegacyAudioTag;
import io.rtmp4j.flv.LegacyVideoTag;
import io.rtmp4j.flv.MultitrackAudioTag;
import io.rtmp4j.flv.MultitrackVideoTag;
import io.rtmp4j.flv.ReservedMultitrackAudioTag;
import io.rtmp4j.flv.ReservedMultitrackVideoTag;
import io.rtmp4j.flv.VideoCommandTag;
import io.rtmp4j.flv.VideoPacketType;
import io.rtmp4j.flv.VideoTag;
import io.rtmp4j.flv.VideoTrack;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns FLV audio/video tags (or RTMP audio/video messages: type, millisecond timestamp, body) into
 * {@link MediaPacket}s on a nanosecond timeline, one packet per track.
 *
 * <p>The adapter remembers each track's codec from the first tag that names it (every legacy tag and
 * every enhanced tag except command frames names one), and uses it for packets whose tag names none
 * (audio silence, video command frames). Multitrack tags give one packet per track; FFmpeg 8's form
 * (track 0 as an ordinary tag, other tracks as Multitrack/OneTrack, one message per track) therefore
 * gives one packet per message. Reserved multitrack types give no packet. Script data and other
 * tag types give no packet.
 *
 * <p>Not thread-safe: use one adapter per stream.
 *
 * <pre>{@code
 * MediaPacketAdapter adapter = new MediaPacketAdapter();
 * for (MediaPacket p : adapter.adapt(message.typeId(), message.timestamp(), message.payload())) {
 *     recorder.write(p);
 * }
 * }</pre>
 */
public final class MediaPacketAdapter {

    private static final long NANOS_PER_MS = 1_000_000L;

    private final Map<Integer, FlvCodec> videoCodecs = new HashMap<>();
    private final Map<Integer, FlvCodec> audioCodecs = new HashMap<>();

    /**
     * Adapts one tag: type 8 (audio) or 9 (video); other types give an empty list.
     *
     * @param tagType     FLV tag type / RTMP message type id
     * @param timestampMs the tag / message timestamp in milliseconds
     * @param body        the tag body / message payload
     * @return the packets of the tag, one per track; empty for other tag types
     * @throws io.rtmp4j.RtmpProtocolException if the body is malformed
     */
    public List<MediaPacket> adapt(int tagType, long timestampMs, byte[] body) {
        if (tagType == MediaType.VIDEO.tagType()) {
            return adaptVideo(timestampMs, VideoTag.parse(body));
        }
        if (tagType == MediaType.AUDIO.tagType()) {
            return adaptAudio(timestampMs, AudioTag.parse(body));
        }
        return List.of();
    }

    /**
     * The codec identified so far for a track, if any.
     *
     * @param type audio or video
     * @param trackId the track id (0 outside multitrack)
     * @return the codec, or empty before the track's first tag naming one
     */
    public Optional<MediaCodec> codec(MediaType type, int trackId) {
        FlvCodec c = (type == MediaType.VIDEO ? videoCodecs : audioCodecs).get(trackId);
        return Optional.ofNullable(MediaCodec.of(c));
    }

    /**
     * Adapts a parsed video tag.
     *
     * @param timestampMs the tag timestamp in milliseconds
     * @param tag the parsed video tag
     * @return the packets of the tag, one per track
     */
    public List<MediaPacket> adaptVideo(long timestampMs, VideoTag tag) {
        long dts = timestampMs * NANOS_PER_MS;
        long nano = tag.timestampOffsetNano().orElse(0);
        boolean key = tag.isKeyframe();
        if (tag instanceof LegacyVideoTag t) {
            MediaPacket.Kind kind = t.avcPacketType() == null ? MediaPacket.Kind.CODED_FRAME : kind(t.avcPacketType());
            return List.of(video(0, t.codecId(), kind, dts, dts + t.compositionTime() * NANOS_PER_MS + nano, key,
                    t.data()));
        }
        if (tag instanceof ExVideoTag t) {
            return List.of(video(0, t.fourCc(), kind(t.packetType()), dts,
                    dts + t.compositionTime() * NANOS_PER_MS + nano, key, t.data()));
        }
        if (tag instanceof MultitrackVideoTag t) {
            List<MediaPacket> out = new ArrayList<>(t.tracks().size());
            MediaPacket.Kind kind = kind(t.packetType());
            for (VideoTrack tr : t.tracks()) {
                out.add(video(tr.trackId(), tr.fourCc(), kind, dts, dts + tr.compositionTime() * NANOS_PER_MS + nano,
                        key, tr.data()));
            }
            return out;
        }
        if (tag instanceof VideoCommandTag t) {
            return List.of(video(0, null, MediaPacket.Kind.COMMAND, dts, dts + nano, false,
                    new byte[] {(byte) t.command().value()}));
        }
        if (tag instanceof ReservedMultitrackVideoTag) {
            return List.of();
        }
        throw new IllegalStateException("unhandled video tag " + tag.getClass());
    }

    /**
     * Adapts a parsed audio tag.
     *
     * @param timestampMs the tag timestamp in milliseconds
     * @param tag the parsed audio tag
     * @return the packets of the tag, one per track
     */
    public List<MediaPacket> adaptAudio(long timestampMs, AudioTag tag) {
        long ts = timestampMs * NANOS_PER_MS + tag.timestampOffsetNano().orElse(0);
        if (tag instanceof AudioSilence) {
            return List.of(audio(0, null, MediaPacket.Kind.SILENCE, ts, new byte[0]));
        }
        if (tag instanceof LegacyAudioTag t) {
            MediaPacket.Kind kind = t.aacPacketType() == null ? MediaPacket.Kind.CODED_FRAME : kind(t.aacPacketType());
            return List.of(audio(0, t.format(), kind, ts, t.data()));
        }
        if (tag instanceof ExAudioTag t) {
            return List.of(audio(0, t.fourCc(), kind(t.packetType()), ts, t.data()));
        }
        if (tag instanceof MultitrackAudioTag t) {
            List<MediaPacket> out = new ArrayList<>(t.tracks().size());
            MediaPacket.Kind kind = kind(t.packetType());
            for (AudioTrack tr : t.tracks()) {
                out.add(audio(tr.trackId(), tr.fourCc(), kind, ts, tr.data()));
            }
            return out;
        }
        if (tag instanceof ReservedMultitrackAudioTag) {
            return List.of();
        }
        throw new IllegalStateException("unhandled audio tag " + tag.getClass());
    }

    private MediaPacket video(int trackId, FlvCodec named, MediaPacket.Kind kind, long dts, long pts, boolean key,
                              byte[] data) {
        FlvCodec codec = remember(videoCodecs, trackId, named);
        return new MediaPacket(MediaType.VIDEO, trackId, MediaCodec.of(codec), codec, kind, dts, pts, key, data);
    }

    private MediaPacket audio(int trackId, FlvCodec named, MediaPacket.Kind kind, long ts, byte[] data) {
        FlvCodec codec = remember(audioCodecs, trackId, named);
        return new MediaPacket(MediaType.AUDIO, trackId, MediaCodec.of(codec), codec, kind, ts, ts,
                kind == MediaPacket.Kind.CODED_FRAME, data);
    }

    private static FlvCodec remember(Map<Integer, FlvCodec> codecs, int trackId, FlvCodec named) {
        if (named == null) {
            return codecs.get(trackId);
        }
        codecs.put(trackId, named);
        return named;
    }

    private static MediaPacket.Kind kind(VideoPacketType t) {
        return switch (t) {
            case SEQUENCE_START, MPEG2TS_SEQUENCE_START -> MediaPacket.Kind.SEQUENCE_HEADER;
            case CODED_FRAMES, CODED_FRAMES_X -> MediaPacket.Kind.CODED_FRAME;
            case SEQUENCE_END -> MediaPacket.Kind.SEQUENCE_END;
            case METADATA -> MediaPacket.Kind.METADATA;
            case MULTITRACK, MOD_EX -> throw new IllegalStateException("not a body packet type: " + t);
        };
    }

    private static MediaPacket.Kind kind(AudioPacketType t) {
        return switch (t) {
            case SEQUENCE_START -> MediaPacket.Kind.SEQUENCE_HEADER;
            case CODED_FRAMES -> MediaPacket.Kind.CODED_FRAME;
            case SEQUENCE_END -> MediaPacket.Kind.SEQUENCE_END;
            case MULTICHANNEL_CONFIG -> MediaPacket.Kind.MULTICHANNEL_CONFIG;
            case MULTITRACK, MOD_EX -> throw new IllegalStateException("not a body packet type: " + t);
        };
    }
}
