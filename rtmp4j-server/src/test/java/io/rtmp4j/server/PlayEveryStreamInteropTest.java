package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.netty.client.FlvFileRecorder;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.session.MediaKind;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 9: a player that copies every stream it is offered ({@code ffmpeg -i URL -map 0 -c copy -t 3})
 * ends on time and gets exactly the published media streams, one per track: nothing the server sends
 * (status, sample access, the late-join metadata) and no metadata update or cue point may become a
 * stream of its own, which FFmpeg's muxer would wait for forever (docs/INTEROP.md "Media").
 *
 * <p>For each codec set the same publication is played by players waiting before the publisher, by
 * late joiners (after 1.5 s, so the GOP cache and the prelude are used), by a player when the publisher
 * unpublishes and by one waiting between two publications; FFmpeg 5.1 plays the legacy stream, FFmpeg
 * 8.1 every one (5.1 cannot read Enhanced RTMP).
 * Every player runs under a hard limit ({@link #PLAYER_LIMIT}) and is killed when it overruns, so a
 * regression fails the test instead of hanging the build. The publishers run much longer than the
 * players need, so a player that ends did so because it had its 3 s, not because the stream ended.
 */
class PlayEveryStreamInteropTest {

    /** A 3 s player that has not ended after this hangs (it ends in ~4 s here, ~5 s after a republish). */
    private static final Duration PLAYER_LIMIT = Duration.ofSeconds(25);

    @TempDir
    Path tmp;

    private LiveServerFixture live;
    private LiveServer server;

    @BeforeEach
    void fixture() {
        live = new LiveServerFixture(tmp);
    }

    @AfterEach
    void stop() throws Exception {
        live.close();
    }

    /** What a player of a publication must get: each stream with a frame count at least its minimum. */
    private record Expected(String typeAndCodec, int minFrames) {
    }

    private static Expected video(String codec) {
        return new Expected("video:" + codec, 60); // 3 s at 25 fps = 75
    }

    private static Expected audio(String codec, int min) {
        return new Expected("audio:" + codec, min);
    }

    private static List<String> publisher(Path ffmpeg, String url, List<String> inputsAndCodecs) {
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel",
                "warning"));
        cmd.addAll(inputsAndCodecs);
        cmd.addAll(List.of("-f", "flv", url));
        return cmd;
    }

    private static List<String> av(String... codecs) {
        List<String> args = new ArrayList<>(List.of("-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "40"));
        args.addAll(List.of(codecs));
        return args;
    }

    /** The player under test: keeps every stream it is offered, 3 s of them. */
    private Process player(Path ffmpeg, String name, String url) throws Exception {
        return live.spawn(name, List.of(ffmpeg.toString(), "-nostdin", "-hide_banner", "-loglevel", "info", "-y",
                "-i", url, "-map", "0", "-c", "copy", "-t", "3", "-f", "flv", tmp.resolve(name + ".flv").toString()));
    }

    /** Waits for {@code p} at most {@link #PLAYER_LIMIT} (then kills it) and checks what it wrote. */
    private void assertPlayed(Process p, String name, Path ffprobe, List<Expected> expected) throws Exception {
        int rc = Peers.await(p, PLAYER_LIMIT);
        assertThat(rc).as("%s (ffmpeg -map 0 -c copy -t 3) ends within %s; exit %d (-1: killed); its log:%n%s",
                name, PLAYER_LIMIT, rc, Peers.tail(tmp.resolve(name + ".log"), 40)).isZero();
        assertStreams(name, Peers.probe(ffprobe, tmp.resolve(name + ".flv")), expected);
    }

    private static void assertStreams(String what, List<Peers.Probed> probed, List<Expected> expected) {
        assertThat(probed).extracting(p -> p.type() + ":" + p.codec())
                .as("%s: exactly the published streams: %s", what, probed)
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(Expected::typeAndCodec).toList());
        for (Expected e : expected) {
            assertThat(probed).as("%s: %s has at least %d frames: %s", what, e.typeAndCodec(), e.minFrames(), probed)
                    .anySatisfy(p -> {
                        assertThat(p.type() + ":" + p.codec()).isEqualTo(e.typeAndCodec());
                        assertThat(p.frames()).isGreaterThanOrEqualTo(e.minFrames());
                    });
        }
    }

    /** ffprobe on the live URL lists exactly the published streams too. */
    private void assertProbedLive(Path ffprobe, String url, List<Expected> expected, String name) throws Exception {
        Path log = tmp.resolve(name + ".log");
        int rc = Peers.run(log, PLAYER_LIMIT, List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                "stream=codec_type,codec_name", "-of", "csv=p=0", url));
        assertThat(rc).as("ffprobe %s; its output:%n%s", url, Peers.tail(log)).isZero();
        List<String> streams = new ArrayList<>();
        for (String line : Files.readAllLines(log, StandardCharsets.UTF_8)) {
            String[] f = line.trim().split(",");
            if (f.length == 2) {
                streams.add(f[1] + ":" + f[0]);
            }
        }
        assertThat(streams).as("ffprobe of the live stream").containsExactlyInAnyOrderElementsOf(
                expected.stream().map(Expected::typeAndCodec).toList());
    }

    /**
     * One publication, played before, late and across a republish: {@code players} are the ffmpeg builds
     * that play it (each as a player waiting before the publisher and as a late joiner; the last one also
     * at the unpublish, between the two publications, and as ffprobe on the live URL).
     */
    private void everyWayOfJoining(String stream, Path publisherFfmpeg, List<String> inputsAndCodecs,
                                   List<Path> players, Path ffprobe, List<Expected> expected) throws Exception {
        server = live.start(HubConfig.defaults(), null);
        String url = live.url(stream);
        StreamKey key = StreamKey.of("live", stream);
        // our own player stays through the republish (FFmpeg's do not), so the stream and its timeline live on
        try (RtmpClient client = RtmpClient.create()) {
            AtomicLong lastVideo = new AtomicLong(-1);
            client.play(url, new PlayListener() {
                @Override
                public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                    if (kind == MediaKind.VIDEO) {
                        lastVideo.set(timestamp);
                    }
                }
            }).get(10, TimeUnit.SECONDS);
            everyWayOfJoining(stream, key, url, publisherFfmpeg, inputsAndCodecs, players, ffprobe, expected);
            assertThat(lastVideo.get()).as("our player got the second publication").isGreaterThan(3000);
        }
    }

    private void everyWayOfJoining(String stream, StreamKey key, String url, Path publisherFfmpeg,
                                   List<String> inputsAndCodecs, List<Path> players, Path ffprobe,
                                   List<Expected> expected) throws Exception {
        int anchor = 1;
        List<Process> before = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            before.add(player(players.get(i), "before-" + i, url));
        }
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == anchor + players.size(),
                Duration.ofSeconds(20))).as("players waiting before the publisher").isTrue();
        Process first = live.spawn("publisher", publisher(publisherFfmpeg, url, inputsAndCodecs));
        live.awaitStreaming(stream, 1500, first);

        List<Process> late = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            late.add(player(players.get(i), "late-" + i, url));
        }
        Path lastPlayer = players.get(players.size() - 1);
        assertProbedLive(ffprobe, url, expected, "ffprobe-live");
        for (int i = 0; i < players.size(); i++) {
            assertPlayed(before.get(i), "before-" + i, ffprobe, expected);
            assertPlayed(late.get(i), "late-" + i, ffprobe, expected);
        }

        // a republish. FFmpeg's RTMP client ends its stream at NetStream.Play.UnpublishNotify (as it does
        // against nginx-rtmp, which sends it too): a player of the first publication ends there, cleanly,
        // with what it had. A player that comes between the two publications waits and then plays the
        // second, whose timeline continues where the first one stopped: its media starts seconds after 0,
        // where its metadata is (the case that made FFmpeg see a subtitle stream).
        Process during = player(lastPlayer, "unpublished", url);
        long joinedAt = server.hub().stream(key).lastTimestamp();
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == anchor + 1
                && server.hub().stream(key).lastTimestamp() >= joinedAt + 1000, Duration.ofSeconds(20))).isTrue();
        first.destroy(); // SIGTERM: ffmpeg unpublishes
        assertThat(first.waitFor(20, TimeUnit.SECONDS)).as("first publisher ends").isTrue();
        assertThat(Peers.waitFor(() -> !server.hub().isPublished(key), Duration.ofSeconds(20))).isTrue();
        List<Expected> some = expected.stream().map(e -> new Expected(e.typeAndCodec(), 10)).toList();
        assertPlayed(during, "unpublished", ffprobe, some);
        long end = server.hub().stream(key).lastTimestamp();

        Process between = player(lastPlayer, "republish", url);
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == anchor + 1, Duration.ofSeconds(20)))
                .isTrue();
        Process second = live.spawn("publisher-2", publisher(publisherFfmpeg, url, inputsAndCodecs));
        assertPlayed(between, "republish", ffprobe, expected);
        assertThat(server.hub().stream(key).lastTimestamp()).as("the second publication continues the timeline")
                .isGreaterThan(end);
        second.destroy();
    }

    @Test
    void h264AacPlayedByFfmpeg51And81() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffmpeg8 = Peers.ffmpeg8("ffmpeg");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        // 48 kHz AAC: 1024 samples a frame, 140 in 3 s
        everyWayOfJoining("legacy", ffmpeg, av("-c:v", "libx264", "-preset", "ultrafast", "-g", "25", "-pix_fmt",
                "yuv420p", "-c:a", "aac", "-b:a", "64k"), List.of(ffmpeg, ffmpeg8), Peers.ffmpeg8("ffprobe"),
                List.of(video("h264"), audio("aac", 80)));
    }

    @Test
    void enhancedAv1OpusPlayedByFfmpeg81() throws Exception {
        Path ffmpeg8 = Peers.ffmpeg8("ffmpeg");
        // Opus: 20 ms frames, 150 in 3 s
        everyWayOfJoining("av1", ffmpeg8, av("-c:v", "libsvtav1", "-preset", "12", "-g", "25", "-pix_fmt",
                "yuv420p", "-c:a", "libopus", "-b:a", "64k"), List.of(ffmpeg8), Peers.ffmpeg8("ffprobe"),
                List.of(video("av1"), audio("opus", 80)));
    }

    @Test
    void enhancedVp9FlacPlayedByFfmpeg81() throws Exception {
        Path ffmpeg8 = Peers.ffmpeg8("ffmpeg");
        // FLAC frames hold 4608 samples: 31 in 3 s at 48 kHz
        everyWayOfJoining("vp9", ffmpeg8, av("-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-g",
                "25", "-b:v", "300k", "-pix_fmt", "yuv420p", "-c:a", "flac"), List.of(ffmpeg8),
                Peers.ffmpeg8("ffprobe"), List.of(video("vp9"), audio("flac", 15)));
    }

    @Test
    void fourTracksPlayedByFfmpeg81AsFourStreams() throws Exception {
        Path ffmpeg8 = Peers.ffmpeg8("ffmpeg");
        // two video tracks (H.264, AV1) and two audio tracks (AAC, Opus): FFmpeg 8 sends track 0 in the
        // ordinary form and the others as Multitrack OneTrack (docs/INTEROP.md "Media")
        List<String> args = List.of("-re", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-re", "-f", "lavfi", "-i", "testsrc2=size=160x120:rate=25",
                "-re", "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000",
                "-re", "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000", "-t", "40",
                "-map", "0:v", "-map", "1:v", "-map", "2:a", "-map", "3:a",
                "-c:v:0", "libopenh264", "-g", "25", "-c:v:1", "libsvtav1", "-preset", "12", "-g", "25",
                "-pix_fmt", "yuv420p", "-c:a:0", "aac", "-c:a:1", "libopus");
        everyWayOfJoining("multi", ffmpeg8, args, List.of(ffmpeg8), Peers.ffmpeg8("ffprobe"),
                List.of(video("h264"), video("av1"), audio("aac", 80), audio("opus", 80)));
    }

    /**
     * A publisher (our client, pacing an FFmpeg-made H.264 + AAC file in real time) that sends a cue point
     * every half second and an {@code onMetaData} update at 1 s and 2.5 s: FFmpeg 5.1 and 8.1 players
     * waiting before it and joining late still get exactly the two media streams and end on time.
     */
    @Test
    void metadataUpdatesAndCuePointsMidStreamDoNotBecomeStreams() throws Exception {
        Path ffmpeg = Peers.require("ffmpeg", "ffmpeg");
        Path ffmpeg8 = Peers.ffmpeg8("ffmpeg");
        Path ffprobe = Peers.ffmpeg8("ffprobe");
        Peers.assumeEncoder(ffmpeg, "libx264", tmp.resolve("encoders.log"));
        Path file = tmp.resolve("source.flv");
        int rc = Peers.run(tmp.resolve("fixture.log"), Duration.ofSeconds(60), List.of(ffmpeg.toString(), "-nostdin",
                "-hide_banner", "-loglevel", "error", "-y", "-f", "lavfi", "-i", "testsrc=size=320x240:rate=25",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000", "-t", "12", "-c:v", "libx264",
                "-preset", "ultrafast", "-g", "25", "-pix_fmt", "yuv420p", "-c:a", "aac", "-b:a", "64k",
                "-f", "flv", file.toString()));
        assertThat(rc).as("fixture:%n%s", Peers.tail(tmp.resolve("fixture.log"))).isZero();
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); FlvReader r = FlvReader.open(in)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                if (t.tagType() != FlvTag.TYPE_SCRIPT) {
                    tags.add(t);
                }
            }
        }

        Path rec = tmp.resolve("rec");
        server = live.start(HubConfig.defaults(), rec);
        String url = live.url("cues");
        StreamKey key = StreamKey.of("live", "cues");
        List<Path> players = List.of(ffmpeg, ffmpeg8);
        // what ./rtmp4j play writes: our player with its FLV recorder
        Path played = tmp.resolve("rtmp4j-play.flv");
        FlvFileRecorder recorder = FlvFileRecorder.create(played);
        RtmpClient playerClient = RtmpClient.create();
        RtmpPlayer ours = playerClient.play(url, recorder).get(10, TimeUnit.SECONDS);
        List<Process> before = new ArrayList<>();
        for (int i = 0; i < players.size(); i++) {
            before.add(player(players.get(i), "before-" + i, url));
        }
        assertThat(Peers.waitFor(() -> server.hub().playerCount(key) == 1 + players.size(), Duration.ofSeconds(20)))
                .isTrue();
        List<Process> late = new ArrayList<>();
        int cues = 0;
        int updates = 0;
        try (RtmpClient client = RtmpClient.create()) {
            RtmpPublisher pub = client.publish(url).get(10, TimeUnit.SECONDS);
            pub.sendMetadata(metadata(0));
            long start = System.nanoTime();
            long nextCue = 250;
            for (FlvTag t : tags) {
                long due = start + TimeUnit.MILLISECONDS.toNanos(t.timestamp());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait); // real-time pacing of the file, as an encoder sends
                }
                if (t.timestamp() >= nextCue) {
                    pub.sendData(t.timestamp(), Amf0String.of("onCuePoint"), Amf0Object.builder()
                            .put("name", "cue-" + cues++).put("time", t.timestamp() / 1000.0)
                            .put("type", "event").build());
                    if (nextCue == 1000 || nextCue == 2500 || nextCue == 4000) {
                        pub.sendMetadata(metadata(++updates));
                    }
                    nextCue += 250;
                }
                pub.send(t);
                if (late.isEmpty() && t.timestamp() >= 1500) {
                    for (int i = 0; i < players.size(); i++) {
                        late.add(player(players.get(i), "late-" + i, url));
                    }
                }
                if (t.timestamp() > 7000 && before.stream().noneMatch(Process::isAlive)
                        && late.stream().noneMatch(Process::isAlive)) {
                    break; // every player has ended: the rest of the file is not needed
                }
            }
            List<Expected> expected = List.of(video("h264"), audio("aac", 80));
            for (int i = 0; i < players.size(); i++) {
                assertPlayed(before.get(i), "before-" + i, ffprobe, expected);
                assertPlayed(late.get(i), "late-" + i, ffprobe, expected);
            }
            pub.closeAsync().get(10, TimeUnit.SECONDS);
        }
        ours.closeAsync().get(10, TimeUnit.SECONDS);
        playerClient.close();
        recorder.close();
        assertThat(cues).isGreaterThanOrEqualTo(20);
        assertThat(updates).isEqualTo(3);
        // ./rtmp4j play's file and the server's recording: flvmeta and ffprobe accept them. A file keeps the
        // publisher's cue points and metadata updates at their place on its timeline (flv-10.1.txt E.4.1: a
        // tag's timestamp is when it applies); FFmpeg reads such script tags of a file as a text-subtitle
        // stream with a packet each, which a file player does not wait for.
        Path recording;
        try (var files = Files.list(rec.resolve("live"))) {
            recording = files.findFirst().orElseThrow();
        }
        Path flvmeta = Peers.require("flvmeta", "flvmeta");
        int sentCues = cues;
        for (Path f : List.of(played, recording)) {
            Path log = tmp.resolve(f.getFileName() + ".flvmeta.log");
            int exit = Peers.run(log, Duration.ofSeconds(20), List.of(flvmeta.toString(), "--check", f.toString()));
            assertThat(exit).as("flvmeta --check %s:%n%s", f.getFileName(), Peers.tail(log)).isZero();
            List<Peers.Probed> probed = Peers.probe(ffprobe, f);
            List<Peers.Probed> media = probed.stream().filter(p -> !p.type().equals("subtitle")).toList();
            assertStreams(f.getFileName().toString(), media, List.of(video("h264"), audio("aac", 80)));
            assertThat(probed).filteredOn(p -> p.type().equals("subtitle"))
                    .as("%s: the cue points and the metadata updates, read by FFmpeg as text", f.getFileName())
                    .singleElement().satisfies(p -> assertThat(p.frames()).isGreaterThanOrEqualTo(sentCues));
        }
        // FFmpeg read the cue points (it keeps their properties as metadata, and prints them) without a stream
        assertThat(Files.readString(tmp.resolve("before-1.log"))).contains("cue-");
    }

    private static Amf0EcmaArray metadata(int version) {
        return Amf0EcmaArray.builder().put("width", 320.0).put("height", 240.0).put("framerate", 25.0)
                .put("videocodecid", 7.0).put("audiocodecid", 10.0).put("version", (double) version).build();
    }
}
