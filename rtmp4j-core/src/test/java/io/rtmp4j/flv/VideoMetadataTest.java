package io.rtmp4j.flv;

import static io.rtmp4j.flv.TagTestBytes.bytes;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import org.junit.jupiter.api.Test;

/** Metadata packets with colorInfo: enhanced-rtmp-v2.md "Metadata Frame", AMF0 per amf0.txt. */
class VideoMetadataTest {

    /** AMF0 string marker + UI16 length + UTF-8 (amf0.txt §2.4). */
    private static byte[] str(String s) {
        return bytes(0x02, 0x00, s.length(), s);
    }

    /** AMF0 object property name: UI16 length + UTF-8 (amf0.txt §2.5). */
    private static byte[] name(String s) {
        return bytes(0x00, s.length(), s);
    }

    private static final byte[] OBJECT_END = bytes(0x00, 0x00, 0x09);

    @Test
    void partialColorInfo() {
        byte[] wire = bytes(
                0xD4,                                        // IsExHeader | FrameType 5 | PacketType 4 (Metadata)
                "hvc1",                                      // FOURCC
                str("colorInfo"),                            // name
                0x03,                                        // Object
                name("colorConfig"), 0x03,                   //   colorConfig: Object
                name("bitDepth"),                            //     bitDepth:
                0x00, 0x40, 0x24, 0, 0, 0, 0, 0, 0,          //       Number 10.0
                name("transferCharacteristics"),             //     transferCharacteristics:
                0x00, 0x40, 0x30, 0, 0, 0, 0, 0, 0,          //       Number 16.0 (PQ)
                OBJECT_END,                                  //   end colorConfig
                name("hdrCll"), 0x03,                        //   hdrCll: Object
                name("maxFall"),                             //     maxFall:
                0x00, 0x40, 0x79, 0, 0, 0, 0, 0, 0,          //       Number 400.0
                name("maxCLL"),                              //     maxCLL:
                0x00, 0x40, 0x8F, 0x40, 0, 0, 0, 0, 0,       //       Number 1000.0
                OBJECT_END,                                  //   end hdrCll
                OBJECT_END);                                 // end colorInfo
        ExVideoTag tag = (ExVideoTag) VideoTag.parse(wire);
        assertThat(tag.packetType()).isEqualTo(VideoPacketType.METADATA);
        assertThat(tag.frameType()).isEqualTo(VideoFrameType.COMMAND); // ignored for Metadata, but kept
        assertThat(tag.toBytes()).isEqualTo(wire);
        ColorInfo ci = tag.colorInfo().orElseThrow();
        assertThat(ci.isReset()).isFalse();
        assertThat(ci.colorConfig()).isEqualTo(new ColorInfo.ColorConfig(10.0, null, 16.0, null));
        assertThat(ci.hdrCll()).isEqualTo(new ColorInfo.HdrCll(400.0, 1000.0));
        assertThat(ci.hdrMdcv()).isNull();
        // the outbound builder writes the same bytes for the same properties
        ColorInfo built = ColorInfo.builder().bitDepth(10).transferCharacteristics(16).maxFall(400).maxCll(1000)
                .build();
        assertThat(built).isEqualTo(ci);
        assertThat(ExVideoTag.ofColorInfo(VideoFourCc.HEVC, built).toBytes()).isEqualTo(wire);
        assertThat(tag.isKeyframe()).isFalse();
        assertThat(VideoTag.isKeyframe(wire)).isFalse();
    }

    @Test
    void fullColorInfoRoundTripKeepsNumbersExactly() {
        ColorInfo full = ColorInfo.builder()
                .bitDepth(10).colorPrimaries(9).transferCharacteristics(16).matrixCoefficients(9)
                .maxFall(400).maxCll(1000)
                .red(0.708, 0.292).green(0.17, 0.797).blue(0.131, 0.046).whitePoint(0.3127, 0.329)
                .maxLuminance(1000).minLuminance(0.0001)
                .build();
        ExVideoTag tag = ExVideoTag.ofColorInfo(VideoFourCc.AV1, full);
        ExVideoTag parsed = (ExVideoTag) VideoTag.parse(tag.toBytes());
        assertThat(parsed).isEqualTo(tag);
        ColorInfo ci = parsed.colorInfo().orElseThrow();
        assertThat(ci).isEqualTo(full);
        assertThat(ci.hdrMdcv().minLuminance()).isEqualTo(0.0001);
        assertThat(ci.hdrMdcv().whitePointX()).isEqualTo(0.3127);
    }

    @Test
    void resetWithUndefined() {
        byte[] wire = bytes(
                0xD4,             // IsExHeader | command | Metadata
                "av01",           // FOURCC
                str("colorInfo"), // name
                0x06);            // Undefined: reset (the RECOMMENDED form)
        ExVideoTag tag = (ExVideoTag) VideoTag.parse(wire);
        assertThat(tag.colorInfo()).contains(ColorInfo.RESET);
        assertThat(tag.colorInfo().orElseThrow().isReset()).isTrue();
        assertThat(ExVideoTag.ofColorInfo(VideoFourCc.AV1, ColorInfo.RESET).toBytes()).isEqualTo(wire);
        assertThat(ColorInfo.builder().build()).isEqualTo(ColorInfo.RESET);
    }

    @Test
    void resetWithEmptyObjectIsKeptAsSent() {
        byte[] wire = bytes(
                0xD4,             // IsExHeader | command | Metadata
                "vp09",           // FOURCC
                str("colorInfo"), // name
                0x03,             // Object
                OBJECT_END);      // with no property: reset
        VideoTag tag = VideoTag.parse(wire);
        assertThat(((ExVideoTag) tag).colorInfo().orElseThrow().isReset()).isTrue();
        assertThat(tag.toBytes()).isEqualTo(wire);
    }

    @Test
    void ecmaArrayIsAcceptedAsObject() {
        byte[] wire = bytes(
                0x94,                                // IsExHeader | key | Metadata
                "avc1",                              // FOURCC
                str("colorInfo"),                    // name
                0x08, 0x00, 0x00, 0x00, 0x01,        // ECMA array, count 1
                name("hdrCll"), 0x03,                //   hdrCll: Object
                name("maxCLL"),                      //     maxCLL:
                0x00, 0x40, 0x59, 0, 0, 0, 0, 0, 0,  //       Number 100.0
                OBJECT_END,                          //   end hdrCll
                OBJECT_END);                         // end array
        ExVideoTag tag = (ExVideoTag) VideoTag.parse(wire);
        assertThat(tag.colorInfo().orElseThrow().hdrCll()).isEqualTo(new ColorInfo.HdrCll(null, 100.0));
        assertThat(tag.toBytes()).isEqualTo(wire);
    }

    @Test
    void otherPairsAreKeptAndColorInfoIsOptional() {
        byte[] wire = bytes(0xD4, "av01", str("future"), 0x01, 0x01); // ["future", true]
        ExVideoTag tag = (ExVideoTag) VideoTag.parse(wire);
        assertThat(tag.metadata().orElseThrow().entries()).hasSize(1);
        assertThat(tag.colorInfo()).isEmpty();
        assertThat(tag.metadata().orElseThrow().toBytes()).isEqualTo(tag.data());
    }

    @Test
    void metadataInsideMultitrack() {
        byte[] body = VideoMetadata.of(ColorInfo.builder().bitDepth(8).build()).toBytes();
        byte[] wire = bytes(
                0x96,       // IsExHeader | key | Multitrack (with command it would be a command frame)
                0x04,       // OneTrack | Metadata
                "av01",     // FOURCC
                0x01,       // track 1
                body);      // AMF0 pairs
        MultitrackVideoTag tag = (MultitrackVideoTag) VideoTag.parse(wire);
        assertThat(VideoMetadata.parse(tag.tracks().get(0).data()).colorInfo().orElseThrow().colorConfig().bitDepth())
                .isEqualTo(8.0);
        assertThat(tag.toBytes()).isEqualTo(wire);
    }

    @Test
    void malformedMetadataFails() {
        // a name without a value
        assertThatThrownBy(() -> VideoTag.parse(bytes(0xD4, "av01", str("colorInfo"))))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("name without a value");
        // a number where the name should be
        assertThatThrownBy(() -> VideoTag.parse(bytes(0xD4, "av01", 0x00, 0, 0, 0, 0, 0, 0, 0, 0, 0x06)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("not a string");
        // colorInfo of the wrong type
        assertThatThrownBy(() -> VideoTag.parse(bytes(0xD4, "av01", str("colorInfo"), 0x01, 0x01)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("colorInfo must be an object");
        // bitDepth as a string
        assertThatThrownBy(() -> VideoTag.parse(bytes(0xD4, "av01", str("colorInfo"), 0x03, name("colorConfig"), 0x03,
                name("bitDepth"), str("10"), OBJECT_END, OBJECT_END)))
                .isInstanceOf(RtmpProtocolException.class).hasMessageContaining("bitDepth must be a number");
        // truncated AMF0
        assertThatThrownBy(() -> VideoTag.parse(bytes(0xD4, "av01", 0x02, 0x00, 0x09, "color")))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void colorInfoSwitchedToAmf3IsReadThroughItsAmf0Form() {
        byte[] wire = bytes(
                0xD4,             // IsExHeader | command | Metadata
                "av01",           // FOURCC
                str("colorInfo"), // name (AMF0)
                0x11,             // AVM+ marker: an AMF3 value follows (amf0.txt §3.1)
                0x0A, 0x0B, 0x01, // AMF3 object, dynamic, anonymous class (amf3.txt §3.12)
                0x0D, "hdrCll",   //   name "hdrCll" (U29 6 << 1 | 1: inline string of 6 bytes)
                0x0A, 0x0B, 0x01, //   object, dynamic, anonymous
                0x0D, "maxCLL",   //     name "maxCLL" (inline, 6 bytes)
                0x04, 0x64,       //     integer 100
                0x01,             //   end of dynamic members
                0x01);            // end of dynamic members
        ExVideoTag tag = (ExVideoTag) VideoTag.parse(wire);
        assertThat(tag.colorInfo().orElseThrow().hdrCll()).isEqualTo(new ColorInfo.HdrCll(null, 100.0));
        assertThat(tag.toBytes()).isEqualTo(wire);
    }
}
