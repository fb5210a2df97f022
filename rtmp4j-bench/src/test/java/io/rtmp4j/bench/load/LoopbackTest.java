package io.rtmp4j.bench.load;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.server.HubConfig;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.session.RtmpUrl;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The load generator's publisher and players against the real rtmp4j server on loopback: the command
 * sequences work, players parse what they receive and see the keyframe after the sequence header.
 * Timing is not asserted.
 */
class LoopbackTest {

    @TempDir
    Path dir;

    @Test
    void publisherAndPlayersThroughTheServer() throws Exception {
        Path flv = dir.resolve("in.flv");
        writeFlv(flv);
        FlvSource source = FlvSource.read(flv);
        assertThat(source.size()).isEqualTo(2 + 60);
        assertThat(source.metadata()).isNotNull();

        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        RtmpServer.Settings settings = new RtmpServer.Settings("127.0.0.1", 0, d.session(), d.handshakeTimeout(),
                d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(), d.maxConnections(), 1);
        try (LiveServer server = new LiveServer(settings, HubConfig.defaults(), null).start()) {
            RtmpUrl url = RtmpUrl.parse("rtmp://127.0.0.1:" + server.port() + "/live/s");
            MessageCodec codec = new MessageCodec();
            IoLoop loop = new IoLoop("test-loop");
            loop.startThread();
            try {
                loop.add(new PublisherConnection(0, url, "s", Handshake.Kind.PLAIN, codec, source));
                await(loop, cs -> cs.get(0).state == Connection.State.ACTIVE);
                for (int i = 1; i <= 3; i++) {
                    loop.add(new PlayerConnection(i, url, i == 2 ? Handshake.Kind.PLAIN : Handshake.Kind.DIGEST_SCHEME_0,
                            codec));
                }
                await(loop, cs -> cs.size() == 4 && cs.stream().skip(1)
                        .allMatch(c -> ((PlayerConnection) c).media.firstKeyframeUs >= 0));
                List<Sample> samples = loop.query(cs -> cs.stream().map(c -> Sample.of(c, Connection.nowUs()))
                        .toList()).get(10, TimeUnit.SECONDS);
                Report players = new Report(samples.subList(1, 4));
                assertThat(players.failed).isZero();
                assertThat(players.active).isEqualTo(3);
                assertThat(players.sequenceHeaderFirst).isEqualTo(3);
                assertThat(players.mediaMessages).isGreaterThanOrEqualTo(3);
                assertThat(players.timeToKeyframe.count()).isEqualTo(3);
                Report publisher = new Report(samples.subList(0, 1));
                assertThat(publisher.publishers).isTrue();
                assertThat(publisher.active).isEqualTo(1);
                assertThat(publisher.mediaMessages).isPositive();
            } finally {
                loop.shutdown();
            }
        }
    }

    private static void await(IoLoop loop, Predicate<List<Connection>> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        while (!loop.query(condition::test).get(10, TimeUnit.SECONDS)) {
            assertThat(System.nanoTime()).as("condition within 30 s").isLessThan(deadline);
            Thread.onSpinWait();
        }
    }

    /** 2 s of 30 fps AVC (keyframe first) with AAC, and onMetaData. */
    private static void writeFlv(Path file) throws Exception {
        try (OutputStream out = Files.newOutputStream(file); FlvWriter w = FlvWriter.open(out, true, true)) {
            w.write(FlvTag.TYPE_SCRIPT, 0, ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 320.0)
                    .put("height", 240.0).build()).encode());
            // flv-10.1.txt E.4.3.1 AVC sequence header (frame type 1, codec 7, AVCPacketType 0) and
            // E.4.2.1 AAC sequence header (AACPacketType 0, AudioSpecificConfig 0x12 0x10)
            w.write(FlvTag.TYPE_VIDEO, 0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E, (byte) 0xFF});
            w.write(FlvTag.TYPE_AUDIO, 0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10});
            for (int i = 0; i < 60; i++) {
                byte[] frame = new byte[i == 0 ? 3000 : 500];
                frame[0] = (byte) (i == 0 ? 0x17 : 0x27);
                frame[1] = 1;
                w.write(FlvTag.TYPE_VIDEO, i * 33L, frame);
            }
        }
    }
}
