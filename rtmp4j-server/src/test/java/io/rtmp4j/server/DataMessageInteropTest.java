package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.netty.client.FlvFileSender;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientConnection;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.RtmpUrl;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Data messages (rtmp-1.0.txt §7.1.2) through {@code ./rtmp4j serve}'s {@link LiveServer} over the network:
 * the project's own publisher and player ({@link RtmpClient}), and FFmpeg 5.1 as a player that must not
 * be disturbed by cue points.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class DataMessageInteropTest {

    private static final byte[] AAC_HEADER = {(byte) 0xAF, 0x00, 0x12, 0x10}; // flv-10.1.txt E.4.2.1
    private static final byte[] AVC_HEADER = {0x17, 0x00, 0, 0, 0, 1, 0x42, 0, 0x1E}; // E.4.3.1, AVCPacketType 0

    @TempDir
    Path tmp;

    private LiveServerFixture live;
    private LiveServer server;
    private RtmpClient client;

    @BeforeEach
    void start() throws Exception {
        live = new LiveServerFixture(tmp);
        server = live.start(HubConfig.defaults(), tmp.resolve("rec"));
        client = RtmpClient.create();
    }

    @AfterEach
    void stop() throws Exception {
        client.close();
        live.close();
    }

    /** What a player received, in order. */
    record Got(MediaKind kind, long timestamp, byte[] payload) {
        /** The handler name of a data message (its first AMF0 value, a string), else "". */
        String name() {
            if (kind != MediaKind.DATA || payload.length < 3 || payload[0] != 0x02) {
                return "";
            }
            int len = (payload[1] & 0xFF) << 8 | payload[2] & 0xFF;
            return new String(payload, 3, Math.min(len, payload.length - 3), StandardCharsets.UTF_8);
        }

        @Override
        public String toString() {
            return kind + "@" + timestamp + (kind == MediaKind.DATA ? "(" + name() + ")" : "");
        }
    }

    /** A player recording everything it receives; {@code done} completes once a message matches {@code until}. */
    private static final class Recording implements PlayListener {
        final List<Got> got = new ArrayList<>();
        final CompletableFuture<List<Got>> done = new CompletableFuture<>();
        private final Predicate<Got> until;

        Recording(Predicate<Got> until) {
            this.until = until;
        }

        @Override
        public synchronized void onMetadata(Metadata m) {
            add(new Got(MediaKind.DATA, m.timestamp(), m.payload()));
        }

        @Override
        public synchronized void onMedia(MediaKind kind, long timestamp, byte[] payload) {
            add(new Got(kind, timestamp, payload));
        }

        private void add(Got g) {
            got.add(g);
            if (until.test(g)) {
                done.complete(List.copyOf(got));
            }
        }
    }

    private static byte[] key(int n) {
        return new byte[] {0x17, 0x01, 0, 0, 0, 0x65, (byte) n}; // AVC keyframe, NALU
    }

    private static byte[] inter(int n) {
        return new byte[] {0x27, 0x01, 0, 0, 0, 0x41, (byte) n}; // AVC inter frame, NALU
    }

    private static byte[] aac(int n) {
        return new byte[] {(byte) 0xAF, 0x01, 0x21, (byte) n};
    }

    private static Amf0Object cueProperties(String name, double time) {
        return Amf0Object.builder().put("name", name).put("time", time).put("type", "event").build();
    }

    /** The AMF0 body of {@code onTextData {text: TEXT}}, by hand (amf0.txt §2.4 string, §2.5 object). */
    private static byte[] textData(String text) {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        b.writeBytes(new byte[] {0x02, 0, 10});            // string marker, U16 length 10
        b.writeBytes("onTextData".getBytes(StandardCharsets.US_ASCII));
        b.write(0x03);                                      // object marker
        b.writeBytes(new byte[] {0, 4});                    // key length 4
        b.writeBytes("text".getBytes(StandardCharsets.US_ASCII));
        byte[] t = text.getBytes(StandardCharsets.UTF_8);
        b.writeBytes(new byte[] {0x02, 0, (byte) t.length}); // string marker, U16 length (short text)
        b.writeBytes(t);
        b.writeBytes(new byte[] {0, 0, 0x09});              // empty key, object end (§2.11)
        return b.toByteArray();
    }

    @Test
    void aPlayerJoinedBeforeGetsEachDataMessageOnceWithThePublishersBytesBetweenTheRightFramesAndALateOneNone()
            throws Exception {
        StreamKey key = StreamKey.of("live", "cues");
        Recording early = new Recording(g -> g.kind() == MediaKind.VIDEO && g.timestamp() == 200);
        RtmpPlayer player = client.play(live.url("cues"), early).get(10, TimeUnit.SECONDS);
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == 1, Duration.ofSeconds(10))).isTrue();

        RtmpPublisher pub = client.publish(live.url("cues")).get(10, TimeUnit.SECONDS);
        pub.sendMetadata(Amf0EcmaArray.builder().put("width", 320.0).put("height", 240.0).build());
        pub.sendVideo(0, AVC_HEADER);
        pub.sendAudio(0, AAC_HEADER);
        pub.sendVideo(0, key(1));
        pub.sendAudio(20, aac(1));
        pub.sendData(40, Amf0String.of("onCuePoint"), cueProperties("ad-break", 0.04));
        pub.sendVideo(40, inter(2));
        pub.sendAudio(60, aac(2));
        // an encoder may wrap any data message in @setDataFrame (as it does onMetaData); it goes out without it
        pub.sendData(70, Amf0String.of("@setDataFrame"), Amf0String.of("onTextData"),
                Amf0Object.builder().put("text", "hello").build());
        pub.sendVideo(80, inter(3));
        // a late joiner, once the stream is past both data messages
        Recording late = new Recording(g -> g.kind() == MediaKind.VIDEO && g.timestamp() == 200);
        assertThat(Peers.waitFor(() -> server.hub().stream(key).lastTimestamp() >= 80, Duration.ofSeconds(10)))
                .isTrue();
        RtmpPlayer latePlayer = client.play(live.url("cues"), late).get(10, TimeUnit.SECONDS);
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == 2, Duration.ofSeconds(10))).isTrue();
        pub.sendData(120, Amf0String.of("onCuePoint"), cueProperties("after-join", 0.12));
        pub.sendVideo(160, key(4));
        pub.sendVideo(200, inter(5));

        List<Got> got = early.done.get(20, TimeUnit.SECONDS);
        List<Got> lateGot = late.done.get(20, TimeUnit.SECONDS);
        pub.closeAsync().get(10, TimeUnit.SECONDS);
        player.closeAsync().get(10, TimeUnit.SECONDS);
        latePlayer.closeAsync().get(10, TimeUnit.SECONDS);

        // the server's own |RtmpSampleAccess (play reply, docs/INTEROP.md "Commands") is not the publisher's
        List<Got> stream = got.stream().filter(g -> !g.name().equals("|RtmpSampleAccess")).toList();
        // in order with the media; cue points at timestamp 0, where FFmpeg's FLV demuxer skips them (their time
        // is in their body), timed text at its own (docs/INTEROP.md "Media", Publication#playerTimestamp)
        assertThat(stream).extracting(Got::toString).containsExactly(
                "DATA@0(onMetaData)", "VIDEO@0", "AUDIO@0", "VIDEO@0", "AUDIO@20",
                "DATA@0(onCuePoint)", "VIDEO@40", "AUDIO@60", "DATA@70(onTextData)", "VIDEO@80",
                "DATA@0(onCuePoint)", "VIDEO@160", "VIDEO@200");
        assertThat(stream.get(5).payload()).as("the cue point, byte for byte")
                .isEqualTo(DataMessageTest.cuePoint("ad-break", 0.04));
        assertThat(stream.get(8).payload()).as("onTextData without its @setDataFrame")
                .isEqualTo(textData("hello"));
        assertThat(stream.get(10).payload()).isEqualTo(DataMessageTest.cuePoint("after-join", 0.12));

        // --record: the data messages are script tags (flv-10.1.txt E.4.4) of the recording, at their timestamps
        List<FlvTag> recorded = new ArrayList<>();
        try (var files = Files.list(tmp.resolve("rec").resolve("live"))) {
            Path file = files.filter(f -> f.getFileName().toString().startsWith("cues-")).findFirst().orElseThrow();
            try (InputStream in = Files.newInputStream(file); FlvReader r = FlvReader.open(in)) {
                for (FlvTag t; (t = r.next()) != null; ) {
                    recorded.add(t);
                }
            }
        }
        assertThat(recorded).extracting(t -> t.tagType() + "@" + t.timestamp()).containsExactly(
                "18@0", "9@0", "8@0", "9@0", "8@20", "18@40", "9@40", "8@60", "18@70", "9@80", "18@120",
                "9@160", "9@200");
        assertThat(recorded.get(5).body()).isEqualTo(stream.get(5).payload());
        assertThat(recorded.get(8).body()).isEqualTo(textData("hello"));
        assertThat(recorded.get(10).body()).isEqualTo(stream.get(10).payload());

        List<Got> lateStream = lateGot.stream().filter(g -> !g.name().equals("|RtmpSampleAccess")).toList();
        // metadata and headers, the GOP from the keyframe at 0 (re-timed to it), no old data message
        assertThat(lateStream).extracting(Got::toString).containsExactly(
                "DATA@0(onMetaData)", "VIDEO@0", "AUDIO@0", "VIDEO@0", "AUDIO@20", "VIDEO@40", "AUDIO@60",
                "VIDEO@80", "DATA@0(onCuePoint)", "VIDEO@160", "VIDEO@200");
    }

    @Test
    void aType15DataMessageFromAnAmf3PublisherReachesThePlayerAsTheSameAmf0Body() throws Exception {
        // rtmp-1.0.txt §7.1.2: type 15 is AMF3 data; a client that connected with objectEncoding 3 sends its
        // data as type 15: a format byte 0x00, then AMF0 values (docs/INTEROP.md "Commands", Flash). The
        // session hands the hub the AMF0 body, which players get as an ordinary type 18 message.
        StreamKey key = StreamKey.of("live", "amf3");
        Recording rec = new Recording(g -> g.kind() == MediaKind.VIDEO && g.timestamp() == 80);
        RtmpPlayer player = client.play(live.url("amf3"), rec).get(10, TimeUnit.SECONDS);
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == 1, Duration.ofSeconds(10))).isTrue();
        RtmpUrl url = RtmpUrl.parse(live.url("amf3"));
        RtmpClientConnection conn = client.connect(url, ClientSessionConfig.forUrl(url).objectEncoding(3).build())
                .get(10, TimeUnit.SECONDS);
        assertThat(conn.connectResult().info().number("objectEncoding")).contains(3.0);
        RtmpPublisher pub = conn.publish("amf3").get(10, TimeUnit.SECONDS);
        pub.sendVideo(0, AVC_HEADER);
        pub.sendVideo(0, key(1));
        pub.sendData(40, Amf0String.of("onCuePoint"), cueProperties("flash", 0.04));
        pub.sendVideo(80, inter(2));
        List<Got> got = rec.done.get(20, TimeUnit.SECONDS);
        pub.closeAsync().get(10, TimeUnit.SECONDS);
        player.closeAsync().get(10, TimeUnit.SECONDS);

        List<Got> cues = got.stream().filter(g -> g.name().equals("onCuePoint")).toList();
        assertThat(cues).extracting(Got::timestamp).containsExactly(0L); // a cue point goes to players at 0
        assertThat(cues.get(0).payload()).isEqualTo(DataMessageTest.cuePoint("flash", 0.04));
    }

    @Test
    void ffmpegAsAPlayerIsNotDisturbedByCuePointsAndCaptions() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffprobe = Peers.require("ffprobe", "ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        // 4 s of H.264 (25 fps, a keyframe every second) + AAC, then a cue point and a caption every 10 video tags
        Path plain = tmp.resolve("plain.flv");
        int rc = Peers.run(tmp.resolve("fixture.log"), Duration.ofSeconds(60), List.of(ffmpeg.toString(), "-nostdin",
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=44100", "-t", "4", "-c:v", "libx264",
                "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                "-f", "flv", plain.toString()));
        assertThat(rc).as("fixture:%n%s", Peers.tail(tmp.resolve("fixture.log"))).isZero();
        Path cued = tmp.resolve("cued.flv");
        int cues = 0;
        try (InputStream in = Files.newInputStream(plain); FlvReader r = FlvReader.open(in);
             OutputStream out = Files.newOutputStream(cued); FlvWriter w = FlvWriter.open(out, true, true)) {
            int videos = 0;
            for (FlvTag t; (t = r.next()) != null; ) {
                if (t.tagType() == FlvTag.TYPE_VIDEO && videos++ % 10 == 5) {
                    w.write(FlvTag.script(t.timestamp(), ScriptTag.of("onCuePoint",
                            cueProperties("cue-" + cues, t.timestamp() / 1000.0)).encode()));
                    w.write(FlvTag.script(t.timestamp(), textData("line " + cues)));
                    cues++;
                }
                w.write(t);
            }
        }
        assertThat(cues).isGreaterThanOrEqualTo(9);

        // ffmpeg plays first (it waits for the publisher), so it gets every cue point
        StreamKey key = StreamKey.of("live", "ff");
        Path out = tmp.resolve("played.flv");
        Process player = live.spawn("player", List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel",
                "info", "-y", "-i", live.url("ff"), "-t", "3", "-map", "0:v?", "-map", "0:a?", "-c", "copy",
                "-f", "flv", out.toString()));
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == 1, Duration.ofSeconds(20)))
                .as("ffmpeg plays:%n%s", Peers.tail(tmp.resolve("player.log"))).isTrue();
        RtmpPublisher pub = client.publish(live.url("ff")).get(10, TimeUnit.SECONDS);
        FlvFileSender.Result sent = new FlvFileSender(cued, pub, false, true, 10_000).run();
        assertThat(Peers.await(player, Duration.ofSeconds(30)))
                .as("ffmpeg player exit; log:%n%s", Peers.tail(tmp.resolve("player.log"))).isZero();
        pub.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(sent.tags()).isGreaterThan(2L * cues);

        // 3 s at 25 fps = 75 video frames; 44.1 kHz AAC = 129 frames
        List<Peers.Probed> probed = Peers.probe(ffprobe, out);
        assertThat(probed).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("video");
            assertThat(p.codec()).isEqualTo("h264");
            assertThat(p.frames()).isBetween(70, 80);
        });
        assertThat(probed).anySatisfy(p -> {
            assertThat(p.type()).isEqualTo("audio");
            assertThat(p.codec()).isEqualTo("aac");
            assertThat(p.frames()).isBetween(120, 135);
        });
        String log = Files.readString(tmp.resolve("player.log"));
        // the data reached FFmpeg: 5.1's FLV demuxer reads an onCuePoint's properties into the stream's
        // metadata, which it prints (name: cue-N); onTextData only gets a "not implemented" notice from it
        assertThat(log).as("ffmpeg's log").contains("cue-");
        assertThat(Arrays.asList(log.split("\n"))).as("ffmpeg's log").noneMatch(l -> l.contains("rror"));
    }
}
