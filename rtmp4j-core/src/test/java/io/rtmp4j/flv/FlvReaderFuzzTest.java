package io.rtmp4j.flv;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Fuzzes {@link FlvReader}: any input is read to its end or stopped by an {@link FlvFormatException},
 * never another exception; a resumable fault lets reading go on; the tags read are written back by
 * {@link FlvWriter} and read again unchanged (the inspector on the same inputs: rtmp4j-cli's
 * {@code FlvInspectorFuzzTest}). Regression inputs:
 * {@code src/test/resources/io/rtmp4j/flv/FlvReaderFuzzTestInputs/read/}.
 */
class FlvReaderFuzzTest {

    /** Small limits so the fuzzer reaches them. */
    static final FlvReader.Limits LIMITS = new FlvReader.Limits(4096);

    @FuzzTest(maxDuration = "4m")
    void read(byte[] data) throws IOException {
        List<FlvTag> tags = new ArrayList<>();
        FlvHeader header = null;
        try (FlvReader r = FlvReader.open(new ByteArrayInputStream(data), LIMITS)) {
            header = r.header();
            while (true) {
                long before = r.position();
                try {
                    FlvTag t = r.next();
                    if (t == null) {
                        break;
                    }
                    assertThat(t.dataSize()).isLessThanOrEqualTo(LIMITS.maxDataSize());
                    tags.add(t);
                } catch (FlvFormatException e) {
                    if (!e.resumable()) {
                        break;
                    }
                    assertThat(r.position()).as("a resumable fault moves on").isGreaterThan(before);
                }
                assertThat(r.position()).isLessThanOrEqualTo(data.length);
            }
        } catch (FlvFormatException e) {
            assertThat(e.resumable()).isFalse();
        }
        if (header != null) {
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            try (FlvWriter w = FlvWriter.open(out, header)) {
                for (FlvTag t : tags) {
                    w.write(t);
                }
            }
            List<FlvTag> again = new ArrayList<>();
            try (FlvReader r = FlvReader.open(new ByteArrayInputStream(out.toByteArray()), LIMITS)) {
                for (FlvTag t; (t = r.next()) != null; ) {
                    again.add(t);
                }
            }
            assertThat(again).isEqualTo(tags);
        }
    }
}
