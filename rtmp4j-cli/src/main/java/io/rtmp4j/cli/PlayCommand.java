package io.rtmp4j.cli;

import io.rtmp4j.netty.client.FlvFileRecorder;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.StatusEvent;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtmp4j play rtmp://host[:port]/app/stream -o OUT.flv [--duration S]}: plays a stream from any RTMP
 * server and writes it as an FLV file (metadata first, timestamps from 0 and non-decreasing, video from a
 * key frame: see {@link FlvFileRecorder}). Ends when the server ends the stream (StreamEOF,
 * Play.UnpublishNotify), after {@code --duration} seconds of media, on Ctrl-C, or when the connection
 * closes; with {@code --wait}, when no media came in time. A Reconnect Request from the server
 * (enhanced-rtmp-v2.md) moves the playback to the server it names, into the same file, unless
 * {@code --no-reconnect}. Exit status 0 when media was written, 1 on an RTMP failure (StreamNotFound,
 * Play.Failed, ...) or when no media came, 2 when the output cannot be written.
 */
@Command(
        name = "play",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Play a stream from an RTMP server and write it to an FLV file.",
            "Ends when the stream ends (StreamEOF / UnpublishNotify), after --duration, or on Ctrl-C.",
            "Waits for a stream that is not published yet (see --wait); follows Enhanced RTMP Reconnect Requests "
                    + "(see --no-reconnect).",
            "Exit status: 0 media written, 1 RTMP failure (refused, StreamNotFound, Play.Failed) or no media, "
                    + "2 output not writable."
        })
public final class PlayCommand implements Callable<Integer> {

    static final int EXIT_RTMP = 1;
    static final int EXIT_OUTPUT = 2;

    @Parameters(index = "0", paramLabel = "URL", description = "rtmp://host[:port]/app/stream (port 1935 by default)")
    String url;

    @Option(names = {"-o", "--output"}, paramLabel = "OUT.flv", required = true, description = "the FLV file to write")
    Path output;

    @Option(names = "--duration", paramLabel = "SECONDS",
            description = "Stop after this many seconds of media (default: until the stream ends).")
    Double duration;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long the server may take to answer connect and play (default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--wait", paramLabel = "SECONDS",
            description = "Give up (exit status 1) when no audio or video has arrived this many seconds after the "
                    + "server accepted play. Some servers (nginx-rtmp, rtmp4j) keep a player of a stream nobody "
                    + "publishes waiting for a publisher; by default play waits for it as long as it takes, like "
                    + "ffmpeg without -rw_timeout, and says it is waiting after --timeout.")
    Double waitSeconds;

    @Option(names = "--insecure", description = "For rtmps:// URLs: do not check the server's certificate and "
            + "host name (self-signed test servers only). By default the JDK's trust store checks them.")
    boolean insecure;

    @Option(names = "--no-reconnect", description = "Ignore Enhanced RTMP Reconnect Requests. By default, when the "
            + "server asks the client to reconnect (NetConnection.Connect.ReconnectRequest), playback moves to the "
            + "server it names and goes on into the same file, timestamps still increasing.")
    boolean noReconnect;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ClientCommandSupport cli = new ClientCommandSupport("play", err, timeout);
        RtmpUrl source = cli.streamUrl(url);
        if (source == null) {
            return EXIT_RTMP;
        }
        if (duration != null && !(duration > 0)) {
            cli.report("--duration must be positive");
            return EXIT_RTMP;
        }
        if (waitSeconds != null && !(waitSeconds > 0)) {
            cli.report("--wait must be positive");
            return EXIT_RTMP;
        }
        FlvFileRecorder recorder;
        try {
            recorder = FlvFileRecorder.create(output);
        } catch (IOException e) {
            err.println("play: cannot write " + output + ": " + e.getMessage());
            return EXIT_OUTPUT;
        }
        Duration t = cli.timeout();
        long limitMs = duration == null ? Long.MAX_VALUE : Math.round(duration * 1000);
        CompletableFuture<String> end = new CompletableFuture<>();
        CompletableFuture<Void> firstMedia = new CompletableFuture<>();
        AtomicBoolean opened = new AtomicBoolean(); // before, a refusal is reported once, by cli.open
        CountDownLatch done = new CountDownLatch(1);
        PlayListener listener = new PlayListener() {
            @Override
            public void onMetadata(Metadata metadata) {
                recorder.onMetadata(metadata);
            }

            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                recorder.onMedia(kind, timestamp, payload);
                if (kind != MediaKind.DATA) {
                    firstMedia.complete(null);
                }
                if (recorder.lastTimestamp() >= limitMs) {
                    end.complete("--duration reached");
                }
                if (recorder.failure() != null) {
                    end.complete("write failed");
                }
            }

            @Override
            public void onStatus(StatusEvent status) {
                if (status.isError() && opened.get()) {
                    err.println("play: " + status.code() + (status.description().isEmpty() ? ""
                            : " (" + status.description() + ")"));
                }
            }

            @Override
            public void onStreamEnd(String reason) {
                end.complete("the stream ended (" + reason + ")");
            }

            @Override
            public void onClose(String reason) {
                end.complete("connection closed: " + reason);
            }
        };
        boolean deleteOutput = false;
        try (RtmpClient client = cli.client(!noReconnect, insecure)) {
            RtmpPlayer player = cli.open(client.play(url, listener), source);
            if (player == null) {
                deleteOutput = true;
                return EXIT_RTMP;
            }
            opened.set(true);
            err.println("play: playing " + source.tcUrl() + " stream '" + source.streamName() + "' into " + output);
            err.flush();
            Thread hook = cli.addStopHook(() -> end.complete("interrupted"), done);
            try {
                if (!awaitFirstMedia(cli, source, firstMedia, end)) {
                    player.closeAsync().get(cli.closeWaitMillis(), TimeUnit.MILLISECONDS);
                    deleteOutput = true;
                    return EXIT_RTMP;
                }
                String why = end.get();
                player.closeAsync().get(cli.closeWaitMillis(), TimeUnit.MILLISECONDS);
                player.connection().executor().submit(() -> null).get(t.toMillis(), TimeUnit.MILLISECONDS);
                return finish(err, recorder, why);
            } catch (TimeoutException e) {
                return finish(err, recorder, "the server did not close the connection in time");
            } finally {
                done.countDown();
                ClientCommandSupport.removeStopHook(hook);
            }
        } finally {
            try {
                recorder.close();
            } catch (IOException e) {
                if (!deleteOutput) {
                    err.println("play: cannot write " + output + ": " + e.getMessage());
                }
            }
            if (deleteOutput) {
                Files.deleteIfExists(output);
            }
            err.flush();
        }
    }

    /**
     * Waits for the first audio or video (or the end): up to {@code --wait}, else indefinitely, saying once
     * after {@code --timeout} that it is waiting.
     *
     * @return false after the reason was printed when {@code --wait} passed without media
     */
    private boolean awaitFirstMedia(ClientCommandSupport cli, RtmpUrl source, CompletableFuture<Void> firstMedia,
                                    CompletableFuture<String> end) throws Exception {
        CompletableFuture<Object> first = CompletableFuture.anyOf(firstMedia, end);
        long start = System.nanoTime();
        long limitMs = waitSeconds == null ? Long.MAX_VALUE : Math.max(1, Math.round(waitSeconds * 1000));
        boolean told = false;
        while (!first.isDone()) {
            long elapsed = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            long left = limitMs - elapsed;
            if (left <= 0) {
                cli.report("no media from " + source.tcUrl() + " stream '" + source.streamName() + "' within "
                        + waitSeconds + " s (--wait): is it published?");
                return false;
            }
            try {
                first.get(told ? left : Math.min(left, cli.timeout().toMillis()), TimeUnit.MILLISECONDS);
            } catch (TimeoutException e) {
                if (!told && elapsed + cli.timeout().toMillis() < limitMs) {
                    told = true;
                    cli.report("waiting for stream '" + source.streamName() + "' to be published"
                            + (waitSeconds == null ? " (Ctrl-C to stop; --wait SECONDS bounds the wait)" : ""));
                    spec.commandLine().getErr().flush();
                }
            }
        }
        return true;
    }

    private int finish(PrintWriter err, FlvFileRecorder recorder, String why) {
        try {
            recorder.close();
        } catch (IOException e) {
            err.println("play: cannot write " + output + ": " + e.getMessage());
            return EXIT_OUTPUT;
        }
        err.println("play: " + why + "; wrote " + recorder.videoTags() + " video and " + recorder.audioTags()
                + " audio tags, " + recorder.lastTimestamp() + " ms, to " + output);
        if (recorder.videoTags() + recorder.audioTags() == 0) {
            err.println("play: no media received");
            return EXIT_RTMP;
        }
        return 0;
    }
}
