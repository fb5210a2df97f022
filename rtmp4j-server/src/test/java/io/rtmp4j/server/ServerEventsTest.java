package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;

/** {@link ServerEvents#all}: one listener in front of several. */
class ServerEventsTest {

    private static final ClientInfo CLIENT = new ClientInfo(7, "127.0.0.1:5000", "live", "", "", Instant.EPOCH);
    private static final StreamRequestInfo CAM = new StreamRequestInfo(CLIENT, "live", "cam", "", Map.of());

    /** Names each event it gets, prefixed with its own name. */
    private static ServerEvents named(String name, List<String> out) {
        return new ServerEvents() {
            @Override
            public void onConnect(ClientInfo c) {
                out.add(name + " connect " + c.id());
            }

            @Override
            public void onConnected(ClientInfo c) {
                out.add(name + " connected");
            }

            @Override
            public void onDisconnect(ClientInfo c, String reason) {
                out.add(name + " disconnect " + reason);
            }

            @Override
            public void onPublishStart(StreamRequestInfo r) {
                out.add(name + " publish " + r.stream());
            }

            @Override
            public void onPublishStop(StreamRequestInfo r) {
                out.add(name + " unpublish");
            }

            @Override
            public void onPlayStart(StreamRequestInfo r) {
                out.add(name + " play");
            }

            @Override
            public void onPlayStop(StreamRequestInfo r) {
                out.add(name + " stop");
            }

            @Override
            public void onRecordDone(StreamRequestInfo r, Path file, Duration d) {
                out.add(name + " recorded " + file.getFileName() + " " + d.toMillis());
            }
        };
    }

    @Test
    void everyEventReachesEachListenerInOrder() {
        List<String> out = new CopyOnWriteArrayList<>();
        ServerEvents both = ServerEvents.all(named("a", out), named("b", out));
        both.onConnect(CLIENT);
        both.onConnected(CLIENT);
        both.onPublishStart(CAM);
        both.onPlayStart(CAM);
        both.onPlayStop(CAM);
        both.onPublishStop(CAM);
        both.onRecordDone(CAM, Path.of("cam.flv"), Duration.ofMillis(80));
        both.onDisconnect(CLIENT, "bye");
        assertThat(out).containsExactly("a connect 7", "b connect 7", "a connected", "b connected",
                "a publish cam", "b publish cam", "a play", "b play", "a stop", "b stop", "a unpublish",
                "b unpublish", "a recorded cam.flv 80", "b recorded cam.flv 80", "a disconnect bye",
                "b disconnect bye");
    }

    @Test
    void aThrowingListenerDoesNotStopTheOthersAndItsExceptionComesOutAfterThem() {
        List<String> out = new CopyOnWriteArrayList<>();
        ServerEvents failing = new ServerEvents() {
            @Override
            public void onPublishStart(StreamRequestInfo r) {
                throw new IllegalStateException("first");
            }
        };
        ServerEvents failingToo = new ServerEvents() {
            @Override
            public void onPublishStart(StreamRequestInfo r) {
                throw new IllegalArgumentException("second");
            }
        };
        ServerEvents all = ServerEvents.all(failing, named("a", out), failingToo, named("b", out));
        assertThatThrownBy(() -> all.onPublishStart(CAM)).isInstanceOf(IllegalStateException.class)
                .hasMessage("first").satisfies(e -> assertThat(e.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessage("second")));
        assertThat(out).containsExactly("a publish cam", "b publish cam");
        all.onConnect(CLIENT); // the defaults of the failing ones do nothing
        assertThat(out).endsWith("a connect 7", "b connect 7");
    }

    @Test
    void noListenersIsAllowedAndANullOneIsNot() {
        ServerEvents.all().onConnect(CLIENT);
        assertThatThrownBy(() -> ServerEvents.all(named("a", List.of()), null))
                .isInstanceOf(NullPointerException.class);
    }
}
