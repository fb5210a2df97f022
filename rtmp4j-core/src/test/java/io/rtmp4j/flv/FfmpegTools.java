package io.rtmp4j.flv;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * FFmpeg 8.1 for the tests on real FLV files: files it writes, ffprobe's packets, running a program.
 * Here for {@link FlvRealFilesTest} and, through this module's test-jar, for rtmp4j-cli's inspector
 * tests. FFmpeg 8.1 comes from {@code scripts/fetch-tools.sh} (system property {@code rtmp4j.tools.dir});
 * {@link #require} skips the test with a message when a program is missing.
 */
public final class FfmpegTools {

    private FfmpegTools() {
    }

    /** One media packet: kind, canonical codec name (ffprobe's), dts and pts in ms. */
    public record Packet(String kind, String codec, long dts, long pts) {
    }

    /** FFmpeg 8.1's {@code program} ({@code ffmpeg}, {@code ffprobe}); skips the test when it is missing. */
    public static Path require(String program) {
        Path tools = Path.of(System.getProperty("rtmp4j.tools.dir", ".tools")).resolve("ffmpeg8");
        Path p = tools.resolve(program);
        assumeTrue(Files.isExecutable(p), "FFmpeg 8.1 not found in " + tools + ": run scripts/fetch-tools.sh");
        return p;
    }

    /** Writes {@code dir/name}: 1 s of {@code testsrc2} and {@code sine}, encoded with {@code codecArgs}. */
    public static Path make(Path ffmpeg, Path dir, String name, String... codecArgs) throws Exception {
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

    /** ffprobe's packets, in file order, with their stream's kind and codec. */
    public static List<Packet> ffprobePackets(Path ffprobe, Path f) throws Exception {
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

    /** Runs {@code cmd} (120 s at most) and returns its standard output; a failure is an AssertionError. */
    public static String run(List<String> cmd) throws Exception {
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
}
