package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.UnpooledByteBufAllocator;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Recording of publications to FLV files (flv-10.1.txt Annex E) and the directory wall. */
class RecorderTest {

    @TempDir
    Path dir;

    @Test
    void eachPublicationIsWrittenToItsOwnFileWithTimestampsFromZero() throws Exception {
        Clock clock = Clock.fixed(Instant.parse("2026-11-21T19:45:07Z"), ZoneOffset.UTC);
        StreamHub hub = new StreamHub(HubConfig.defaults().withFlushDelay(java.time.Duration.ZERO), dir, UnpooledByteBufAllocator.DEFAULT,
                System::nanoTime, clock, new StreamHubTest.TestClassifier());
        StreamKey key = StreamKey.of("live", "cam");
        PublisherSink sink = new PublisherSink() {
            @Override
            public void close(String reason) {
            }

            @Override
            public String peer() {
                return "test";
            }
        };
        Publication pub = hub.publish(key, sink);
        pub.metadata(new byte[] {2, 0, 10, 'o', 'n', 'M', 'e', 't', 'a', 'D', 'a', 't', 'a', 5});
        pub.video(1000, new byte[] {'S', 1});
        pub.audio(1000, new byte[] {'C', 2});
        pub.video(1000, new byte[] {'K', 3});
        pub.video(1040, new byte[] {'P', 4});
        pub.end();
        pub.video(1080, new byte[] {'P', 5}); // after the end: not recorded

        Path file = dir.resolve("live").resolve("cam-20261121T194507Z.flv");
        assertThat(file).exists();
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(file); FlvReader r = FlvReader.open(in)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        assertThat(tags).extracting(FlvTag::tagType).containsExactly(18, 9, 8, 9, 9);
        assertThat(tags).extracting(FlvTag::timestamp).containsExactly(0L, 0L, 0L, 0L, 40L);
        assertThat(tags.get(4).body()).containsExactly('P', 4);

        // a second publication in the same second gets its own file
        Publication again = hub.publish(key, sink);
        again.video(0, new byte[] {'K', 1});
        again.end();
        try (Stream<Path> files = Files.list(dir.resolve("live"))) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("cam-20261121T194507Z.flv", "cam-20261121T194507Z-1.flv");
        }
    }

    @Test
    void pathsStayInsideTheRecordingDirectory() {
        Instant t = Instant.parse("2026-01-02T03:04:05Z");
        Path p = Recorder.pathFor(dir, StreamKey.of("live", "a.b"), t);
        assertThat(p.getParent().getParent()).isEqualTo(dir.toAbsolutePath().normalize());
        assertThat(p.getFileName().toString()).isEqualTo("a.b-20260102T030405Z.flv");
    }
}
