package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.session.MediaKind;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * receiveAudio (rtmp-1.0.txt §7.2.2.2) and pause (§7.2.2.8) of a player, through the live server and a
 * real session, next to a witness player that gets everything. The server runs one event loop, so both
 * players are served by the same drain of the hub: once the witness has a frame, the player's fate for
 * that frame is decided.
 */
class PlayControlsTest {

    private static final byte[] AAC_HEADER = {(byte) 0xAF, 0x00, 0x12, 0x10}; // flv-10.1.txt E.4.2.1
    private static final byte[] AVC_HEADER = {0x17, 0x00, 0, 0, 0, 1, 0x42, 0, 0x1E}; // E.4.3.1, AVCPacketType 0

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

    private TestClient client(String url, boolean play, String status) throws IOException {
        TestClient c = new TestClient(url, 0, play);
        clients.add(c);
        assertThat(c.pumpUntil(() -> c.statuses.contains(status))).as("%s; got %s", status, c.statuses).isTrue();
        return c;
    }

    private static boolean has(TestClient c, MediaKind kind, long timestamp) {
        synchronized (c.media) {
            return c.media.stream().anyMatch(m -> m.kind() == kind && m.timestamp() == timestamp);
        }
    }

    private static List<Long> timestamps(TestClient c, MediaKind kind) {
        synchronized (c.media) {
            return c.media.stream().filter(m -> m.kind() == kind).map(TestClient.Received::timestamp).toList();
        }
    }

    private static long count(TestClient c, String status) {
        synchronized (c.statuses) {
            return c.statuses.stream().filter(status::equals).count();
        }
    }

    private static byte[] key() {
        return new byte[] {0x17, 0x01, 0, 0, 0, 0x65, 1}; // AVC keyframe, NALU
    }

    private static byte[] inter() {
        return new byte[] {0x27, 0x01, 0, 0, 0, 0x41, 2}; // AVC inter frame, NALU
    }

    private static byte[] aac() {
        return new byte[] {(byte) 0xAF, 0x01, 0x21, 0x22};
    }

    @Test
    void aPlayerThatRefusesAudioOrPausesGetsNoneOfItWhileTheWitnessGetsEverything() throws Exception {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        RtmpServer.Settings s = new RtmpServer.Settings("127.0.0.1", Peers.freePort(), d.session(),
                d.handshakeTimeout(), d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(),
                d.writeHighWaterMark(), d.maxConnections(), 1);
        server = new LiveServer(s, HubConfig.defaults(), null).start();
        String url = "rtmp://127.0.0.1:" + server.port() + "/live/controls";
        TestClient pub = client(url, false, "NetStream.Publish.Start");
        TestClient player = client(url, true, "NetStream.Play.Start");
        TestClient witness = client(url, true, "NetStream.Play.Start");

        pub.session.sendAudio(0, AAC_HEADER);
        pub.session.sendVideo(0, AVC_HEADER);
        pub.session.sendVideo(0, key());
        pub.session.sendAudio(20, aac());
        pub.flushOut();
        assertThat(player.pumpUntil(() -> has(player, MediaKind.AUDIO, 20))).isTrue();

        // receiveAudio false; pause + unpause after it only to learn (from the answers) that it was processed
        player.session.receiveAudio(false);
        player.session.pause(true, 20);
        player.session.pause(false, 20);
        player.flushOut();
        assertThat(player.pumpUntil(() -> player.statuses.contains("NetStream.Unpause.Notify"))).isTrue();
        pub.session.sendAudio(100, aac());
        pub.session.sendVideo(120, key());
        pub.session.sendAudio(140, aac());
        pub.session.sendVideo(160, inter());
        pub.flushOut();
        assertThat(witness.pumpUntil(() -> has(witness, MediaKind.VIDEO, 160))).isTrue();
        assertThat(player.pumpUntil(() -> has(player, MediaKind.VIDEO, 160))).isTrue();
        assertThat(timestamps(player, MediaKind.AUDIO)).containsExactly(0L, 20L);
        assertThat(timestamps(player, MediaKind.VIDEO)).containsExactly(0L, 0L, 120L, 160L);

        // paused: nothing at all until unpaused, then video again from a keyframe
        player.session.receiveAudio(true);
        player.session.pause(true, 160);
        player.flushOut();
        assertThat(player.pumpUntil(() -> count(player, "NetStream.Pause.Notify") == 2)).isTrue();
        pub.session.sendVideo(200, key());
        pub.session.sendAudio(220, aac());
        pub.flushOut();
        assertThat(witness.pumpUntil(() -> has(witness, MediaKind.AUDIO, 220))).isTrue();
        player.session.pause(false, 160);
        player.flushOut();
        assertThat(player.pumpUntil(() -> count(player, "NetStream.Unpause.Notify") == 2)).isTrue();
        pub.session.sendVideo(300, inter()); // not a keyframe: the player resumes video at the next one
        pub.session.sendAudio(320, aac());
        pub.session.sendVideo(340, key());
        pub.flushOut();
        assertThat(witness.pumpUntil(() -> has(witness, MediaKind.VIDEO, 340))).isTrue();
        assertThat(player.pumpUntil(() -> has(player, MediaKind.VIDEO, 340))).isTrue();
        assertThat(timestamps(player, MediaKind.AUDIO)).containsExactly(0L, 20L, 320L);
        assertThat(timestamps(player, MediaKind.VIDEO)).containsExactly(0L, 0L, 120L, 160L, 340L);
        assertThat(timestamps(witness, MediaKind.AUDIO)).containsExactly(0L, 20L, 100L, 140L, 220L, 320L);
    }
}
