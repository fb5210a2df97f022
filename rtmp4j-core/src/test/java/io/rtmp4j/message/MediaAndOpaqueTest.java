package io.rtmp4j.message;

import static io.rtmp4j.message.TestBytes.b;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.chunk.RawMessage;
import org.junit.jupiter.api.Test;

/** Audio (8), video (9), shared object (19/16) and unknown types: payloads kept as they are, never copied. */
class MediaAndOpaqueTest {

    private final MessageCodec codec = new MessageCodec();

    @Test
    void audioPayloadIsSharedNotCopied() {
        byte[] payload = b(
                0xAF,        // FLV audio tag header: AAC, 44 kHz, 16-bit, stereo (flv-10.1.txt E.4.2.1)
                0x01,        // AACPacketType 1 = raw frame
                0x21, 0x10); // frame bytes
        RawMessage raw = new RawMessage(4, 8, 1000, 1, payload);
        AudioMessage a = (AudioMessage) codec.decode(raw);
        assertThat(a.payload()).isSameAs(payload);
        assertThat(a).isEqualTo(new AudioMessage(payload.clone(), 1000, 1));
        assertThat(codec.encode(a).payload()).isSameAs(payload);
        assertThat(codec.encode(a)).isEqualTo(raw);
    }

    @Test
    void videoPayloadIsSharedNotCopied() {
        byte[] payload = b(
                0x17,              // keyframe, AVC (flv-10.1.txt E.4.3.1)
                0x01,              // AVCPacketType 1 = NALU
                0x00, 0x00, 0x00,  // composition time 0
                0x65);             // a NAL unit byte
        RawMessage raw = new RawMessage(6, 9, 0xFFFF_FFFFL, 1, payload);
        VideoMessage v = (VideoMessage) codec.decode(raw);
        assertThat(v.payload()).isSameAs(payload);
        assertThat(v.timestamp()).isEqualTo(0xFFFF_FFFFL);
        assertThat(codec.encode(v)).isEqualTo(raw);
        assertThat(codec.encode(v.withTimestamp(5)).payload()).isSameAs(payload);
    }

    @Test
    void forwardingToAPlayerKeepsTypeAndPayload() {
        byte[] payload = b(0x27, 0x01, 0x00, 0x00, 0x00); // inter frame, AVC NALU, cts 0
        VideoMessage published = new VideoMessage(payload, 40, 1);
        VideoMessage forPlayer = published.withMessageStreamId(3).withTimestamp(0);
        assertThat(forPlayer.payload()).isSameAs(payload);
        assertThat(forPlayer).isEqualTo(new VideoMessage(payload, 0, 3));
        AudioMessage audio = new AudioMessage(payload, 40, 1).withTimestamp(41);
        assertThat(audio.timestamp()).isEqualTo(41);
    }

    @Test
    void zeroLengthAudioIsSilenceNotAnError() {
        // docs/INTEROP.md "Media": a zero-length audio message means silence
        RawMessage raw = new RawMessage(4, 8, 20, 1, b());
        assertThat(codec.decode(raw)).isEqualTo(new AudioMessage(b(), 20, 1));
        assertThat(codec.encode(codec.decode(raw))).isEqualTo(raw);
    }

    @Test
    void defaultChunkStreamsFollowFfmpeg() {
        assertThat(new AudioMessage(b(), 0, 1).chunkStreamId()).isEqualTo(4);
        assertThat(new VideoMessage(b(), 0, 1).chunkStreamId()).isEqualTo(6);
        assertThat(new SetChunkSize(128).chunkStreamId()).isEqualTo(2);
        assertThat(new UserControl.StreamBegin(1).chunkStreamId()).isEqualTo(2);
        assertThat(MessageCodec.defaultChunkStreamId(MessageType.COMMAND_AMF0, 0)).isEqualTo(3);
        assertThat(MessageCodec.defaultChunkStreamId(MessageType.COMMAND_AMF0, 1)).isEqualTo(5);
        assertThat(MessageCodec.defaultChunkStreamId(MessageType.DATA_AMF0, 1)).isEqualTo(4);
    }

    @Test
    void sharedObjectsAreOpaque() {
        for (int type : new int[] {16, 19}) {
            byte[] body = b(
                    0x00, 0x02, 's', 'o',    // shared object name "so" (U16 length, no marker)
                    0, 0, 0, 0,              // current version 0
                    0, 0, 0, 0, 0, 0, 0, 0,  // flags
                    0x01,                    // event type 1 = Use
                    0, 0, 0, 0);             // event data length 0
            RawMessage raw = new RawMessage(3, type, 0, 0, body);
            SharedObjectMessage m = (SharedObjectMessage) codec.decode(raw);
            assertThat(m.type().id()).isEqualTo(type);
            assertThat(m.body()).isSameAs(body);
            assertThat(codec.encode(m)).isEqualTo(raw);
        }
    }

    @Test
    void unknownTypesAreKeptVerbatim() {
        for (int type : new int[] {0, 7, 10, 11, 12, 13, 14, 21, 23, 255}) {
            RawMessage raw = new RawMessage(3, type, 9, 2, b(1, 2, 3));
            UnknownMessage m = (UnknownMessage) codec.decode(raw);
            assertThat(m.typeId()).isEqualTo(type);
            assertThat(codec.encode(m)).isEqualTo(raw);
        }
        assertThatThrownBy(() -> new UnknownMessage(8, b(), 0, 0, 3)).isInstanceOf(IllegalArgumentException.class);
    }
}
