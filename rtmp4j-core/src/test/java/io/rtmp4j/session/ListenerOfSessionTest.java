package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.message.StatusCode;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Listeners that are handed their session (issue 11): the constructors that take a function of the
 * session give the listener the session it belongs to before any byte arrives, so a callback can drive
 * it (here: the client publishes once connected, the server sends a status of its own on publish).
 */
class ListenerOfSessionTest {

    @Test
    void eachListenerDrivesTheSessionItWasMadeFor() {
        List<Object> handed = new ArrayList<>();
        List<String> statuses = new ArrayList<>();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), session -> {
            handed.add(session);
            return new ServerSessionListener() {
                @Override
                public void onPublish(PublishRequest r) {
                    r.accept();
                    session.sendStatus(r.streamId(), StatusCode.PUBLISH_IDLE, "driven by the listener");
                }
            };
        });
        ClientSession client = new ClientSession(ClientSessionConfig.forUrl(RtmpUrl.parse("rtmp://h/live/cam")).build(),
                new SplittableRandom(2), session -> {
                    handed.add(session);
                    return new ClientSessionListener() {
                        @Override
                        public void onConnected(ConnectResult result) {
                            session.publish("cam");
                        }

                        @Override
                        public void onStatus(StatusEvent status) {
                            statuses.add(status.code());
                        }
                    };
                });
        assertThat(handed).containsExactly(server, client);
        for (int round = 0; round < 20; round++) {
            while (client.hasOutbound()) {
                server.receive(client.pollOutbound());
            }
            while (server.hasOutbound()) {
                ByteBuffer b = server.pollOutbound();
                client.receive(b);
            }
        }
        assertThat(statuses).containsExactly("NetStream.Publish.Start", "NetStream.Publish.Idle");
    }
}
