package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.ArrayList;
import java.util.List;

/** Parser and shared helpers for {@link AudioTag}. */
final class AudioTagCodec {
    private static final String WHAT = "audio tag";
    private static final int MOD_EX = AudioPacketType.MOD_EX.value();
    private static final int EX_HEADER = SoundFormat.EX_HEADER.value();

    private AudioTagCodec() {
    }

    static AudioTag parse(byte[] body) {
        if (body == null) {
            throw new RtmpProtocolException("missing audio tag body");
        }
        if (body.length == 0) {
            // enhanced-rtmp-v2.md AudioPacketType: a zero-length audio message is "audio silence"
            return AudioSilence.INSTANCE;
        }
        TagBodyReader r = new TagBodyReader(body, WHAT);
        int b0 = r.u8("AudioTagHeader");
        SoundFormat format = SoundFormat.require(b0 >>> 4);
        if (format != SoundFormat.EX_HEADER) {
            // flv-10.1.txt E.4.2.1: SoundFormat UB[4], SoundRate UB[2], SoundSize UB[1], SoundType UB[1]
            AudioPacketType aac = null;
            if (format == SoundFormat.AAC) {
                int apt = r.u8("AACPacketType");
                if (apt > 1) {
                    throw new RtmpProtocolException("reserved AACPacketType " + apt + " (flv-10.1.txt E.4.2.1)");
                }
                aac = AudioPacketType.require(apt);
            }
            return new LegacyAudioTag(format, (b0 >>> 2) & 3, (b0 >>> 1) & 1, b0 & 1, aac, r.rest());
        }
        int pt = b0 & 0x0F;
        List<ModEx> modEx = new ArrayList<>(0);
        if (pt == MOD_EX) {
            pt = ModEx.readChain(r, modEx, MOD_EX);
        }
        AudioPacketType packetType = AudioPacketType.require(pt);
        if (packetType != AudioPacketType.MULTITRACK) {
            AudioFourCc fourCc = AudioFourCc.require(r.u32("AudioFourCc"));
            byte[] data = r.rest();
            validateBody(packetType, data);
            return new ExAudioTag(modEx, packetType, fourCc, data);
        }
        int mb = r.u8("AvMultitrackType / AudioPacketType");
        int mtValue = mb >>> 4;
        int innerValue = mb & 0x0F;
        AvMultitrackType mt = AvMultitrackType.get(mtValue);
        if (mt == null) {
            return new ReservedMultitrackAudioTag(modEx, mtValue, innerValue, r.rest());
        }
        AudioPacketType inner = AudioPacketType.require(innerValue);
        if (inner == AudioPacketType.MULTITRACK) {
            // enhanced-rtmp-v2.md: "This fetch MUST not result in a AudioPacketType.Multitrack"
            throw new RtmpProtocolException("audio Multitrack packet with inner packet type Multitrack");
        }
        if (inner == AudioPacketType.MOD_EX) {
            throw new RtmpProtocolException("audio Multitrack packet with inner packet type ModEx");
        }
        boolean manyCodecs = mt == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
        AudioFourCc shared = manyCodecs ? null : AudioFourCc.require(r.u32("AudioFourCc"));
        List<AudioTrack> tracks = new ArrayList<>(2);
        do {
            AudioFourCc fourCc = manyCodecs ? AudioFourCc.require(r.u32("track AudioFourCc")) : shared;
            int trackId = r.u8("audioTrackId");
            byte[] data;
            if (mt == AvMultitrackType.ONE_TRACK) {
                data = r.rest();
            } else {
                int size = r.u24("sizeOfAudioTrack");
                if (size > r.remaining()) {
                    throw new RtmpProtocolException("audio track " + trackId + " size " + size + " exceeds the "
                            + r.remaining() + " byte(s) left in the message");
                }
                data = r.bytes(size, "audio track body");
            }
            validateBody(inner, data);
            tracks.add(new AudioTrack(trackId, fourCc, data));
        } while (mt != AvMultitrackType.ONE_TRACK && r.hasRemaining());
        return new MultitrackAudioTag(modEx, mt, inner, tracks);
    }

    private static void validateBody(AudioPacketType packetType, byte[] data) {
        if (packetType == AudioPacketType.MULTICHANNEL_CONFIG) {
            MultichannelConfig.parse(data);
        }
    }

    static void writeExHeader(TagBodyWriter w, List<ModEx> modEx, int packetType) {
        if (modEx.isEmpty()) {
            w.u8(EX_HEADER << 4 | packetType);
        } else {
            w.u8(EX_HEADER << 4 | MOD_EX);
            ModEx.writeChain(w, modEx, MOD_EX, packetType);
        }
    }

    // ---- header-only peeks -------------------------------------------------------------------

    /** What the first header bytes say; no payload is copied. */
    private record Header(boolean silence, SoundFormat legacyFormat, int legacyAacPacketType,
                          AudioPacketType packetType, AvMultitrackType multitrack, boolean reservedMultitrack,
                          AudioFourCc fourCc, TagBodyReader reader) {
    }

    private static Header header(byte[] body) {
        if (body == null) {
            throw new RtmpProtocolException("missing audio tag body");
        }
        if (body.length == 0) {
            return new Header(true, null, -1, null, null, false, null, null);
        }
        TagBodyReader r = new TagBodyReader(body, WHAT);
        int b0 = r.u8("AudioTagHeader");
        SoundFormat format = SoundFormat.require(b0 >>> 4);
        if (format != SoundFormat.EX_HEADER) {
            int apt = format == SoundFormat.AAC ? r.u8("AACPacketType") : -1;
            return new Header(false, format, apt, null, null, false, null, r);
        }
        int pt = ModEx.skipChain(r, b0 & 0x0F, MOD_EX);
        AudioPacketType packetType = AudioPacketType.require(pt);
        if (packetType != AudioPacketType.MULTITRACK) {
            return new Header(false, null, -1, packetType, null, false, AudioFourCc.require(r.u32("AudioFourCc")), r);
        }
        int mb = r.u8("AvMultitrackType / AudioPacketType");
        AvMultitrackType mt = AvMultitrackType.get(mb >>> 4);
        if (mt == null) {
            return new Header(false, null, -1, null, null, true, null, r);
        }
        AudioPacketType inner = AudioPacketType.require(mb & 0x0F);
        if (inner == AudioPacketType.MULTITRACK || inner == AudioPacketType.MOD_EX) {
            throw new RtmpProtocolException("audio Multitrack packet with inner packet type " + inner.specName());
        }
        AudioFourCc fourCc = AudioFourCc.require(r.u32("AudioFourCc"));
        return new Header(false, null, -1, inner, mt, false, fourCc, r);
    }

    static boolean peekSequenceHeader(byte[] body) {
        Header h = header(body);
        if (h.silence || h.reservedMultitrack) {
            return false;
        }
        return h.legacyFormat != null ? h.legacyAacPacketType == 0 : h.packetType == AudioPacketType.SEQUENCE_START;
    }

    static FlvCodec peekCodec(byte[] body) {
        Header h = header(body);
        return h.legacyFormat != null ? h.legacyFormat : h.fourCc;
    }

    static int[] peekTrackIds(byte[] body) {
        Header h = header(body);
        if (h.reservedMultitrack) {
            return new int[0];
        }
        if (h.multitrack == null) {
            return new int[] {0};
        }
        return TrackIds.read(h.reader, h.multitrack, TrackIds.AUDIO, AudioFourCc::require);
    }
}
