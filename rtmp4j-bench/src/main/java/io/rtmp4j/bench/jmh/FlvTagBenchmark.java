package io.rtmp4j.bench.jmh;

import io.rtmp4j.flv.AudioTag;
import io.rtmp4j.flv.VideoTag;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * FLV tag body parsing (the payload of RTMP audio/video messages): full {@code parse} into a value,
 * and the header-only peeks the server's hot path uses, for legacy (flv-10.1.txt E.4.2.1, E.4.3.1)
 * and enhanced (enhanced-rtmp-v2.md "Enhanced Video" / "Enhanced Audio") bodies.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class FlvTagBenchmark {

    private byte[] legacyAvcInter;
    private byte[] enhancedHevcInter;
    private byte[] legacyAac;
    private byte[] enhancedOpus;

    @Setup
    public void setup() {
        SplittableRandom random = new SplittableRandom(9);
        legacyAvcInter = new byte[10_700];
        random.nextBytes(legacyAvcInter);
        legacyAvcInter[0] = 0x27; // E.4.3.1: frame type 2 (inter), CodecID 7 (AVC)
        legacyAvcInter[1] = 1;    // AVCPacketType 1: NALU
        legacyAvcInter[2] = 0;    // composition time SI24 = 66 ms
        legacyAvcInter[3] = 0;
        legacyAvcInter[4] = 66;

        enhancedHevcInter = new byte[10_700];
        random.nextBytes(enhancedHevcInter);
        // enhanced-rtmp-v2.md: IsExHeader 1, frame type 2 (inter), VideoPacketType 1 (CodedFrames)
        enhancedHevcInter[0] = (byte) (0x80 | (2 << 4) | 1);
        enhancedHevcInter[1] = 'h';
        enhancedHevcInter[2] = 'v';
        enhancedHevcInter[3] = 'c';
        enhancedHevcInter[4] = '1';
        enhancedHevcInter[5] = 0; // CodedFrames of hvc1 carries SI24 composition time = 66 ms
        enhancedHevcInter[6] = 0;
        enhancedHevcInter[7] = 66;

        legacyAac = new byte[370];
        random.nextBytes(legacyAac);
        legacyAac[0] = (byte) 0xAF; // E.4.2.1: SoundFormat 10 (AAC), 44 kHz, 16 bit, stereo
        legacyAac[1] = 1;           // AACPacketType 1: raw

        enhancedOpus = new byte[160];
        random.nextBytes(enhancedOpus);
        // enhanced-rtmp-v2.md: SoundFormat 9 (ExHeader), AudioPacketType 1 (CodedFrames), FourCC Opus
        enhancedOpus[0] = (byte) ((9 << 4) | 1);
        enhancedOpus[1] = 'O';
        enhancedOpus[2] = 'p';
        enhancedOpus[3] = 'u';
        enhancedOpus[4] = 's';
    }

    @Benchmark
    public VideoTag parseLegacyVideo() {
        return VideoTag.parse(legacyAvcInter);
    }

    @Benchmark
    public VideoTag parseEnhancedVideo() {
        return VideoTag.parse(enhancedHevcInter);
    }

    @Benchmark
    public AudioTag parseLegacyAudio() {
        return AudioTag.parse(legacyAac);
    }

    @Benchmark
    public AudioTag parseEnhancedAudio() {
        return AudioTag.parse(enhancedOpus);
    }

    /** Header-only: keyframe and sequence header flags, as the server's frame classifier reads them. */
    @Benchmark
    public boolean peekLegacyVideo() {
        return VideoTag.isKeyframe(legacyAvcInter) | VideoTag.isSequenceHeader(legacyAvcInter);
    }

    @Benchmark
    public boolean peekEnhancedVideo() {
        return VideoTag.isKeyframe(enhancedHevcInter) | VideoTag.isSequenceHeader(enhancedHevcInter);
    }
}
