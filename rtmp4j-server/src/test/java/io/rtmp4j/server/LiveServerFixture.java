package io.rtmp4j.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.netty.RtmpServer;
import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@link LiveServer} on a free loopback port and the real programs a test runs against it, for the
 * interop tests: {@link #close()} ends both (each process bounded by {@link Peers#await}). Process logs go
 * to {@code dir/<name>.log}.
 */
final class LiveServerFixture implements AutoCloseable {

    private final Path dir;
    private final List<Process> processes = new ArrayList<>();
    private LiveServer server;

    LiveServerFixture(Path dir) {
        this.dir = dir;
    }

    /** Starts the server (default settings, 2 worker threads) with {@code hub} and recording to {@code record}. */
    LiveServer start(HubConfig hub, Path record) throws IOException {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        RtmpServer.Settings s = new RtmpServer.Settings("127.0.0.1", Peers.freePort(), d.session(),
                d.handshakeTimeout(), d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(),
                d.writeHighWaterMark(), d.maxConnections(), 2);
        server = new LiveServer(s, hub, record).start();
        return server;
    }

    /** The URL of {@code stream} in app {@code live}. */
    String url(String stream) {
        return "rtmp://127.0.0.1:" + server.port() + "/live/" + stream;
    }

    /** Starts a program with its output in {@code <name>.log}; {@link #close()} ends it. */
    Process spawn(String name, List<String> cmd) throws IOException {
        Process p = Peers.start(dir.resolve(name + ".log"), cmd);
        processes.add(p);
        return p;
    }

    /**
     * Waits until {@code stream} is published and its timeline has passed {@code ms} (players then join
     * late, so the GOP cache and sequence headers are used), and asserts the publisher (its log in
     * {@code publisher.log}) still runs.
     */
    void awaitStreaming(String stream, long ms, Process publisher) throws InterruptedException {
        StreamKey key = StreamKey.of("live", stream);
        boolean ok = Peers.waitFor(() -> {
            io.rtmp4j.server.Stream st = server.hub().stream(key);
            return st != null && server.hub().isPublished(key) && st.lastTimestamp() >= ms;
        }, Duration.ofSeconds(30));
        assertThat(ok).as("publisher streaming for %d ms; its log:%n%s", ms,
                Peers.tail(dir.resolve("publisher.log"))).isTrue();
        assertThat(publisher.isAlive()).isTrue();
    }

    @Override
    public void close() throws InterruptedException {
        for (Process p : processes) {
            Peers.await(p, Duration.ofMillis(1));
        }
        if (server != null) {
            server.close();
        }
    }
}
