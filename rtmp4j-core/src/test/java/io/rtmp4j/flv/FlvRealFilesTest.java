package io.rtmp4j.flv;

import static io.rtmp4j.flv.FfmpegTools.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.amf.Amf0EcmaArray;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real FLV files from FFmpeg 8.1 (issue 3 "Real files"): files written by {@link FlvWriter} must
 * pass {@code ffprobe} and {@code flvmeta --check} (that the inspector sees exactly what
 * {@code ffprobe} sees: rtmp4j-cli's {@code FlvInspectorRealFilesTest}).
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
        ffmpeg = FfmpegTools.require("ffmpeg");
        ffprobe = FfmpegTools.require("ffprobe");
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
        return FfmpegTools.make(ffmpeg, dir, name, codecArgs);
    }

    static List<FfmpegTools.Packet> ffprobePackets(Path f) throws Exception {
        return FfmpegTools.ffprobePackets(ffprobe, f);
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

    static int exitStatus(List<String> cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @SuppressWarnings("unused")
    private static byte[] readAll(Path p) throws IOException {
        return new ByteArrayInputStream(Files.readAllBytes(p)).readAllBytes();
    }
}
