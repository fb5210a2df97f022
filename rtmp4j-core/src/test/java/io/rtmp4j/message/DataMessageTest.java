package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.amfString;
import static io.rtmp4j.message.TestBytes.b;
import static io.rtmp4j.message.TestBytes.cat;
import static io.rtmp4j.message.TestBytes.name;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.chunk.RawMessage;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Data messages (types 18 and 15, rtmp-1.0.txt §7.1.2). */
class DataMessageTest {

    private final MessageCodec codec = new MessageCodec();

    /** What OBS and ffmpeg send after publish: @setDataFrame onMetaData {ECMA array}. */
    static final byte[] SET_DATA_FRAME = cat(
            amfString("@setDataFrame"),                              // handler name
            amfString("onMetaData"),                                 // metadata name
            b(0x08, 0x00, 0x00, 0x00, 0x02),                         // ECMA array, count 2
            name("width"),                                           //   "width"
            b(0x00, 0x40, 0x94, 0x00, 0x00, 0x00, 0x00, 0x00, 0x00), //   number 1280.0
            name("encoder"),                                         //   "encoder"
            amfString("obs-output module"),                          //   string
            b(0x00, 0x00, 0x09));                                    // object end

    @Test
    void setDataFrameMetadata() {
        RawMessage raw = new RawMessage(4, 18, 0, 1, SET_DATA_FRAME);
        DataMessage d = (DataMessage) codec.decode(raw);
        assertThat(d.type()).isEqualTo(MessageType.DATA_AMF0);
        assertThat(d.name()).contains(DataMessage.SET_DATA_FRAME);
        assertThat(d.isSetDataFrame()).isTrue();
        assertThat(d.properties(2).orElseThrow().number("width")).contains(1280.0);
        assertThat(codec.encode(d)).isEqualTo(raw);

        DataMessage forPlayers = d.withoutSetDataFrame();
        assertThat(forPlayers.name()).contains(DataMessage.ON_META_DATA);
        assertThat(forPlayers.values()).hasSize(2);
        assertThat(forPlayers.withoutSetDataFrame()).isSameAs(forPlayers);
        assertThat(codec.encode(forPlayers).payload())
                .isEqualTo(java.util.Arrays.copyOfRange(SET_DATA_FRAME, 16, SET_DATA_FRAME.length));
    }

    @Test
    void flashStyleType15IsAmf0AfterFormatByte() {
        // docs/INTEROP.md "Commands": Flash labels data as type 15 with a leading 0x00 byte
        RawMessage raw = new RawMessage(4, 15, 0, 1, cat(b(0x00), SET_DATA_FRAME));
        DataMessage d = (DataMessage) codec.decode(raw);
        assertThat(d.type()).isEqualTo(MessageType.DATA_AMF3);
        assertThat(d.isSetDataFrame()).isTrue();
        assertThat(codec.encode(d)).isEqualTo(raw);
        assertThat(codec.encode(d.withType(MessageType.DATA_AMF0)).payload()).isEqualTo(SET_DATA_FRAME);
        assertThatThrownBy(() -> codec.decode(new RawMessage(4, 15, 0, 1, SET_DATA_FRAME)))
                .isInstanceOf(RtmpProtocolException.class);
        assertThatThrownBy(() -> codec.decode(new RawMessage(4, 15, 0, 1, b())))
                .isInstanceOf(RtmpProtocolException.class);
    }

    @Test
    void emptyType18IsAnEmptyList() {
        DataMessage d = (DataMessage) codec.decode(new RawMessage(4, 18, 0, 1, b()));
        assertThat(d.values()).isEmpty();
        assertThat(d.name()).isEmpty();
    }

    @Test
    void factoriesForServerReplies() {
        DataMessage access = DataMessage.rtmpSampleAccess(1, false, false);
        assertThat(codec.encode(access)).isEqualTo(new RawMessage(4, 18, 0, 1, cat(
                amfString("|RtmpSampleAccess"), // handler
                b(0x01, 0x00),                  // boolean false (audio)
                b(0x01, 0x00))));               // boolean false (video)
        Amf0EcmaArray meta = Amf0EcmaArray.builder().put("width", 1280.0).build();
        DataMessage onMeta = DataMessage.onMetaData(1, meta);
        assertThat(onMeta.values()).containsExactly(Amf0Value.of("onMetaData"), meta);
        assertThat(DataMessage.setDataFrame(1, meta).withoutSetDataFrame()).isEqualTo(onMeta);
        assertThat(codec.decode(codec.encode(onMeta))).isEqualTo(onMeta);
        assertThat(new DataMessage(MessageType.DATA_AMF0, List.of(), 0, 1, 4).chunkStreamId()).isEqualTo(4);
        assertThatThrownBy(() -> new DataMessage(MessageType.AUDIO, List.of(), 0, 1, 4))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void badAmfIsAProtocolError() {
        // object marker then a property name claiming 0x7FFF bytes with 1 present
        assertThatThrownBy(() -> codec.decode(new RawMessage(4, 18, 0, 1, b(0x03, 0x7F, 0xFF, 'a'))))
                .isInstanceOf(RtmpProtocolException.class);
        // reserved marker 0x04 (movieclip, amf0.txt §2.6)
        assertThatThrownBy(() -> codec.decode(new RawMessage(4, 18, 0, 1, b(0x04))))
                .isInstanceOf(RtmpProtocolException.class);
    }
}
