package io.rtmp4j.cli;

import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.session.RtmpUrl;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The plumbing {@link PlayCommand} and {@link PublishCommand} share: checking the stream URL, turning
 * {@code --timeout} into a response timeout, opening the stream with the error report either command gives,
 * and the Ctrl-C hook that ends the stream cleanly. Every message starts with the command's name.
 */
final class ClientCommandSupport {

    private final String command;
    private final PrintWriter err;
    private final Duration timeout;

    /**
     * @param command the command's name, the prefix of every message
     * @param err where messages go
     * @param timeoutSeconds the {@code --timeout} option: how long the server may take to answer
     */
    ClientCommandSupport(String command, PrintWriter err, double timeoutSeconds) {
        this.command = command;
        this.err = err;
        this.timeout = Duration.ofMillis(Math.max(1, Math.round(timeoutSeconds * 1000)));
    }

    /** The response timeout, at least 1 ms. */
    Duration timeout() {
        return timeout;
    }

    /** Prints {@code command: message}. */
    void report(String message) {
        err.println(command + ": " + message);
    }

    /**
     * Parses {@code url}, which must name a stream.
     *
     * @return the URL, or null after the reason was printed
     */
    RtmpUrl streamUrl(String url) {
        RtmpUrl parsed;
        try {
            parsed = RtmpUrl.parse(url);
        } catch (IllegalArgumentException e) {
            report(e.getMessage());
            return null;
        }
        if (parsed.streamName().isEmpty()) {
            report("the URL names no stream: expected rtmp[s]://host[:port]/app/stream");
            return null;
        }
        return parsed;
    }

    /**
     * A client whose commands wait {@link #timeout()} for an answer and, with {@code followReconnect}, follow
     * Enhanced RTMP Reconnect Requests (the {@code --no-reconnect} option turns it off).
     */
    RtmpClient client(boolean followReconnect) {
        return client(followReconnect, false);
    }

    /**
     * As {@link #client(boolean)}; with {@code insecure}, an {@code rtmps://} server's certificate is not
     * checked (the {@code --insecure} option, for self-signed test servers).
     */
    RtmpClient client(boolean followReconnect, boolean insecure) {
        return RtmpClient.create(RtmpClient.Settings.defaults().withResponseTimeout(timeout)
                .withFollowReconnect(followReconnect).withTrustAnyCertificate(insecure));
    }

    /**
     * Waits for the stream {@code opening} (connect, createStream and play or publish: up to three answers).
     *
     * @return the open stream, or null after the failure (the server's reason, or no answer) was printed
     */
    <T> T open(CompletableFuture<T> opening, RtmpUrl target) throws InterruptedException {
        try {
            return opening.get(3 * timeout.toMillis() + 1000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            report(RtmpClientException.unwrap(e).getMessage());
            return null;
        } catch (TimeoutException e) {
            report("no answer from " + target.host() + ":" + target.port());
            return null;
        }
    }

    /**
     * Registers a shutdown hook (Ctrl-C) that runs {@code stop} and then waits, a little longer than the
     * close timeout, until {@code done} is counted down so the stream can end cleanly before the JVM exits.
     * Remove it with {@link #removeStopHook(Thread)}.
     */
    Thread addStopHook(Runnable stop, CountDownLatch done) {
        Thread hook = new Thread(() -> {
            stop.run();
            try {
                done.await(closeWaitMillis(), TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "rtmp4j-" + command + "-stop");
        Runtime.getRuntime().addShutdownHook(hook);
        return hook;
    }

    /** Removes a hook from {@link #addStopHook}; nothing when the JVM is already shutting down. */
    static void removeStopHook(Thread hook) {
        try {
            Runtime.getRuntime().removeShutdownHook(hook);
        } catch (IllegalStateException e) {
            // already shutting down
        }
    }

    /** How long to wait for a stream's close: the response timeout and 2 s. */
    long closeWaitMillis() {
        return timeout.toMillis() + 2000;
    }
}
