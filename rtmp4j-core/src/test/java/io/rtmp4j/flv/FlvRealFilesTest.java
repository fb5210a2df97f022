package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.amf.Amf0EcmaArray;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real FLV files from FFmpeg 8.1 (issue 3 "Real files"): {@link FlvInspector} must see exactly what
 * {@code ffprobe} sees (codecs, packet counts, timestamps), and files written by {@link FlvWriter}
 * must pass {@code ffprobe} and {@code flvmeta --check}.
 *
 * <p>The files are generated here, 1 s of {@code testsrc2} and {@code sine} each, so nothing large is
 * committed. FFmpeg 8.1 comes from {@code scripts/fetch-tools.sh} (system property
 * {@code rtmp4j.tools.dir}); each test is skipped with a message when a program is missing.
 */
class FlvRealFilesTest {

    static Path ffmpeg;
    static Path ffprobe;

    @TempDir
    Path dir;

    @BeforeAll
    static void tools() {
        Path tools = Path.of(System.getProperty("rtmp4j.tools.dir", ".tools")).resolve("ffmpeg8");
        ffmpeg = tools.resolve("ffmpeg");
        ffprobe = tools.resolve("ffprobe");
        assumeTrue(Files.isExecutable(ffmpeg) && Files.isExecutable(ffprobe),
                "FFmpeg 8.1 not found in " + tools + ": run scripts/fetch-tools.sh");
    }

    // ---------------------------------------------------------------- inspect vs ffprobe

    @Test
    void av1AndOpus() throws Exception {
        check(make("av1-opus.flv", "-c:v", "libaom-av1", "-cpu-used", "8", "-c:a", "libopus"),
                Map.of("video", "av1", "audio", "opus"));
    }

    @Test
    void vp9AndFlac() throws Exception {
        check(make("vp9-flac.flv", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-c:a", "flac"),
                Map.of("video", "vp9", "audio", "flac"));
    }

    @Test
    void h264AndAc3() throws Exception {
        check(make("h264-ac3.flv", "-c:v", "libopenh264", "-c:a", "ac3"), Map.of("video", "h264", "audio", "ac3"));
    }

    @Test
    void h264AndEac3() throws Exception {
        check(make("h264-eac3.flv", "-c:v", "libopenh264", "-c:a", "eac3"), Map.of("video", "h264", "audio", "eac3"));
    }

    @Test
    void h264AndMp3() throws Exception {
        check(make("h264-mp3.flv", "-c:v", "libopenh264", "-c:a", "libmp3lame"), Map.of("video", "h264", "audio", "mp3"));
    }

    @Test
    void h264AndAac() throws Exception {
        check(make("h264-aac.flv", "-c:v", "libopenh264", "-c:a", "aac"), Map.of("video", "h264", "audio", "aac"));
    }

    /** Legacy codecs FFmpeg 8.1 still writes: Sorenson H.263 with each legacy audio format it can encode. */
    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.CsvSource({
        "adpcm_swf, 22050, adpcm_swf",
        "nellymoser, 22050, nellymoser",
        "pcm_s16le, 22050, pcm_s16le",
        "pcm_u8, 22050, pcm_u8",
        "pcm_alaw, 8000, pcm_alaw",
        "pcm_mulaw, 8000, pcm_mulaw",
        "libspeex, 16000, speex",
        "libmp3lame, 22050, mp3"})
    void legacyCodecs(String encoder, String rate, String probeName) throws Exception {
        check(make("h263-" + encoder + ".flv", "-c:v", "flv", "-c:a", encoder, "-ar", rate),
                Map.of("video", "flv1", "audio", probeName));
    }

    /** Two video and two audio streams: FFmpeg 8 writes track 0 plain and track 1 as Multitrack OneTrack. */
    @Test
    void fourTracks() throws Exception {
        Path f = dir.resolve("four-tracks.flv");
        run(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=128x96:rate=10:d=1",
                "-f", "lavfi", "-i", "testsrc=size=96x64:rate=10:d=1",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1",
                "-f", "lavfi", "-i", "sine=frequency=880:sample_rate=48000:duration=1",
                "-map", "0", "-map", "1", "-map", "2", "-map", "3",
                "-c:v:0", "libopenh264", "-c:v:1", "libaom-av1", "-cpu-used", "8",
                "-c:a:0", "aac", "-c:a:1", "libopus", f.toString()));
        List<Map<String, Object>> lines = check(f, null);
        // the extra tracks are Multitrack tags with track id 1
        assertThat(lines).anySatisfy(l -> assertThat(l.get("multitrack")).asString()
                .contains("trackId=1, codec=av01"));
        assertThat(lines).anySatisfy(l -> assertThat(l.get("multitrack")).asString()
                .contains("trackId=1, codec=Opus"));
    }

    // ---------------------------------------------------------------- FlvWriter output

    /** A recorder's path: metadata arrives wrapped in @setDataFrame; tags are written back with FlvWriter. */
    @Test
    void rewrittenLegacyFilesAreIdenticalAndPassFlvmeta() throws Exception {
        Path flvmeta = flvmeta();
        for (String[] codecs : new String[][] {{"libopenh264", "aac"}, {"libopenh264", "libmp3lame"}}) {
            Path original = make("orig-" + codecs[1] + ".flv", "-c:v", codecs[0], "-c:a", codecs[1]);
            Path copy = dir.resolve("copy-" + codecs[1] + ".flv");
            rewrite(original, copy, true);
            assertThat(Files.readAllBytes(copy)).as("rewritten %s", original).isEqualTo(Files.readAllBytes(original));
            assertThat(ffprobePackets(copy)).isEqualTo(ffprobePackets(original));
            run(List.of(flvmeta.toString(), "--check", copy.toString()));
        }
    }

    /** A file whose metadata rtmp4j builds itself (AMF0 encoder + FlvWriter) passes flvmeta and ffprobe. */
    @Test
    void fileWithOwnMetadataPassesFlvmetaAndFfprobe() throws Exception {
        Path flvmeta = flvmeta();
        Path original = make("src.flv", "-c:v", "libopenh264", "-c:a", "aac");
        Path out = dir.resolve("own-metadata.flv");
        Amf0EcmaArray meta = Amf0EcmaArray.builder()
                .put("duration", 1.0).put("width", 128.0).put("height", 96.0).put("framerate", 10.0)
                .put("videocodecid", 7.0).put("audiocodecid", 10.0).put("audiosamplerate", 48000.0)
                .put("audiosamplesize", 16.0).put("stereo", false).put("encoder", "rtmp4j").build();
        try (FlvReader r = FlvReader.open(Files.newInputStream(original));
                FlvWriter w = FlvWriter.open(Files.newOutputStream(out), FlvHeader.of(true, true))) {
            w.write(FlvTag.script(0, ScriptTag.onMetaData(meta).encode()));
            for (FlvTag t; (t = r.next()) != null; ) {
                if (!t.isScript()) {
                    w.write(t);
                }
            }
        }
        run(List.of(flvmeta.toString(), "--check", out.toString()));
        assertThat(ffprobePackets(out)).isEqualTo(ffprobePackets(original));
        String fmt = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries", "format_tags=encoder",
                "-of", "default=nw=1", out.toString()));
        assertThat(fmt).contains("TAG:encoder=rtmp4j");
    }

    /** A publisher whose video clock steps back: flvmeta rejects the file as given (E40021), accepts it NON_DECREASING. */
    @Test
    void nonDecreasingPolicySatisfiesFlvmeta() throws Exception {
        Path flvmeta = flvmeta();
        Path original = make("clock.flv", "-c:v", "libopenh264", "-c:a", "aac");
        Path asGiven = dir.resolve("as-given.flv");
        Path fixed = dir.resolve("non-decreasing.flv");
        for (FlvWriter.TimestampPolicy policy : FlvWriter.TimestampPolicy.values()) {
            Path out = policy == FlvWriter.TimestampPolicy.AS_GIVEN ? asGiven : fixed;
            try (FlvReader r = FlvReader.open(Files.newInputStream(original));
                    FlvWriter w = FlvWriter.open(Files.newOutputStream(out), r.header(), policy)) {
                int videoFrames = 0;
                for (FlvTag t; (t = r.next()) != null; ) {
                    if (t.isVideo() && ++videoFrames == 5) {
                        t = t.withTimestamp(t.timestamp() - 150); // at 10 fps: 50 ms behind the frame before
                    }
                    w.write(t);
                }
                assertThat(w.adjustedTimestamps()).isEqualTo(policy == FlvWriter.TimestampPolicy.AS_GIVEN ? 0 : 1);
            }
        }
        assertThat(exitStatus(List.of(flvmeta.toString(), "--check", "-q", asGiven.toString()))).isNotZero();
        run(List.of(flvmeta.toString(), "--check", fixed.toString()));
        assertThat(ffprobePackets(fixed)).hasSameSizeAs(ffprobePackets(original));
    }

    @Test
    void rewrittenEnhancedFilesAreIdentical() throws Exception {
        Path original = make("enh.flv", "-c:v", "libaom-av1", "-cpu-used", "8", "-c:a", "libopus");
        Path copy = dir.resolve("enh-copy.flv");
        rewrite(original, copy, false);
        assertThat(Files.readAllBytes(copy)).isEqualTo(Files.readAllBytes(original));
        assertThat(ffprobePackets(copy)).isEqualTo(ffprobePackets(original));
    }

    // ---------------------------------------------------------------- helpers

    static Path flvmeta() {
        Path p = Path.of("/usr/bin/flvmeta");
        assumeTrue(Files.isExecutable(p), "flvmeta not installed (Debian package flvmeta)");
        return p;
    }

    Path make(String name, String... codecArgs) throws Exception {
        Path f = dir.resolve(name);
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.toString(), "-hide_banner", "-loglevel", "error",
                "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=128x96:rate=10:d=1",
                "-f", "lavfi", "-i", "sine=frequency=440:sample_rate=48000:duration=1"));
        cmd.addAll(Arrays.asList(codecArgs));
        cmd.add(f.toString());
        run(cmd);
        return f;
    }

    static void rewrite(Path from, Path to, boolean viaSetDataFrame) throws IOException {
        try (FlvReader r = FlvReader.open(Files.newInputStream(from));
                FlvWriter w = FlvWriter.open(new java.io.BufferedOutputStream(Files.newOutputStream(to)), r.header())) {
            for (FlvTag t; (t = r.next()) != null; ) {
                if (t.isScript() && viaSetDataFrame) {
                    // what a publisher sends over RTMP, and what the recorder turns back into the file form
                    byte[] rtmpBody = ScriptTag.decode(t.body()).wrapSetDataFrame().encode();
                    t = FlvTag.script(t.timestamp(), ScriptTag.decode(ScriptTag.TYPE_AMF0, rtmpBody).forFile().encode());
                }
                w.write(t);
            }
        }
    }

    /** One media packet: kind, canonical codec name (ffprobe's), dts and pts in ms. */
    record Packet(String kind, String codec, long dts, long pts) {
    }

    /**
     * Runs the inspector (JSON) and ffprobe on {@code f}, compares what they see, and returns the lines.
     *
     * @param expectedCodecs kind to ffprobe codec name, or null to only compare the two views
     */
    List<Map<String, Object>> check(Path f, Map<String, String> expectedCodecs) throws Exception {
        List<String> raw = new ArrayList<>();
        FlvInspector.Summary summary;
        try (InputStream in = Files.newInputStream(f)) {
            summary = new FlvInspector(FlvInspector.Format.JSON).inspect(in, raw::add);
        }
        assertThat(summary.ok()).as("summary of %s: %s", f, summary).isTrue();
        List<FlvTag> tags = new ArrayList<>();
        try (FlvReader r = FlvReader.open(Files.newInputStream(f))) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        assertThat(raw).hasSameSizeAs(tags);
        List<Map<String, Object>> lines = new ArrayList<>();
        List<Packet> ours = new ArrayList<>();
        for (int i = 0; i < raw.size(); i++) {
            String line = raw.get(i);
            assertThat(line).doesNotContain("\n");
            Map<String, Object> m = MiniJson.object(line);
            assertThat(m).as(line).doesNotContainKey("error").containsEntry("tag", (long) i);
            lines.add(m);
            List<Packet> packets = packetsOf(m);
            // FFmpeg's demuxer drops coded-frame tags with an empty payload (FFmpeg 8's FLAC muxer ends
            // with one); ffprobe's empty packets are skipped on its side likewise (see ffprobePackets)
            if (packets.size() == 1 && emptyPayload(tags.get(i))) {
                continue;
            }
            ours.addAll(packets);
        }
        assertThat(lines.get(0)).containsEntry("type", "script").containsEntry("name", "onMetaData");
        List<Packet> theirs = ffprobePackets(f);
        assertThat(byCodec(ours).keySet()).isEqualTo(byCodec(theirs).keySet());
        for (Map.Entry<String, List<Packet>> e : byCodec(theirs).entrySet()) {
            assertThat(byCodec(ours).get(e.getKey())).as("%s packets of %s", e.getKey(), f)
                    .containsExactlyElementsOf(e.getValue());
        }
        if (expectedCodecs != null) {
            assertThat(theirs).extracting(p -> p.kind() + ":" + p.codec()).containsOnly(
                    expectedCodecs.entrySet().stream().map(e -> e.getKey() + ":" + e.getValue()).toArray(String[]::new));
        }
        System.err.printf("[real files] %s: %d tags, %d packets (%s)%n", f.getFileName(), summary.tags(),
                theirs.size(), countByCodec(theirs));
        return lines;
    }

    static Map<String, List<Packet>> byCodec(List<Packet> packets) {
        Map<String, List<Packet>> m = new LinkedHashMap<>();
        for (Packet p : packets) {
            m.computeIfAbsent(p.kind() + ":" + p.codec(), k -> new ArrayList<>()).add(p);
        }
        return new java.util.TreeMap<>(m);
    }

    static String countByCodec(List<Packet> packets) {
        StringBuilder sb = new StringBuilder();
        byCodec(packets).forEach((k, v) -> sb.append(sb.length() > 0 ? ", " : "").append(k).append('=').append(v.size()));
        return sb.toString();
    }

    /** The coded frames a tag line describes (sequence headers, metadata and ends are not packets). */
    @SuppressWarnings("unchecked")
    static List<Packet> packetsOf(Map<String, Object> line) {
        String type = (String) line.get("type");
        if (!"video".equals(type) && !"audio".equals(type)) {
            return List.of();
        }
        long ts = (Long) line.get("timestamp");
        List<Packet> out = new ArrayList<>();
        if (line.get("multitrack") instanceof Map<?, ?> mt) {
            if (isFrames((String) mt.get("packetType"))) {
                for (Object o : (List<Object>) mt.get("tracks")) {
                    Map<String, Object> t = (Map<String, Object>) o;
                    long ct = t.containsKey("compositionTime") ? (Long) t.get("compositionTime") : 0;
                    out.add(new Packet(type, canonical((String) t.get("codec")), ts, ts + ct));
                }
            }
            return out;
        }
        String packetType = (String) line.get("packetType");
        boolean frames = packetType == null ? line.containsKey("codec") && !"command".equals(line.get("frameType"))
                : isFrames(packetType);
        if (frames) {
            long ct = line.containsKey("compositionTime") ? (Long) line.get("compositionTime") : 0;
            String codec = canonical((String) line.get("codec"));
            if (codec.startsWith("pcm_") && Long.valueOf(8).equals(line.get("soundSize"))) {
                codec = "pcm_u8"; // FFmpeg names 8-bit linear PCM (SoundFormat 0 or 3) by its sample format
            }
            out.add(new Packet(type, codec, ts, ts + ct));
        }
        return out;
    }

    /** Whether a single-track audio or video tag carries coded frames with no bytes. */
    static boolean emptyPayload(FlvTag tag) {
        if (tag.isAudio()) {
            AudioTag a = AudioTag.parse(tag.body());
            return a instanceof ExAudioTag e ? e.data().length == 0
                    : a instanceof LegacyAudioTag l && l.data().length == 0;
        }
        if (tag.isVideo()) {
            VideoTag v = VideoTag.parse(tag.body());
            return v instanceof ExVideoTag e ? e.data().length == 0
                    : v instanceof LegacyVideoTag l && l.data().length == 0;
        }
        return false;
    }

    static boolean isFrames(String packetType) {
        return "CodedFrames".equals(packetType) || "CodedFramesX".equals(packetType);
    }

    /** Our codec names (FourCCs, legacy names) as ffprobe's codec_name. */
    static String canonical(String codec) {
        return switch (codec) {
            case "avc", "avc1" -> "h264";
            case "hvc1" -> "hevc";
            case "vvc1" -> "vvc";
            case "av01" -> "av1";
            case "vp09" -> "vp9";
            case "vp08" -> "vp8";
            case "h263" -> "flv1";
            case "vp6" -> "vp6f";
            case "mp4a", "aac" -> "aac";
            case "Opus" -> "opus";
            case "fLaC" -> "flac";
            case "ac-3" -> "ac3";
            case "ec-3" -> "eac3";
            case ".mp3", "mp3", "mp3_8k" -> "mp3";
            case "adpcm" -> "adpcm_swf";
            case "pcm" -> "pcm_s16be";
            case "pcm_le" -> "pcm_s16le";
            case "g711a" -> "pcm_alaw";
            case "g711u" -> "pcm_mulaw";
            default -> codec;
        };
    }

    /** ffprobe's packets, in file order, with their stream's kind and codec. */
    static List<Packet> ffprobePackets(Path f) throws Exception {
        String out = run(List.of(ffprobe.toString(), "-v", "error", "-show_entries",
                "stream=index,codec_name,codec_type:packet=stream_index,pts,dts,size", "-of", "compact", f.toString()));
        Map<String, String[]> streams = new LinkedHashMap<>();
        List<Map<String, String>> packets = new ArrayList<>();
        for (String line : out.split("\n")) {
            Map<String, String> kv = new LinkedHashMap<>();
            String[] parts = line.trim().split("\\|");
            for (int i = 1; i < parts.length; i++) {
                int eq = parts[i].indexOf('=');
                kv.put(parts[i].substring(0, eq), parts[i].substring(eq + 1));
            }
            if (parts[0].equals("stream")) {
                streams.put(kv.get("index"), new String[] {kv.get("codec_type"), kv.get("codec_name")});
            } else if (parts[0].equals("packet")) {
                packets.add(kv);
            }
        }
        List<Packet> result = new ArrayList<>();
        for (Map<String, String> p : packets) {
            if ("0".equals(p.get("size"))) {
                // FFmpeg 8 reports an enhanced SequenceStart with an empty body (libaom's AV1 in FLV)
                // as an empty packet without timestamps; it is no coded frame
                continue;
            }
            String[] s = streams.get(p.get("stream_index"));
            result.add(new Packet(s[0], s[1], Long.parseLong(p.get("dts")), Long.parseLong(p.get("pts"))));
        }
        return result;
    }

    static int exitStatus(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    static String run(List<String> cmd) throws Exception {
        ProcessBuilder pb = new ProcessBuilder(cmd);
        Path err = Files.createTempFile("rtmp4j-tool", ".err");
        pb.redirectError(err.toFile());
        Process p = pb.start();
        p.getOutputStream().close();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        p.getInputStream().transferTo(out);
        boolean done = p.waitFor(120, TimeUnit.SECONDS);
        String errText = Files.readString(err);
        Files.deleteIfExists(err);
        if (!done) {
            p.destroyForcibly();
            throw new AssertionError("timed out: " + cmd);
        }
        if (p.exitValue() != 0) {
            throw new AssertionError("exit " + p.exitValue() + " from " + cmd + "\n" + errText
                    + out.toString(StandardCharsets.UTF_8));
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @SuppressWarnings("unused")
    private static byte[] readAll(Path p) throws IOException {
        return new ByteArrayInputStream(Files.readAllBytes(p)).readAllBytes();
    }
}
