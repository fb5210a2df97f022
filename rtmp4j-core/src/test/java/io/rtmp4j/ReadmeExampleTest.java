package io.rtmp4j;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.flv.LegacyVideoTag;
import io.rtmp4j.flv.VideoFrameType;
import io.rtmp4j.flv.VideoPacketType;
import io.rtmp4j.flv.VideoTag;
import io.rtmp4j.session.ClientSession;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.ClientSessionListener;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.PublishRequest;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.ServerSession;
import io.rtmp4j.session.ServerSessionListener;
import io.rtmp4j.session.StatusEvent;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The sans-IO library example of README.md ("The protocol library"), run for real: a client session
 * publishes one AVC keyframe to a server session, the two wired together in memory instead of a
 * socket. Keep the two in step when either changes.
 */
class ReadmeExampleTest {

    @Test
    void clientPublishesAFrameToAServer_withoutAnySocket() {
        List<String> published = new ArrayList<>();
        List<VideoTag> frames = new ArrayList<>();
        List<String> statuses = new ArrayList<>();

        // --- as in README.md
        ServerSession server = new ServerSession(new ServerSessionListener() {
            @Override
            public void onPublish(PublishRequest request) {
                published.add(request.streamName());
                request.accept();                        // or later, e.g. after an auth call
            }

            @Override
            public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
                if (kind == MediaKind.VIDEO) {
                    frames.add(VideoTag.parse(payload)); // legacy or Enhanced RTMP
                }
            }
        });
        ClientSession client = new ClientSession(
                ClientSessionConfig.forUrl(RtmpUrl.parse("rtmp://example.com/live/cam")).build(),
                new ClientSessionListener() {
                    @Override
                    public void onStatus(StatusEvent status) {
                        statuses.add(status.code());
                    }
                });
        client.publish("cam");
        // --- end of the README part; the "socket" is this loop
        for (int round = 0; round < 20; round++) {
            pump(client, server);
            pump(server, client);
        }
        assertThat(published).containsExactly("cam");
        assertThat(statuses).contains("NetStream.Publish.Start");

        byte[] keyframe = LegacyVideoTag.avc(VideoFrameType.KEY, VideoPacketType.CODED_FRAMES, 0,
                new byte[] {0, 0, 0, 1, 0x65}).toBytes();
        client.sendVideo(0, keyframe);
        pump(client, server);
        assertThat(frames).hasSize(1);
        assertThat(frames.get(0).isKeyframe()).isTrue();
        assertThat(frames.get(0).toBytes()).isEqualTo(keyframe);
    }

    private static void pump(ClientSession from, ServerSession to) {
        while (from.hasOutbound()) {
            to.receive(from.pollOutbound());
        }
    }

    private static void pump(ServerSession from, ClientSession to) {
        while (from.hasOutbound()) {
            ByteBuffer b = from.pollOutbound();
            to.receive(b);
        }
    }
}
