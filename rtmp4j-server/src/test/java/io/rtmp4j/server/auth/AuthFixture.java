package io.rtmp4j.server.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.server.AccessControl;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.server.StreamRequestInfo;
import io.rtmp4j.session.MediaKind;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * A real {@link LiveServer} on a free loopback port with our client, for the access tests: the server's
 * publish / play starts land in {@link #started} as {@code publish live/cam}, so a test waits on them.
 */
final class AuthFixture implements AutoCloseable {

    /** "publish app/stream" and "play app/stream" as the server starts them. */
    final BlockingQueue<String> started = new LinkedBlockingQueue<>();
    final RtmpClient client = RtmpClient.create();
    final LiveServer server;

    AuthFixture(AccessControl access, ServerEvents more, Path recordDir) {
        ServerEvents events = new ServerEvents() {
            @Override
            public void onPublishStart(StreamRequestInfo r) {
                started.add("publish " + r.app() + "/" + r.stream());
            }

            @Override
            public void onPlayStart(StreamRequestInfo r) {
                started.add("play " + r.app() + "/" + r.stream());
            }

            @Override
            public void onPublishStop(StreamRequestInfo r) {
                more.onPublishStop(r);
            }

            @Override
            public void onPlayStop(StreamRequestInfo r) {
                more.onPlayStop(r);
            }

            @Override
            public void onRecordDone(StreamRequestInfo r, Path file, Duration d) {
                more.onRecordDone(r, file, d);
            }
        };
        server = LiveServer.builder().bind("127.0.0.1").port(0).recordTo(recordDir).access(access).events(events)
                .start();
    }

    AuthFixture(AccessControl access) {
        this(access, new ServerEvents() {
        }, null);
    }

    String url(String appAndName) {
        return "rtmp://127.0.0.1:" + server.port() + "/" + appAndName;
    }

    /** The next start the server reports, within 10 s. */
    String nextStart() throws InterruptedException {
        String s = started.poll(10, TimeUnit.SECONDS);
        assertThat(s).as("a publish or play start within 10 s").isNotNull();
        return s;
    }

    static final PlayListener IGNORE = new PlayListener() {
        @Override
        public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
        }
    };

    /** Asserts that {@code attempt} fails with {@code status}, its description containing {@code reason}. */
    static void assertRefused(CompletableFuture<?> attempt, StatusCode status, String reason) {
        assertThatThrownBy(() -> attempt.get(15, TimeUnit.SECONDS)).isInstanceOf(ExecutionException.class)
                .cause().isInstanceOf(RtmpClientException.class)
                .satisfies(e -> assertThat(((RtmpClientException) e).statusCode()).contains(status.code()))
                .hasMessageContaining(reason);
    }

    @Override
    public void close() {
        client.close();
        server.close(Duration.ofSeconds(2));
    }
}
