package io.rtmp4j.cli.inspect;

import io.rtmp4j.amf.Amf0Number;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Property;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.AmfJson;
import io.rtmp4j.flv.AudioPacketType;
import io.rtmp4j.flv.AudioSilence;
import io.rtmp4j.flv.AudioTag;
import io.rtmp4j.flv.AudioTrack;
import io.rtmp4j.flv.ExAudioTag;
import io.rtmp4j.flv.ExVideoTag;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.LegacyAudioTag;
import io.rtmp4j.flv.LegacyVideoTag;
import io.rtmp4j.flv.ModEx;
import io.rtmp4j.flv.MultichannelConfig;
import io.rtmp4j.flv.MultitrackAudioTag;
import io.rtmp4j.flv.MultitrackVideoTag;
import io.rtmp4j.flv.ReservedMultitrackAudioTag;
import io.rtmp4j.flv.ReservedMultitrackVideoTag;
import io.rtmp4j.flv.VideoCodecId;
import io.rtmp4j.flv.VideoCommandTag;
import io.rtmp4j.flv.VideoFrameType;
import io.rtmp4j.flv.VideoPacketType;
import io.rtmp4j.flv.VideoTag;
import io.rtmp4j.flv.VideoTrack;
import java.util.List;
import java.util.OptionalInt;

/**
 * Audio and video tag fields for the inspector, on the tag-body model of this package
 * ({@link VideoTag}, {@link AudioTag}). Field names are the specifications' own: flv-10.1.txt E.4.2
 * and E.4.3 (frameType, codec, soundRate, ...), enhanced-rtmp-v2.md (packetType, multitrack, modEx,
 * colorInfo, multichannelConfig).
 */
final class TagRendering {

    private TagRendering() {
    }

    static void video(InspectLine line, FlvTag tag) {
        VideoTag v = VideoTag.parse(tag.body());
        line.put("enhanced", v.enhanced());
        if (v instanceof LegacyVideoTag l) {
            line.put("codec", l.codecId().specName()).put("frameType", l.frameType().specName());
            if (l.codecId() == VideoCodecId.AVC) {
                line.put("packetType", l.avcPacketType().specName()).put("compositionTime", l.compositionTime());
            }
        } else if (v instanceof ExVideoTag e) {
            line.put("codec", e.fourCc().specName());
            if (e.packetType() != VideoPacketType.METADATA) {
                line.put("frameType", e.frameType().specName()); // "ignored" for Metadata (enhanced-rtmp-v2.md)
            }
            line.put("packetType", e.packetType().specName());
            if (e.packetType() == VideoPacketType.CODED_FRAMES && e.fourCc().hasCompositionTime()) {
                line.put("compositionTime", e.compositionTime());
            }
            modEx(line, e.modEx(), e.timestampOffsetNano());
            if (e.packetType() == VideoPacketType.METADATA) {
                // validated by the typed ColorInfo, printed as sent (names and numbers exactly); the
                // last colorInfo pair counts, as for ColorInfo
                Amf0Value colorInfo = null;
                for (Amf0Property p : e.metadata().orElseThrow().entries()) {
                    if (p.name().equals("colorInfo")) {
                        colorInfo = p.value();
                    }
                }
                if (colorInfo != null) {
                    line.json("colorInfo", exactJson(colorInfo));
                }
            }
        } else if (v instanceof MultitrackVideoTag m) {
            if (m.sharedFourCc() != null) {
                line.put("codec", m.sharedFourCc().specName());
            }
            if (m.packetType() != VideoPacketType.METADATA) {
                line.put("frameType", m.frameType().specName());
            }
            line.put("packetType", VideoPacketType.MULTITRACK.specName());
            StringBuilder sb = new StringBuilder("{");
            field(sb, "type", m.multitrackType().specName()).append(',');
            field(sb, "packetType", m.packetType().specName()).append(",\"tracks\":[");
            boolean ct = m.packetType() == VideoPacketType.CODED_FRAMES;
            for (int i = 0; i < m.tracks().size(); i++) {
                VideoTrack t = m.tracks().get(i);
                sb.append(i > 0 ? ",{" : "{").append("\"trackId\":").append(t.trackId()).append(',');
                field(sb, "codec", t.fourCc().specName()).append(",\"size\":").append(t.data().length);
                if (ct && t.fourCc().hasCompositionTime()) {
                    sb.append(",\"compositionTime\":").append(t.compositionTime());
                }
                sb.append('}');
            }
            line.json("multitrack", sb.append("]}").toString());
            modEx(line, m.modEx(), m.timestampOffsetNano());
        } else if (v instanceof ReservedMultitrackVideoTag r) {
            line.put("frameType", r.frameType().specName()).put("packetType", VideoPacketType.MULTITRACK.specName());
            line.json("multitrack", "{\"type\":" + r.multitrackType() + ",\"packetType\":" + r.packetType()
                    + ",\"size\":" + r.rest().length + "}");
            modEx(line, r.modEx(), r.timestampOffsetNano());
        } else if (v instanceof VideoCommandTag c) {
            if (!c.enhanced()) {
                VideoCodecId.fromValue(c.lowNibble()).ifPresent(id -> line.put("codec", id.specName()));
            }
            line.put("frameType", VideoFrameType.COMMAND.specName()).put("command", c.command().specName());
            modEx(line, c.modEx(), c.timestampOffsetNano());
        }
    }

    static void audio(InspectLine line, FlvTag tag) {
        AudioTag a = AudioTag.parse(tag.body());
        line.put("enhanced", a.enhanced());
        if (a instanceof AudioSilence) {
            line.put("silence", true);
        } else if (a instanceof LegacyAudioTag l) {
            line.put("codec", l.format().specName())
                    .put("soundRate", l.sampleRateHz())
                    .put("soundSize", l.bitsPerSample())
                    .put("soundType", l.stereo() ? "stereo" : "mono");
            if (l.aacPacketType() != null) {
                line.put("packetType", l.aacPacketType().specName());
            }
        } else if (a instanceof ExAudioTag e) {
            line.put("codec", e.fourCc().specName()).put("packetType", e.packetType().specName());
            modEx(line, e.modEx(), e.timestampOffsetNano());
            e.multichannelConfig().ifPresent(mc -> line.json("multichannelConfig", multichannel(mc)));
        } else if (a instanceof MultitrackAudioTag m) {
            if (m.sharedFourCc() != null) {
                line.put("codec", m.sharedFourCc().specName());
            }
            line.put("packetType", AudioPacketType.MULTITRACK.specName());
            StringBuilder sb = new StringBuilder("{");
            field(sb, "type", m.multitrackType().specName()).append(',');
            field(sb, "packetType", m.packetType().specName()).append(",\"tracks\":[");
            for (int i = 0; i < m.tracks().size(); i++) {
                AudioTrack t = m.tracks().get(i);
                sb.append(i > 0 ? ",{" : "{").append("\"trackId\":").append(t.trackId()).append(',');
                field(sb, "codec", t.fourCc().specName()).append(",\"size\":").append(t.data().length).append('}');
            }
            line.json("multitrack", sb.append("]}").toString());
            modEx(line, m.modEx(), m.timestampOffsetNano());
        } else if (a instanceof ReservedMultitrackAudioTag r) {
            line.put("packetType", AudioPacketType.MULTITRACK.specName());
            line.json("multitrack", "{\"type\":" + r.multitrackType() + ",\"packetType\":" + r.packetType()
                    + ",\"size\":" + r.rest().length + "}");
            modEx(line, r.modEx(), r.timestampOffsetNano());
        }
    }

    private static String multichannel(MultichannelConfig mc) {
        StringBuilder sb = new StringBuilder("{");
        field(sb, "channelOrder", mc.channelOrder().specName()).append(",\"channelCount\":").append(mc.channelCount());
        switch (mc.channelOrder()) {
            case NATIVE -> sb.append(",\"channelFlags\":").append(mc.channelFlags());
            case CUSTOM -> {
                sb.append(",\"channelMapping\":[");
                for (int i = 0; i < mc.mapping().size(); i++) {
                    if (i > 0) {
                        sb.append(',');
                    }
                    Json.string(sb, mc.mapping().get(i).specName());
                }
                sb.append(']');
            }
            default -> { }
        }
        return sb.append('}').toString();
    }

    private static void modEx(InspectLine line, List<ModEx> chain, OptionalInt offset) {
        if (chain.isEmpty()) {
            return;
        }
        StringBuilder sb = new StringBuilder("[");
        for (int i = 0; i < chain.size(); i++) {
            ModEx m = chain.get(i);
            if (i > 0) {
                sb.append(',');
            }
            sb.append('{');
            if (m.knownType().isPresent()) {
                field(sb, "type", m.knownType().get().specName());
            } else {
                sb.append("\"type\":").append(m.type());
            }
            OptionalInt nanos = m.timestampOffsetNano();
            if (nanos.isPresent()) {
                sb.append(",\"value\":").append(nanos.getAsInt());
            } else {
                sb.append(",\"size\":").append(m.data().length);
            }
            sb.append('}');
        }
        line.json("modEx", sb.append(']').toString());
        if (offset.isPresent()) {
            line.put("timestampOffsetNano", offset.getAsInt());
        }
    }

    private static StringBuilder field(StringBuilder sb, String key, String value) {
        Json.string(sb, key);
        sb.append(':');
        Json.string(sb, value);
        return sb;
    }

    /**
     * JSON for colorInfo that keeps its numbers as they are: integral values without a fraction
     * ({@code "bitDepth":10}), others in full; the reset signal (Undefined) is {@code null}.
     */
    static String exactJson(Amf0Value v) {
        if (v instanceof Amf0Number n) {
            double d = n.value();
            if (d == Math.rint(d) && Math.abs(d) < 9.007199254740992E15) {
                return Long.toString((long) d);
            }
            return AmfJson.toJson(v);
        }
        if (v instanceof Amf0Properties p) {
            StringBuilder sb = new StringBuilder("{");
            List<Amf0Property> props = p.properties();
            for (int i = 0; i < props.size(); i++) {
                if (i > 0) {
                    sb.append(',');
                }
                Json.string(sb, props.get(i).name());
                sb.append(':').append(exactJson(props.get(i).value()));
            }
            return sb.append('}').toString();
        }
        return AmfJson.toJson(v);
    }
}
