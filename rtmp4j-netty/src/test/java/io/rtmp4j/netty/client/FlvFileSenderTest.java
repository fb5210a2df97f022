package io.rtmp4j.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.ServerSessionListener;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** {@link FlvFileSender}: an FLV file published tag by tag, in real time or as fast as possible, looped. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class FlvFileSenderTest {

    @TempDir
    Path tmp;

    RtmpServer server;
    RtmpClient client;
    final List<String> received = new CopyOnWriteArrayList<>();
    final List<Long> videoTimestamps = new CopyOnWriteArrayList<>();
    final java.util.concurrent.atomic.AtomicLong videoBytes = new java.util.concurrent.atomic.AtomicLong();
    volatile CompletableFuture<Void> enough = new CompletableFuture<>();
    volatile int wanted = Integer.MAX_VALUE;

    @BeforeEach
    void start() {
        server = RtmpServer.builder().bind("127.0.0.1").port(0).listener(conn -> new ServerSessionListener() {
            @Override
            public void onMetadata(Metadata m) {
                received.add("metadata " + m.timestamp());
            }

            @Override
            public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
                received.add(kind + " " + timestamp);
                if (kind == MediaKind.VIDEO) {
                    videoBytes.addAndGet(payload.length);
                    videoTimestamps.add(timestamp);
                    if (videoTimestamps.size() >= wanted) {
                        enough.complete(null);
                    }
                }
            }
        }).build().start();
        client = RtmpClient.create();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    /** onMetaData, an AVC and an AAC sequence header, 10 video frames 40 ms apart and 10 audio frames. */
    Path file(long firstTimestamp) throws Exception {
        Path f = tmp.resolve("in.flv");
        try (OutputStream out = Files.newOutputStream(f); FlvWriter w = FlvWriter.open(out, true, true)) {
            w.write(FlvTag.script(0, ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 2.0).build())
                    .encode()));
            w.write(FlvTag.video(firstTimestamp, new byte[] {0x17, 0, 0, 0, 0, 1}));
            w.write(FlvTag.audio(firstTimestamp, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}));
            for (int i = 0; i < 10; i++) {
                w.write(FlvTag.video(firstTimestamp + 40L * i, new byte[] {(byte) (i == 0 ? 0x17 : 0x27), 1, 0, 0, 0}));
                w.write(FlvTag.audio(firstTimestamp + 40L * i + 5, new byte[] {(byte) 0xAF, 1, (byte) i}));
            }
        }
        return f;
    }

    @Test
    void realTimePacingTakesAsLongAsTheFile() throws Exception {
        Path f = file(1000); // the file's first timestamp becomes 0 on the wire
        RtmpPublisher p = client.publish("rtmp://127.0.0.1:" + server.port() + "/live/paced").get(10, TimeUnit.SECONDS);
        long t0 = System.nanoTime();
        FlvFileSender.Result r = new FlvFileSender(f, p, false, true, 5000).run();
        long elapsedMs = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - t0);
        p.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(r.tags()).isEqualTo(23);
        assertThat(r.passes()).isEqualTo(1);
        assertThat(r.lastTimestamp()).isEqualTo(365);
        assertThat(elapsedMs).as("paced by the timestamps: the last tag leaves 365 ms after the first")
                .isGreaterThanOrEqualTo(360);
        assertThat(received).startsWith("metadata 0", "VIDEO 0", "AUDIO 0", "VIDEO 0", "AUDIO 5", "VIDEO 40");
    }

    @Test
    void aLargeFileSentAsFastAsPossibleArrivesWhole() throws Exception {
        // 64 video tags of 512 KiB (32 MiB), unpaced: the sender waits on whenWritable(), Netty retries
        // partial writes (docs/INTEROP.md "Chunk stream"); every tag and byte must arrive
        Path f = tmp.resolve("big.flv");
        long bytes = 0;
        java.util.SplittableRandom random = new java.util.SplittableRandom(3);
        try (OutputStream out = new java.io.BufferedOutputStream(Files.newOutputStream(f));
             FlvWriter w = FlvWriter.open(out, false, true)) {
            for (int i = 0; i < 64; i++) {
                byte[] v = new byte[512 * 1024];
                random.nextBytes(v);
                v[0] = (byte) (i % 16 == 0 ? 0x17 : 0x27);
                v[1] = 1;
                w.write(FlvTag.video(40L * i, v));
                bytes += v.length;
            }
        }
        wanted = 64;
        RtmpPublisher p = client.publish("rtmp://127.0.0.1:" + server.port() + "/live/big").get(10, TimeUnit.SECONDS);
        FlvFileSender.Result r = new FlvFileSender(f, p, false, false, 10_000).run();
        p.closeAsync().get(20, TimeUnit.SECONDS);
        enough.get(20, TimeUnit.SECONDS);
        assertThat(r.tags()).isEqualTo(64);
        assertThat(videoTimestamps).hasSize(64).last().isEqualTo(40L * 63);
        assertThat(videoBytes.get()).isEqualTo(bytes);
    }

    @Test
    void loopKeepsTimestampsIncreasingAndSendsMetadataOnce() throws Exception {
        Path f = file(0);
        RtmpPublisher p = client.publish("rtmp://127.0.0.1:" + server.port() + "/live/loop").get(10, TimeUnit.SECONDS);
        wanted = 33; // three passes of 11 video tags
        FlvFileSender sender = new FlvFileSender(f, p, true, false, 5000);
        CompletableFuture<FlvFileSender.Result> run = CompletableFuture.supplyAsync(() -> {
            try {
                return sender.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        enough.get(20, TimeUnit.SECONDS);
        sender.stop();
        FlvFileSender.Result r = run.get(10, TimeUnit.SECONDS);
        p.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(r.passes()).isGreaterThanOrEqualTo(3);
        // pass 2 starts one video frame interval (40 ms) after the last tag of pass 1 (365 ms)
        List<Long> expected = new ArrayList<>();
        for (long offset : new long[] {0, 405, 810}) {
            expected.add(offset);
            for (int i = 0; i < 10; i++) {
                expected.add(offset + 40L * i);
            }
        }
        assertThat(videoTimestamps.subList(0, 33)).containsExactlyElementsOf(expected);
        assertThat(received.stream().filter(s -> s.startsWith("metadata"))).hasSize(1);
    }
}
