package io.rtmp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rtmp4j inspect FILE.flv [--json]}: output and exit status (issue 3). */
class InspectCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cmd = new CommandLine(new Main());
        cmd.setOut(new PrintWriter(out));
        cmd.setErr(new PrintWriter(err));
        int exit = cmd.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    Path write(String name, FlvTag... tags) throws IOException {
        Path p = dir.resolve(name);
        try (OutputStream os = Files.newOutputStream(p); FlvWriter w = FlvWriter.open(os, false, false)) {
            for (FlvTag t : tags) {
                w.write(t);
            }
        }
        return p;
    }

    @Test
    void jsonLinesAndExitZero() throws IOException {
        Path f = write("ok.flv", FlvTag.script(0, ScriptTag.of("onCuePoint").encode()));
        Run r = run("inspect", f.toString(), "--json");
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "{\"tag\":0,\"type\":\"script\",\"timestamp\":0,\"size\":13,\"name\":\"onCuePoint\"}");
        assertThat(r.err()).isEmpty();
    }

    @Test
    void textMode() throws IOException {
        Path f = write("ok.flv", FlvTag.script(7, ScriptTag.of("onCuePoint").encode()));
        Run r = run("inspect", f.toString());
        assertThat(r.exit()).isZero();
        assertThat(r.out().lines()).containsExactly(
                "header=FLV version=1 audio=false video=false dataOffset=9",
                "tag=0 type=script timestamp=7 size=13 name=onCuePoint");
    }

    @Test
    void malformedTagMeansExitOne() throws IOException {
        Path f = write("bad.flv", FlvTag.script(0, new byte[] {0x02, 0x00}), FlvTag.script(1, ScriptTag.of("x").encode()));
        Run r = run("inspect", "--json", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow()).contains("\"error\":");
        assertThat(r.err()).contains("1 malformed of 2 tags");
    }

    @Test
    void tagOverMaxTagSizeIsReportedAndSkipped() throws IOException {
        Path f = write("big.flv", FlvTag.video(0, new byte[100]), FlvTag.script(1, ScriptTag.of("after").encode()));
        Run r = run("inspect", "--json", "--max-tag-size", "50", f.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.out().lines()).hasSize(2);
        assertThat(r.out().lines().findFirst().orElseThrow())
                .startsWith("{\"tag\":0,\"type\":\"video\",\"timestamp\":0,\"size\":100,\"offset\":13,\"error\":")
                .contains("exceeds the limit of 50 bytes");
        assertThat(r.out().lines().skip(1).findFirst().orElseThrow()).contains("\"name\":\"after\"");
        Run negative = run("inspect", "--max-tag-size", "-1", f.toString());
        assertThat(negative.exit()).isEqualTo(2); // picocli's usage-error status
        assertThat(negative.err()).contains("--max-tag-size must not be negative");
    }

    @Test
    void missingFileMeansExitTwo() {
        Run r = run("inspect", dir.resolve("nope.flv").toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("no such file");
    }

    /** A real FFmpeg 8.1 file (AV1 + Opus, enhanced): every line is a tag, the exit status 0. */
    @Test
    void realFfmpegFile() throws Exception {
        Path ffmpeg = Path.of(System.getProperty("rtmp4j.tools.dir", ".tools"), "ffmpeg8", "ffmpeg");
        org.junit.jupiter.api.Assumptions.assumeTrue(Files.isExecutable(ffmpeg),
                "FFmpeg 8.1 not found at " + ffmpeg + ": run scripts/fetch-tools.sh");
        Path f = dir.resolve("av1-opus.flv");
        Process p = new ProcessBuilder(ffmpeg.toString(), "-hide_banner", "-loglevel", "error", "-nostdin", "-y",
                "-f", "lavfi", "-i", "testsrc2=size=64x48:rate=10:d=0.5",
                "-f", "lavfi", "-i", "sine=sample_rate=48000:duration=0.5",
                "-c:v", "libaom-av1", "-cpu-used", "8", "-c:a", "libopus", f.toString())
                .redirectErrorStream(true).start();
        String log = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor()).as(log).isZero();
        Run r = run("inspect", "--json", f.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        java.util.List<String> lines = r.out().lines().toList();
        assertThat(lines.get(0)).startsWith("{\"tag\":0,\"type\":\"script\",\"timestamp\":0,").contains("\"name\":\"onMetaData\"");
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"codec\":\"av01\"", "\"packetType\":\"CodedFrames\""));
        assertThat(lines).anySatisfy(l -> assertThat(l).contains("\"codec\":\"Opus\"", "\"packetType\":\"CodedFrames\""));
        assertThat(lines).allSatisfy(l -> assertThat(l).startsWith("{\"tag\":").endsWith("}").doesNotContain("\"error\""));
        Run text = run("inspect", f.toString());
        assertThat(text.exit()).isZero();
        assertThat(text.out().lines()).hasSize(lines.size() + 1); // plus the header line
    }
}
