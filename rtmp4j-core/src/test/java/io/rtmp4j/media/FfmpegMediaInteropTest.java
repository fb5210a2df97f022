package io.rtmp4j.media;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.rtmp4j.flv.AudioTag;
import io.rtmp4j.flv.ColorInfo;
import io.rtmp4j.flv.ExVideoTag;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.VideoTag;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Interop: FLV files written by FFmpeg 8.1 (enhanced codecs, multitrack, HDR colorInfo) are parsed tag
 * by tag, rebuilt byte for byte, and turned into media packets whose per-codec counts and
 * timestamps match what ffprobe reports. Skipped unless {@code scripts/fetch-tools.sh} has put
 * FFmpeg 8.1 into {@code .tools/ffmpeg8} (DEVELOPERS.md "Test peers").
 */
class FfmpegMediaInteropTest {

    @TempDir
    Path tmp;

    static List<Arguments> files() {
        String lavfiVideo = "testsrc2=size=160x120:rate=25";
        String lavfiAudio48 = "sine=frequency=440:sample_rate=48000";
        String lavfiAudio44 = "sine=frequency=440:sample_rate=44100";
        return List.of(
                Arguments.of("AV1 + Opus", List.of("-f", "lavfi", "-i", lavfiVideo, "-f", "lavfi", "-i", lavfiAudio48,
                        "-t", "1", "-c:v", "libsvtav1", "-preset", "12", "-c:a", "libopus", "-b:a", "32k")),
                Arguments.of("VP9 + FLAC", List.of("-f", "lavfi", "-i", lavfiVideo, "-f", "lavfi", "-i", lavfiAudio48,
                        "-t", "1", "-c:v", "libvpx-vp9", "-deadline", "realtime", "-cpu-used", "8", "-c:a", "flac")),
                Arguments.of("H.264 + AC-3", List.of("-f", "lavfi", "-i", lavfiVideo, "-f", "lavfi", "-i", lavfiAudio48,
                        "-t", "1", "-c:v", "libopenh264", "-c:a", "ac3")),
                Arguments.of("E-AC-3", List.of("-f", "lavfi", "-i", lavfiAudio48, "-t", "1", "-c:a", "eac3")),
                Arguments.of("MP3", List.of("-f", "lavfi", "-i", lavfiAudio44, "-t", "1", "-c:a", "libmp3lame")),
                Arguments.of("AV1 HDR colorInfo", List.of("-f", "lavfi", "-i", lavfiVideo, "-t", "0.5",
                        "-c:v", "libsvtav1", "-preset", "12", "-pix_fmt", "yuv420p10le", "-color_primaries", "bt2020",
                        "-color_trc", "smpte2084", "-colorspace", "bt2020nc")),
                Arguments.of("two video + two audio tracks", List.of("-f", "lavfi", "-i", lavfiVideo,
                        "-f", "lavfi", "-i", "testsrc=size=96x64:rate=25", "-f", "lavfi", "-i", lavfiAudio44,
                        "-f", "lavfi", "-i", lavfiAudio48, "-t", "1",
                        "-map", "0:v", "-map", "1:v", "-map", "2:a", "-map", "3:a",
                        "-c:v:0", "libopenh264", "-c:v:1", "libsvtav1", "-preset:v:1", "12",
                        "-c:a:0", "aac", "-c:a:1", "libopus")));
    }

    static Optional<Path> tool(String name) {
        String dir = System.getProperty("rtmp4j.tools.dir");
        if (dir == null) {
            return Optional.empty();
        }
        Path p = Path.of(dir, "ffmpeg8", name);
        return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("files")
    void ffmpeg8FilesParseRebuildAndMatchFfprobe(String name, List<String> encodeArgs) throws Exception {
        Optional<Path> ffmpeg = tool("ffmpeg");
        Optional<Path> ffprobe = tool("ffprobe");
        assumeTrue(ffmpeg.isPresent() && ffprobe.isPresent(),
                "FFmpeg 8.1 is not in .tools/ffmpeg8 (run scripts/fetch-tools.sh); skipping");
        Path flv = tmp.resolve("out.flv");
        List<String> cmd = new ArrayList<>(List.of(ffmpeg.get().toString(), "-hide_banner", "-nostdin", "-v", "error",
                "-y"));
        cmd.addAll(encodeArgs);
        cmd.addAll(List.of("-f", "flv", flv.toString()));
        run(cmd);

        // our view: coded-frame packets per codec, as "dts/pts" in ms
        Map<String, List<String>> ours = new TreeMap<>();
        boolean sawColorInfo = false;
        MediaPacketAdapter adapter = new MediaPacketAdapter();
        try (InputStream in = Files.newInputStream(flv); FlvReader reader = FlvReader.open(in)) {
            for (FlvTag tag = reader.next(); tag != null; tag = reader.next()) {
                List<MediaPacket> packets;
                if (tag.tagType() == FlvTag.TYPE_VIDEO) {
                    VideoTag v = VideoTag.parse(tag.body());
                    assertThat(v.toBytes()).isEqualTo(tag.body());
                    if (v instanceof ExVideoTag e && e.colorInfo().isPresent() && name.contains("HDR")) {
                        // FFmpeg writes colorInfo for SDR too ({colorConfig: {}}); check the HDR one's values
                        sawColorInfo = true;
                        ColorInfo ci = e.colorInfo().get();
                        // FFmpeg 8.1 + libsvtav1 writes a partial colorConfig: only the properties it
                        // knows, here matrixCoefficients; any other one present must carry the asked value
                        assertThat(ci.colorConfig().matrixCoefficients()).isEqualTo(9.0); // BT.2020 NCL
                        assertThat(ci.colorConfig().transferCharacteristics()).isIn(null, 16.0); // PQ
                        assertThat(ci.colorConfig().colorPrimaries()).isIn(null, 9.0); // BT.2020
                    }
                    packets = adapter.adaptVideo(tag.timestamp(), v);
                } else if (tag.tagType() == FlvTag.TYPE_AUDIO) {
                    AudioTag a = AudioTag.parse(tag.body());
                    assertThat(a.toBytes()).isEqualTo(tag.body());
                    packets = adapter.adaptAudio(tag.timestamp(), a);
                } else {
                    continue;
                }
                for (MediaPacket p : packets) {
                    // FFmpeg's demuxer drops zero-size packets (its FLAC muxer ends with an empty CodedFrames)
                    if (p.kind() == MediaPacket.Kind.CODED_FRAME && p.data().length > 0) {
                        ours.computeIfAbsent(ffprobeName(p.codec()), k -> new ArrayList<>())
                                .add(p.dtsNanos() / 1_000_000 + "/" + p.ptsNanos() / 1_000_000);
                    }
                }
            }
        }
        if (name.contains("HDR")) {
            assertThat(sawColorInfo).as("FFmpeg writes a Metadata packet with colorInfo").isTrue();
        }

        // ffprobe's view
        Map<Integer, String> streams = new HashMap<>();
        for (String line : run(List.of(ffprobe.get().toString(), "-v", "error", "-show_entries",
                "stream=index,codec_name", "-of", "csv=p=0", flv.toString()))) {
            String[] f = line.split(",");
            streams.put(Integer.parseInt(f[0]), f[1]);
        }
        Map<String, List<String>> theirs = new TreeMap<>();
        for (String line : run(List.of(ffprobe.get().toString(), "-v", "error", "-show_entries",
                "packet=stream_index,dts,pts", "-of", "csv=p=0", flv.toString()))) {
            String[] f = line.split(",");
            if (f[2].equals("N/A")) {
                // ffprobe lists an untimed packet for E-AC-3's empty SequenceStart; no media packet is made for it
                continue;
            }
            theirs.computeIfAbsent(streams.get(Integer.parseInt(f[0])), k -> new ArrayList<>()).add(f[2] + "/" + f[1]);
        }
        assertThat(ours).isEqualTo(theirs);
    }

    private static String ffprobeName(MediaCodec c) {
        return switch (c) {
            case H264 -> "h264";
            case HEVC -> "hevc";
            case AV1 -> "av1";
            case VP9 -> "vp9";
            case VP8 -> "vp8";
            case OPUS -> "opus";
            case FLAC -> "flac";
            case AC3 -> "ac3";
            case EAC3 -> "eac3";
            case MP3 -> "mp3";
            case AAC -> "aac";
            default -> c.name();
        };
    }

    private List<String> run(List<String> cmd) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
        pb.environment().put("LD_LIBRARY_PATH", Path.of(cmd.get(0)).getParent().toString());
        Process p = pb.start();
        byte[] out = p.getInputStream().readAllBytes();
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).isTrue();
        String text = new String(out, StandardCharsets.UTF_8);
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + text).isZero();
        List<String> lines = new ArrayList<>();
        for (String l : text.split("\n")) {
            if (!l.isBlank() && !l.startsWith("Svt[")) {
                lines.add(l.strip());
            }
        }
        return lines;
    }
}
