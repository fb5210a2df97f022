package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.session.MediaKind;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * docs/INTEROP.md items checked through the live server over loopback sockets, with the core
 * {@link io.rtmp4j.session.ClientSession} as publisher and player ({@link TestClient}).
 */
class InteropNotesServerTest {

    private LiveServer server;
    private final List<TestClient> clients = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (TestClient c : clients) {
            c.close();
        }
        if (server != null) {
            server.close();
        }
    }

    private String start(HubConfig hub) throws IOException {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        RtmpServer.Settings s = new RtmpServer.Settings("127.0.0.1", Peers.freePort(), d.session(),
                d.handshakeTimeout(), d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(),
                d.writeHighWaterMark(), d.maxConnections(), 2);
        server = new LiveServer(s, hub, null).start();
        return "rtmp://127.0.0.1:" + server.port() + "/live/";
    }

    private TestClient client(String url, int receiveBuffer, boolean play, String status) throws IOException {
        TestClient c = new TestClient(url, receiveBuffer, play);
        clients.add(c);
        assertThat(c.pumpUntil(() -> c.statuses.contains(status))).as("%s; got %s", status, c.statuses).isTrue();
        return c;
    }

    private static List<TestClient.Received> of(TestClient c, MediaKind kind) {
        synchronized (c.media) {
            return c.media.stream().filter(m -> m.kind() == kind).toList();
        }
    }

    /** docs/INTEROP.md "Media": a zero-length audio message means silence, not an error. */
    @Test
    void zeroLengthAudioIsForwardedAsSilenceAndThePublicationGoesOn() throws Exception {
        String base = start(HubConfig.defaults());
        TestClient pub = client(base + "quiet", 0, false, "NetStream.Publish.Start");
        TestClient player = client(base + "quiet", 0, true, "NetStream.Play.Start");
        // flv-10.1.txt E.4.2.1: AAC (10) 44 kHz 16-bit stereo, AACPacketType 0 + AudioSpecificConfig
        pub.session.sendAudio(0, new byte[] {(byte) 0xAF, 0x00, 0x12, 0x10});
        pub.session.sendVideo(0, new byte[] {0x17, 0x01, 0, 0, 0, 0x65, 1, 2}); // AVC keyframe, NALU
        pub.session.sendAudio(20, new byte[0]); // rtmp-1.0.txt §7.1.4 audio message with an empty body
        pub.session.sendAudio(40, new byte[] {(byte) 0xAF, 0x01, 0x21, 0x22});
        pub.flushOut();
        assertThat(player.pumpUntil(() -> of(player, MediaKind.AUDIO).stream().anyMatch(m -> m.timestamp() == 40)))
                .isTrue();
        List<TestClient.Received> audio = of(player, MediaKind.AUDIO);
        assertThat(audio).extracting(TestClient.Received::timestamp).containsExactly(0L, 20L, 40L);
        assertThat(audio.get(1).payload()).isEmpty();
        assertThat(server.hub().isPublished(StreamKey.of("live", "quiet"))).isTrue();
    }

    /**
     * docs/INTEROP.md "Chunk stream": a write that does not complete must be retried until every byte is
     * out. A player with a 2 KiB receive buffer makes the server's socket writes partial while large
     * frames (256 KiB, 4096-byte chunks) stream to it; every frame must arrive whole and in order.
     */
    @Test
    void partialWritesToASlowSocketStillDeliverEveryFrameByteForByte() throws Exception {
        String base = start(HubConfig.defaults().withPlayerQueueBytes(64 << 20).withPlayerMaxLag(Duration.ofSeconds(60)));
        TestClient pub = client(base + "big", 0, false, "NetStream.Publish.Start");
        TestClient player = client(base + "big", 2048, true, "NetStream.Play.Start");
        SplittableRandom rnd = new SplittableRandom(42);
        List<byte[]> frames = new ArrayList<>();
        for (int i = 0; i < 24; i++) {
            byte[] f = new byte[256 * 1024];
            rnd.nextBytes(f);
            f[0] = (byte) (i % 8 == 0 ? 0x17 : 0x27); // AVC key / inter frame (flv-10.1.txt E.4.3.1)
            f[1] = 0x01; // AVCPacketType NALU
            frames.add(f);
        }
        CompletableFuture<Void> sent = CompletableFuture.runAsync(() -> {
            try {
                pub.session.sendVideo(0, new byte[] {0x17, 0x00, 0, 0, 0, 1, 0x42, 0, 0x1E}); // sequence header
                for (int i = 0; i < frames.size(); i++) {
                    pub.session.sendVideo(40L * (i + 1), frames.get(i));
                    pub.flushOut();
                }
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        assertThat(player.pumpUntil(() -> of(player, MediaKind.VIDEO).size() >= frames.size() + 1)).isTrue();
        sent.get(10, TimeUnit.SECONDS);
        List<TestClient.Received> video = of(player, MediaKind.VIDEO);
        assertThat(video).hasSize(frames.size() + 1);
        for (int i = 0; i < frames.size(); i++) {
            assertThat(video.get(i + 1).timestamp()).isEqualTo(40L * (i + 1));
            assertThat(video.get(i + 1).payload()).as("frame %d", i).isEqualTo(frames.get(i));
        }
    }

    /**
     * docs/INTEROP.md "Closing": when the server ends a publication (here: the publisher went silent past
     * its timeout) it sends {@code NetStream.Unpublish.Success}, flushes and half-closes: the peer reads
     * a clean end of stream (FIN, no reset) and the server still reads what the peer sends afterwards
     * until the peer closes. A full close would answer those writes with a reset.
     */
    @Test
    void theServerEndsAPublicationWithUnpublishSuccessThenAHalfClose() throws Exception {
        String base = start(HubConfig.defaults().withPublisherSilenceTimeout(Duration.ofMillis(300)));
        TestClient pub = client(base + "silent", 0, false, "NetStream.Publish.Start");
        pub.session.sendVideo(0, new byte[] {0x17, 0x00, 0, 0, 0, 1, 0x42, 0, 0x1E});
        pub.flushOut();
        // the hub's sweep (every second) drops it; pump() returns false at the FIN, throws on a reset
        assertThat(pub.pumpUntil(() -> false)).as("read until the end of stream").isFalse();
        assertThat(pub.statuses).contains("NetStream.Unpublish.Success");
        assertThat(server.hub().isPublished(StreamKey.of("live", "silent"))).isFalse();
        // rtmp-1.0.txt §5.4.3 Acknowledgement (type 3) on chunk stream 2, fmt 0: a message the server
        // accepts; each write must still find the server's socket open for reading
        byte[] ack = {0x02, 0, 0, 0, 0, 0, 4, 0x03, 0, 0, 0, 0, 0, 0, 0x10, 0};
        java.io.OutputStream out = pub.socket.getOutputStream();
        for (int i = 0; i < 50; i++) {
            out.write(ack);
            out.flush();
        }
        assertThat(pub.socket.getInputStream().read()).as("still a clean end of stream, no reset").isEqualTo(-1);
    }
}
