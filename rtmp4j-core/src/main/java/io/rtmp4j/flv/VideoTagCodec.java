package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.ArrayList;
import java.util.List;

/** Parser and shared helpers for {@link VideoTag}. */
final class VideoTagCodec {
    private static final String WHAT = "video tag";
    private static final int MOD_EX = VideoPacketType.MOD_EX.value();

    private VideoTagCodec() {
    }

    static VideoTag parse(byte[] body) {
        if (body == null || body.length == 0) {
            throw new RtmpProtocolException("empty video tag body");
        }
        TagBodyReader r = new TagBodyReader(body, WHAT);
        int b0 = r.u8("VideoTagHeader");
        if ((b0 & 0x80) == 0) {
            return parseLegacy(b0, r);
        }
        // enhanced-rtmp-v2.md "Enhanced Video": IsExHeader UB[1], VideoFrameType UB[3], VideoPacketType UB[4]
        VideoFrameType frameType = VideoFrameType.require((b0 >>> 4) & 0x07);
        int pt = b0 & 0x0F;
        List<ModEx> modEx = new ArrayList<>(0);
        if (pt == MOD_EX) {
            pt = ModEx.readChain(r, modEx, MOD_EX);
        }
        if (frameType == VideoFrameType.COMMAND && pt != VideoPacketType.METADATA.value()) {
            VideoCommand cmd = VideoCommand.require(r.u8("videoCommand"));
            return new VideoCommandTag(true, pt, modEx, cmd, r.rest());
        }
        VideoPacketType packetType = VideoPacketType.require(pt);
        if (packetType != VideoPacketType.MULTITRACK) {
            VideoFourCc fourCc = VideoFourCc.require(r.u32("VideoFourCc"));
            int ct = readCompositionTime(r, packetType, fourCc);
            byte[] data = r.rest();
            validateBody(packetType, data);
            return new ExVideoTag(frameType, modEx, packetType, fourCc, ct, data);
        }
        int mb = r.u8("AvMultitrackType / VideoPacketType");
        int mtValue = mb >>> 4;
        int innerValue = mb & 0x0F;
        AvMultitrackType mt = AvMultitrackType.get(mtValue);
        if (mt == null) {
            // reserved multitrack type: layout unknown, carried verbatim
            return new ReservedMultitrackVideoTag(frameType, modEx, mtValue, innerValue, r.rest());
        }
        VideoPacketType inner = VideoPacketType.require(innerValue);
        if (inner == VideoPacketType.MULTITRACK) {
            // enhanced-rtmp-v2.md: "This fetch MUST not result in a VideoPacketType.Multitrack"
            throw new RtmpProtocolException("video Multitrack packet with inner packet type Multitrack");
        }
        if (inner == VideoPacketType.MOD_EX) {
            throw new RtmpProtocolException("video Multitrack packet with inner packet type ModEx");
        }
        boolean manyCodecs = mt == AvMultitrackType.MANY_TRACKS_MANY_CODECS;
        VideoFourCc shared = manyCodecs ? null : VideoFourCc.require(r.u32("VideoFourCc"));
        List<VideoTrack> tracks = new ArrayList<>(2);
        do {
            VideoFourCc fourCc = manyCodecs ? VideoFourCc.require(r.u32("track VideoFourCc")) : shared;
            int trackId = r.u8("videoTrackId");
            TagBodyReader tr;
            if (mt == AvMultitrackType.ONE_TRACK) {
                tr = r;
            } else {
                int size = r.u24("sizeOfVideoTrack");
                if (size > r.remaining()) {
                    throw new RtmpProtocolException("video track " + trackId + " size " + size + " exceeds the "
                            + r.remaining() + " byte(s) left in the message");
                }
                tr = new TagBodyReader(body, r.position(), r.position() + size, WHAT + " track " + trackId);
                r.skip(size, "video track body");
            }
            int ct = readCompositionTime(tr, inner, fourCc);
            byte[] data = tr.rest();
            validateBody(inner, data);
            tracks.add(new VideoTrack(trackId, fourCc, ct, data));
        } while (mt != AvMultitrackType.ONE_TRACK && r.hasRemaining());
        return new MultitrackVideoTag(frameType, modEx, mt, inner, tracks);
    }

    private static VideoTag parseLegacy(int b0, TagBodyReader r) {
        // flv-10.1.txt E.4.3.1: FrameType UB[4], CodecID UB[4]
        VideoFrameType frameType = VideoFrameType.require(b0 >>> 4);
        int codecValue = b0 & 0x0F;
        if (frameType == VideoFrameType.COMMAND) {
            // enhanced-rtmp-v2.md: "if (videoFrameType == VideoFrameType.Command) videoCommand = UI8"
            VideoCommand cmd = VideoCommand.require(r.u8("videoCommand"));
            return new VideoCommandTag(false, codecValue, List.of(), cmd, r.rest());
        }
        VideoCodecId codec = VideoCodecId.require(codecValue);
        if (codec != VideoCodecId.AVC) {
            return new LegacyVideoTag(frameType, codec, null, 0, r.rest());
        }
        int apt = r.u8("AVCPacketType");
        if (apt > 2) {
            throw new RtmpProtocolException("reserved AVCPacketType " + apt + " (flv-10.1.txt E.4.3.1)");
        }
        int ct = r.si24("CompositionTime");
        return new LegacyVideoTag(frameType, codec, VideoPacketType.require(apt), ct, r.rest());
    }

    private static int readCompositionTime(TagBodyReader r, VideoPacketType packetType, VideoFourCc fourCc) {
        return packetType == VideoPacketType.CODED_FRAMES && fourCc.hasCompositionTime()
                ? r.si24("compositionTimeOffset") : 0;
    }

    /** Validates bodies with a typed form (Metadata), so bad ones fail at parse time. */
    private static void validateBody(VideoPacketType packetType, byte[] data) {
        if (packetType == VideoPacketType.METADATA) {
            VideoMetadata.parse(data);
        }
    }

    static void writeExHeader(TagBodyWriter w, VideoFrameType frameType, List<ModEx> modEx, int packetType) {
        if (modEx.isEmpty()) {
            w.u8(0x80 | frameType.value() << 4 | packetType);
        } else {
            w.u8(0x80 | frameType.value() << 4 | MOD_EX);
            ModEx.writeChain(w, modEx, MOD_EX, packetType);
        }
    }

    static void checkSi24(int v) {
        if (v < -0x800000 || v > 0x7FFFFF) {
            throw new IllegalArgumentException("composition time out of SI24 range: " + v);
        }
    }

    static void checkCompositionTime(VideoPacketType packetType, VideoFourCc fourCc, int ct) {
        checkSi24(ct);
        if (ct != 0 && !(packetType == VideoPacketType.CODED_FRAMES && fourCc.hasCompositionTime())) {
            throw new IllegalArgumentException("composition time exists only for CodedFrames of avc1/hvc1/vvc1");
        }
    }

    static boolean isKeyFrameType(VideoFrameType t) {
        return t == VideoFrameType.KEY || t == VideoFrameType.GENERATED;
    }

    static boolean isCoded(VideoPacketType t) {
        return t == VideoPacketType.CODED_FRAMES || t == VideoPacketType.CODED_FRAMES_X;
    }

    static boolean isSequenceStart(VideoPacketType t) {
        return t == VideoPacketType.SEQUENCE_START || t == VideoPacketType.MPEG2TS_SEQUENCE_START;
    }

    // ---- header-only peeks -------------------------------------------------------------------

    /** What the first header bytes say; no payload is copied. */
    private record Header(VideoFrameType frameType, boolean enhanced, boolean command, VideoCodecId legacyCodec,
                          int legacyAvcPacketType, VideoPacketType packetType, AvMultitrackType multitrack,
                          boolean reservedMultitrack, VideoFourCc fourCc, TagBodyReader reader) {
    }

    private static Header header(byte[] body) {
        if (body == null || body.length == 0) {
            throw new RtmpProtocolException("empty video tag body");
        }
        TagBodyReader r = new TagBodyReader(body, WHAT);
        int b0 = r.u8("VideoTagHeader");
        if ((b0 & 0x80) == 0) {
            VideoFrameType ft = VideoFrameType.require(b0 >>> 4);
            if (ft == VideoFrameType.COMMAND) {
                return new Header(ft, false, true, null, -1, null, null, false, null, r);
            }
            VideoCodecId codec = VideoCodecId.require(b0 & 0x0F);
            int apt = codec == VideoCodecId.AVC ? r.u8("AVCPacketType") : -1;
            return new Header(ft, false, false, codec, apt, null, null, false, null, r);
        }
        VideoFrameType ft = VideoFrameType.require((b0 >>> 4) & 0x07);
        int pt = ModEx.skipChain(r, b0 & 0x0F, MOD_EX);
        if (ft == VideoFrameType.COMMAND && pt != VideoPacketType.METADATA.value()) {
            return new Header(ft, true, true, null, -1, null, null, false, null, r);
        }
        VideoPacketType packetType = VideoPacketType.require(pt);
        if (packetType != VideoPacketType.MULTITRACK) {
            return new Header(ft, true, false, null, -1, packetType, null, false,
                    VideoFourCc.require(r.u32("VideoFourCc")), r);
        }
        int mb = r.u8("AvMultitrackType / VideoPacketType");
        AvMultitrackType mt = AvMultitrackType.get(mb >>> 4);
        if (mt == null) {
            return new Header(ft, true, false, null, -1, null, null, true, null, r);
        }
        VideoPacketType inner = VideoPacketType.require(mb & 0x0F);
        if (inner == VideoPacketType.MULTITRACK || inner == VideoPacketType.MOD_EX) {
            throw new RtmpProtocolException("video Multitrack packet with inner packet type " + inner.specName());
        }
        // the first track's FourCC: shared, or the first per-track one (ManyTracksManyCodecs)
        VideoFourCc fourCc = VideoFourCc.require(r.u32("VideoFourCc"));
        return new Header(ft, true, false, null, -1, inner, mt, false, fourCc, r);
    }

    static boolean peekKeyframe(byte[] body) {
        Header h = header(body);
        if (h.command || h.reservedMultitrack || !isKeyFrameType(h.frameType)) {
            return false;
        }
        if (!h.enhanced) {
            return h.legacyCodec != VideoCodecId.AVC || h.legacyAvcPacketType == 1;
        }
        return isCoded(h.packetType);
    }

    static boolean peekSequenceHeader(byte[] body) {
        Header h = header(body);
        if (h.command || h.reservedMultitrack) {
            return false;
        }
        if (!h.enhanced) {
            return h.legacyAvcPacketType == 0;
        }
        return isSequenceStart(h.packetType);
    }

    static FlvCodec peekCodec(byte[] body) {
        Header h = header(body);
        return h.enhanced ? h.fourCc : h.legacyCodec;
    }

    static int[] peekTrackIds(byte[] body) {
        Header h = header(body);
        if (h.reservedMultitrack) {
            return new int[0];
        }
        if (h.multitrack == null) {
            return new int[] {0};
        }
        return TrackIds.read(h.reader, h.multitrack, TrackIds.VIDEO, VideoFourCc::require);
    }
}
