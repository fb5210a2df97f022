package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0Object;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SessionSmokeTest {

    @Test
    void publishThenPlay() {
        Recorder srv = new Recorder();
        Recorder cli = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        ClientSession client = new ClientSession(ClientSessionConfig.forUrl(RtmpUrl.parse("rtmp://localhost/live/cam1")).build(),
                new SplittableRandom(2), cli.client());
        Link link = new Link(client, server);
        client.publish("cam1");
        link.pump();
        assertThat(srv.events).containsExactly("connect live", "releaseStream cam1", "FCPublish cam1", "createStream 1",
                "publish 1 cam1");
        assertThat(client.isPublishing()).isTrue();
        client.sendMetadata(Amf0Object.builder().put("width", 640.0).build());
        client.sendVideo(0, new byte[] {0x17, 0, 0, 0, 0, 1, 2, 3});
        client.sendAudio(10, new byte[] {(byte) 0xAF, 1, 9});
        link.pump();
        client.close("bye");
        link.pump();
        assertThat(srv.events).endsWith("metadata 1", "VIDEO 1 0 8", "AUDIO 1 10 3", "unpublish 1 cam1", "deleteStream 1");
        assertThat(server.isPublishing(1)).isFalse();
    }
}
