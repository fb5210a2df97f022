package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.ByteBuf;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.ImmediateEventExecutor;
import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.session.ChunkLayout;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data messages other than metadata (rtmp-1.0.txt §7.1.2, AMF0 type 18: onCuePoint, onTextData...)
 * through the hub: forwarded to the current players in order with media, at their timestamp on the
 * stream's timeline, with the publisher's body byte for byte; never cached for late joiners; never
 * dropped for a congested player when small; held back while a player is paused; recorded as FLV script
 * tags (flv-10.1.txt E.4.4). What players receive is decoded from the chunk bytes the hub wrote.
 *
 * <p>Media payloads follow {@link StreamHubTest}'s convention (byte 0 'K' keyframe, 'P' inter frame,
 * 'S' sequence header, 'A' audio, 'C' audio config; the last byte numbers it).
 */
class DataMessageTest {

    private final AtomicLong now = new AtomicLong(1_000_000_000L);
    private final TrackingAllocator alloc = new TrackingAllocator();
    private final List<ByteBuf> allocated = alloc.allocated;
    private final EventExecutor inline = ImmediateEventExecutor.INSTANCE;
    private final StreamKey key = StreamKey.of("live", "cam");

    @TempDir
    Path dir;

    private StreamHub hub(HubConfig config) {
        return new StreamHub(config.withFlushDelay(Duration.ZERO), null, alloc, now::get, Clock.systemUTC(),
                new StreamHubTest.TestClassifier());
    }

    private static byte[] p(char kind, int n) {
        return new byte[] {(byte) kind, 0, 0, (byte) n};
    }

    private static final class Pub implements PublisherSink {
        @Override
        public void close(String reason) {
        }

        @Override
        public String peer() {
            return "pub";
        }
    }

    /**
     * The AMF0 body of {@code onCuePoint {name: NAME, time: TIME, type: "event"}} (amf0.txt §2.4 string,
     * §2.5 object, §2.2 number), built byte by byte.
     */
    static byte[] cuePoint(String name, double time) {
        return dataBody("onCuePoint", name, time);
    }

    /**
     * The same shape under the name {@code onTextData}: timed text, which players get at its own timestamp
     * (an onCuePoint goes at 0: {@link Publication#playerTimestamp}), so the tests of the timeline use it.
     */
    static byte[] textData(String name, double time) {
        return dataBody("onTextData", name, time);
    }

    private static byte[] dataBody(String handler, String name, double time) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        string(b, handler);                       // 0x02 string marker, U16 length, e.g. "onCuePoint"
        b.write(0x03);                            // object marker (§2.5)
        key(b, "name");                           // U16 length 4, "name" (UTF-8-empty-less key)
        string(b, name);                          // 0x02, U16 length, the cue point's name
        key(b, "time");
        b.write(0x00);                            // number marker (§2.2)
        b.writeBytes(ByteBuffer.allocate(8).putDouble(time).array()); // IEEE 754 double, big-endian
        key(b, "type");
        string(b, "event");
        b.write(0x00);                            // empty key (U16 0) ...
        b.write(0x00);
        b.write(0x09);                            // ... and object-end marker (§2.11)
        return b.toByteArray();
    }

    private static void string(ByteArrayOutputStream b, String s) {
        b.write(0x02);
        key(b, s);
    }

    private static void key(ByteArrayOutputStream b, String s) {
        byte[] u = s.getBytes(StandardCharsets.UTF_8);
        b.write(u.length >>> 8);
        b.write(u.length & 0xFF);
        b.writeBytes(u);
    }

    private static List<RawMessage> ofType(FakePlayer player, int typeId) {
        return player.messages.stream().filter(m -> m.typeId() == typeId).toList();
    }

    private void assertAllReleased() {
        assertThat(allocated).allSatisfy(b -> assertThat(b.refCnt()).as("buffer released").isZero());
    }

    @Test
    void aDataMessageReachesEachPlayerOnceInOrderWithMediaAtItsTimestampWithThePublishersBytes() {
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer early = new FakePlayer(inline);
        FakePlayer other = new FakePlayer(inline, new ChunkLayout(4096, 3, 4, 6, 5));
        Subscription s1 = hub.play(key, early);
        Subscription s2 = hub.play(key, other);
        Publication pub = hub.publish(key, new Pub());
        byte[] cue = textData("caption", 0.12);
        pub.metadata(new byte[] {2, 0, 1, 'M', 1});
        pub.video(1000, p('S', 2));
        pub.video(1000, p('K', 3));
        pub.audio(1010, p('A', 4));
        pub.data(1020, cue);
        pub.video(1040, p('P', 5));

        for (FakePlayer player : List.of(early, other)) {
            // D1 is the metadata; the text's body ends with 0x09, the object end
            assertThat(player.summary()).containsExactly("D1", "V2", "V3", "A4", "D9", "V5");
            // a new stream's timeline is the publisher's clock (Publication); metadata goes at 0
            assertThat(player.timestamps()).containsExactly(0L, 1000L, 1000L, 1010L, 1020L, 1040L);
            RawMessage got = player.messages.get(4);
            assertThat(got.typeId()).isEqualTo(Frame.DATA);      // rtmp-1.0.txt §7.1.2: AMF0 data, 18
            assertThat(got.payload()).isEqualTo(cue);           // the publisher's bytes, not re-encoded
            assertThat(got.chunkStreamId()).isEqualTo(5);        // the layout's data chunk stream
            assertThat(got.messageStreamId()).isEqualTo(player.layout().messageStreamId());
        }
        s1.close();
        s2.close();
        pub.end();
        assertAllReleased();
    }

    @Test
    void aLateJoinerGetsMetadataHeadersAndTheGopButNoOldDataMessage() {
        for (boolean gopCache : new boolean[] {true, false}) {
            StreamHub hub = hub(HubConfig.defaults().withGopCache(gopCache));
            Publication pub = hub.publish(key, new Pub());
            pub.metadata(new byte[] {2, 0, 1, 'M', 1});
            pub.video(0, p('S', 2));
            pub.data(0, textData("before-keyframe", 0));
            pub.video(0, p('K', 3));
            pub.data(20, textData("in-the-gop", 0.02));
            pub.video(40, p('P', 4));
            assertThat(hub.stream(key).gopSize()).isEqualTo(gopCache ? 2 : 0); // K3, P4: no data in the GOP

            FakePlayer late = new FakePlayer(inline);
            Subscription sub = hub.play(key, late);
            byte[] next = textData("after-join", 0.05);
            pub.data(50, next);
            pub.video(80, p('K', 5));

            if (gopCache) {
                assertThat(late.summary()).containsExactly("D1", "V2", "V3", "V4", "D9", "V5");
                assertThat(late.timestamps()).containsExactly(0L, 0L, 0L, 40L, 50L, 80L);
            } else {
                // without a GOP cache the joiner waits for a keyframe for video, but data is not video
                assertThat(late.summary()).containsExactly("D1", "V2", "D9", "V5");
                assertThat(late.timestamps()).containsExactly(0L, 40L, 50L, 80L);
            }
            assertThat(ofType(late, Frame.DATA)).extracting(RawMessage::payload)
                    .as("metadata, then only the text sent after the join")
                    .containsExactly(new byte[] {2, 0, 1, 'M', 1}, next);
            sub.close();
            pub.end();
        }
        assertAllReleased();
    }

    @Test
    void aDataMessageDoesNotMakeAPlayerWaitForAKeyframeAndIsNotDroppedWhenTheQueueIsFull() {
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer player = new FakePlayer(inline);
        hub.play(key, player);
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('P', 1));                       // before any keyframe: skipped
        pub.data(10, textData("early", 0.01));         // delivered although video waits for a keyframe
        pub.video(40, p('K', 2));
        player.writable = false;                       // its queue is full
        pub.video(80, p('P', 3));                      // dropped, video waits for a keyframe again
        pub.audio(90, p('A', 4));                      // dropped
        byte[] cue = textData("while-congested", 0.1);
        pub.data(100, cue);                            // small: never dropped, like configuration
        byte[] big = new byte[Publication.MAX_UNDROPPABLE_DATA_BYTES + 1];
        big[0] = 0x02;                                 // any body; its size is what matters here
        big[big.length - 1] = 7;
        pub.data(110, big);                            // large: dropped like audio while congested
        player.writable = true;
        pub.data(115, big);                            // large, queue drained: delivered
        pub.video(120, p('P', 5));                     // still waiting for a keyframe
        pub.video(160, p('K', 6));

        assertThat(player.summary()).containsExactly("D9", "V2", "D9", "D7", "V6");
        assertThat(player.timestamps()).containsExactly(10L, 40L, 100L, 115L, 160L);
        assertThat(player.messages.get(2).payload()).isEqualTo(cue);
        assertThat(player.closedReason).isNull();
    }

    @Test
    void aPausedPlayerGetsNoDataMessageButReceiveAudioAndVideoFalseDoNotStopThem() {
        // rtmp-1.0.txt §7.2.2.2 / §7.2.2.3 name audio and video only; §7.2.2.8 pause stops the stream
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer player = new FakePlayer(inline);
        FakePlayer witness = new FakePlayer(inline);
        hub.play(key, player);
        hub.play(key, witness);
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('K', 1));
        player.refused.add(Frame.AUDIO);               // receiveAudio false
        player.refused.add(Frame.VIDEO);               // receiveVideo false
        pub.audio(10, p('A', 2));
        byte[] seen = textData("seen", 0.02);
        pub.data(20, seen);
        player.refused.add(Frame.DATA);                // paused: the sink refuses every type
        pub.data(30, textData("missed", 0.03));
        player.refused.clear();                        // unpaused, receiving everything again
        byte[] after = textData("after", 0.04);
        pub.data(40, after);

        assertThat(ofType(player, Frame.DATA)).extracting(RawMessage::payload).containsExactly(seen, after);
        assertThat(ofType(player, Frame.DATA)).extracting(RawMessage::timestamp).containsExactly(20L, 40L);
        assertThat(ofType(witness, Frame.DATA)).hasSize(3);
    }

    @Test
    void dataMessagesOfARepublicationFollowTheStreamsTimelineAndAnEmptyBodyIsIgnored() {
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer player = new FakePlayer(inline);
        hub.play(key, player);
        Publication first = hub.publish(key, new Pub());
        first.video(5000, p('K', 1));
        first.data(5040, textData("first", 5.04));
        first.end();
        first.data(5080, textData("after-the-end", 5.08)); // goes nowhere
        Publication second = hub.publish(key, new Pub());
        second.data(0, new byte[0]);                        // nothing to forward
        second.data(0, textData("second", 0));              // the encoder restarted at 0
        second.video(40, p('K', 2));

        assertThat(player.summary()).containsExactly("V1", "D9", "D9", "V2");
        // the second publication continues just after the last timestamp the stream sent (Publication)
        assertThat(player.timestamps()).containsExactly(5000L, 5040L, 5041L, 5081L);
        assertThat(player.messages.get(2).payload()).isEqualTo(textData("second", 0));
    }

    @Test
    void aPublisherSendingOnlyDataIsStillSilentForTheSweep() {
        StreamHub hub = hub(HubConfig.defaults().withPublisherSilenceTimeout(Duration.ofSeconds(5)));
        Publication pub = hub.publish(key, new Pub());
        pub.video(0, p('K', 1));
        now.addAndGet(TimeUnit.SECONDS.toNanos(6));
        pub.data(6000, cuePoint("keepalive?", 6)); // not media: does not keep the name
        hub.sweep();
        assertThat(pub.isEnded()).isTrue();
    }

    /**
     * Issue 9: FFmpeg's FLV demuxer skips onMetaData, onCuePoint and |RtmpSampleAccess only at timestamp 0
     * and makes a stream of its own of them elsewhere, which a player copying every stream waits for
     * forever. So players get them at 0 wherever they fall: live, in a late joiner's prelude, across a
     * republish; media and timed text keep the timeline.
     */
    @Test
    void metadataAndCuePointsReachPlayersAtTimestampZeroWhereFfmpegSkipsThemAndTimedTextKeepsItsTimestamp() {
        StreamHub hub = hub(HubConfig.defaults());
        FakePlayer early = new FakePlayer(inline);
        hub.play(key, early);
        Publication pub = hub.publish(key, new Pub());
        byte[] meta = {2, 0, 10, 'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', 3, 0, 0, 9};
        pub.metadata(new byte[] {2, 0, 1, 'M', 1});
        pub.video(1000, p('S', 2));
        pub.video(1000, p('K', 3));
        pub.data(1020, cuePoint("ad-break", 1.02));
        pub.metadata(new byte[] {2, 0, 1, 'M', 4});           // an update mid-stream
        pub.data(1030, meta);                                  // onMetaData sent as a plain data message
        pub.data(1035, textData("caption", 1.035));
        pub.video(1040, p('P', 5));
        assertThat(early.summary()).containsExactly("D1", "V2", "V3", "D9", "D4", "D9", "D9", "V5");
        assertThat(early.timestamps()).containsExactly(0L, 1000L, 1000L, 0L, 0L, 0L, 1035L, 1040L);

        FakePlayer late = new FakePlayer(inline);
        hub.play(key, late);
        pub.data(1050, cuePoint("after-join", 1.05));
        pub.video(1080, p('P', 6));
        // the prelude: the latest metadata at 0, the sequence header at the GOP's start, the GOP
        assertThat(late.summary()).containsExactly("D4", "V2", "V3", "V5", "D9", "V6");
        assertThat(late.timestamps()).containsExactly(0L, 1000L, 1000L, 1040L, 0L, 1080L);
        pub.end();

        Publication again = hub.publish(key, new Pub());       // the encoder restarts at 0
        again.metadata(new byte[] {2, 0, 1, 'M', 7});
        again.video(0, p('K', 8));
        again.data(10, cuePoint("republished", 0.01));
        again.video(40, p('P', 9));
        assertThat(late.summary()).endsWith("D7", "V8", "D9", "V9");
        assertThat(late.timestamps()).endsWith(0L, 1081L, 0L, 1121L);
        again.end();
        assertAllReleased();
    }

    @Test
    void onlyTheExactAmf0NamesGoToPlayersAtZero() {
        assertThat(Publication.playerTimestamp(cuePoint("c", 1), 500)).isZero();
        assertThat(Publication.playerTimestamp(new byte[] {2, 0, 17, '|', 'R', 't', 'm', 'p', 'S', 'a', 'm', 'p', 'l',
                'e', 'A', 'c', 'c', 'e', 's', 's', 1, 1, 1, 1}, 500)).isZero();
        assertThat(Publication.playerTimestamp(textData("t", 1), 500)).isEqualTo(500);
        assertThat(Publication.playerTimestamp(dataBody("onCaptionInfo", "x", 1), 500)).isEqualTo(500);
        assertThat(Publication.playerTimestamp(dataBody("onCuePointX", "x", 1), 500)).isEqualTo(500);
        assertThat(Publication.playerTimestamp(dataBody("onCuePoin", "x", 1), 500)).isEqualTo(500);
        assertThat(Publication.playerTimestamp(new byte[] {2, 0, 10, 'o', 'n', 'C', 'u', 'e'}, 500)) // cut short
                .isEqualTo(500);
        assertThat(Publication.playerTimestamp(new byte[] {0x0C, 0, 0, 0, 10, 'o', 'n', 'C', 'u', 'e', 'P', 'o', 'i', 'n',
                't'}, 500)).as("a long string (0x0C) is not the name FFmpeg compares").isEqualTo(500);
        assertThat(Publication.playerTimestamp(new byte[0], 500)).isEqualTo(500);
    }

    @Test
    void recordingWritesDataMessagesAsScriptTagsAtTheirTimestampsAndFlvmetaAcceptsTheFile() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T22:30:00Z"), ZoneOffset.UTC);
        StreamHub hub = new StreamHub(HubConfig.defaults().withFlushDelay(Duration.ZERO), dir, alloc,
                now::get, clock, new StreamHubTest.TestClassifier());
        Publication pub = hub.publish(key, new Pub());
        byte[] meta = ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 320.0).put("height", 240.0)
                .put("videocodecid", 7.0).put("audiocodecid", 10.0).build()).encode();
        byte[] cue1 = cuePoint("one", 0.02);
        byte[] cue2 = cuePoint("two", 0.06);
        pub.metadata(meta);
        pub.video(1000, AVC_HEADER);                         // the recording's timeline starts here
        pub.audio(1000, AAC_HEADER);
        pub.video(1000, avc(true, 0));
        pub.audio(1010, aac(1));
        pub.data(1020, cue1);
        pub.video(1040, avc(false, 1));
        pub.audio(1050, aac(2));
        pub.data(1060, cue2);
        pub.video(1080, avc(false, 2));
        pub.metadata(meta);                                  // an update mid-stream: at the last timestamp
        pub.video(1120, avc(false, 3));
        pub.end();

        Path file = dir.resolve("live").resolve("cam-20261121T223000Z.flv");
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); FlvReader r = FlvReader.open(in)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        assertThat(tags).extracting(FlvTag::tagType).containsExactly(18, 9, 8, 9, 8, 18, 9, 8, 18, 9, 18, 9);
        assertThat(tags).extracting(FlvTag::timestamp)
                .containsExactly(0L, 0L, 0L, 0L, 10L, 20L, 40L, 50L, 60L, 80L, 80L, 120L);
        assertThat(tags.get(5).body()).isEqualTo(cue1);
        assertThat(tags.get(8).body()).isEqualTo(cue2);
        assertThat(ScriptTag.decode(tags.get(5).body()).name()).isEqualTo("onCuePoint");

        Path flvmeta = Peers.require("flvmeta", "flvmeta");
        Path log = dir.resolve("flvmeta.log");
        int exit = Peers.run(log, Duration.ofSeconds(20), List.of(flvmeta.toString(), "--check", file.toString()));
        assertThat(exit).as("flvmeta --check:%n%s", Peers.tail(log)).isZero();
    }

    /**
     * AVC sequence header (flv-10.1.txt E.4.3.1, AVCPacketType 0) with a complete
     * AVCDecoderConfigurationRecord, as FFmpeg 5.1 + libx264 wrote it for 320x240 Baseline. flvmeta
     * parses the SPS for the picture size; with the truncated SPS this test used before, flvmeta
     * crashed once (exit 139) in five runs of the recording test. A synthetic file with that SPS did not
     * crash it in 200 runs, so the cause is not proven, but a valid SPS takes it out of question.
     */
    private static final byte[] AVC_HEADER = {0x17, 0, 0, 0, 0,
        0x01, 0x42, (byte) 0xC0, 0x0D, (byte) 0xFF,   // version 1, Baseline, constraints, level 1.3, 4-byte lengths
        (byte) 0xE1, 0x00, 0x18,                       // one SPS of 24 bytes
        0x67, 0x42, (byte) 0xC0, 0x0D, (byte) 0xD9, 0x01, 0x41, (byte) 0xFB, 0x01, 0x10, 0x00, 0x00,
        0x03, 0x00, 0x10, 0x00, 0x00, 0x03, 0x03, (byte) 0xC0, (byte) 0xF1, 0x42, (byte) 0xA4, (byte) 0x80,
        0x01, 0x00, 0x05,                              // one PPS of 5 bytes
        0x68, (byte) 0xCB, (byte) 0x83, (byte) 0xCB, 0x20};
    /** AAC sequence header (E.4.2.1, AACPacketType 0): AudioSpecificConfig AAC-LC 44.1 kHz stereo. */
    private static final byte[] AAC_HEADER = {(byte) 0xAF, 0, 0x12, 0x10};

    private static byte[] aac(int n) {
        return new byte[] {(byte) 0xAF, 1, 0x21, (byte) n};
    }

    /** An FLV AVC video tag body (flv-10.1.txt E.4.3.1): key or inter frame, AVCPacketType 1, a NAL unit. */
    private static byte[] avc(boolean key, int n) {
        return new byte[] {(byte) (key ? 0x17 : 0x27), 1, 0, 0, 0, 0, 0, 0, 2, (byte) (key ? 0x65 : 0x41), (byte) n};
    }
}
