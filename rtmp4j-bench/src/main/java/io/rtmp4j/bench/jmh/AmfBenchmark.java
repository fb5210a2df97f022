package io.rtmp4j.bench.jmh;

import io.rtmp4j.amf.Amf0;
import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.ScriptTag;
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

import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * AMF0 (amf0.txt) decoding and encoding of the {@code onMetaData} script data that ffmpeg writes for
 * a 720p30 H.264 + AAC stream (flv-10.1.txt E.5: a string and an ECMA array of 16 properties).
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class AmfBenchmark {

    private ScriptTag tag;
    private List<Amf0Value> values;
    private byte[] body;

    @Setup
    public void setup() {
        Amf0EcmaArray metadata = Amf0EcmaArray.builder()
                .put("duration", 0.0)
                .put("width", 1280.0)
                .put("height", 720.0)
                .put("videodatarate", 2550.0)
                .put("framerate", 30.0)
                .put("videocodecid", 7.0)
                .put("audiodatarate", 128.0)
                .put("audiosamplerate", 44100.0)
                .put("audiosamplesize", 16.0)
                .put("stereo", true)
                .put("audiocodecid", 10.0)
                .put("major_brand", "isom")
                .put("minor_version", "512")
                .put("compatible_brands", "isomiso2avc1mp41")
                .put("encoder", "Lavf59.27.100")
                .put("filesize", 0.0)
                .build();
        tag = ScriptTag.onMetaData(metadata);
        body = tag.encode();
        values = Amf0.decodeAll(body);
    }

    /** Generic AMF0 decoding of the body into values. */
    @Benchmark
    public List<Amf0Value> decodeValues() {
        return Amf0.decodeAll(body);
    }

    /** Decoding through {@link ScriptTag} (name + arguments), what the server does with data messages. */
    @Benchmark
    public ScriptTag decodeScriptTag() {
        return ScriptTag.decode(body);
    }

    /** Generic AMF0 encoding of the values. */
    @Benchmark
    public byte[] encodeValues() {
        return Amf0.encode(values);
    }

    /** Encoding a {@link ScriptTag}. */
    @Benchmark
    public byte[] encodeScriptTag() {
        return tag.encode();
    }
}
