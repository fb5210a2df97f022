package io.rtmp4j.server.cli;

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
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtmp4j play rtmp://host[:port]/app/stream -o OUT.flv [--duration S]}: plays a stream from any RTMP
 * server and writes it as an FLV file (metadata first, timestamps from 0 and non-decreasing, video from a
 * key frame: see {@link FlvFileRecorder}). Ends when the server ends the stream (StreamEOF,
 * Play.UnpublishNotify), after {@code --duration} seconds of media, on Ctrl-C, or when the connection
 * closes. Exit status 0 when media was written, 1 on an RTMP failure or when no media came, 2 when the
 * output cannot be written.
 */
@Command(
        name = "play",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Play a stream from an RTMP server and write it to an FLV file.",
            "Ends when the stream ends (StreamEOF / UnpublishNotify), after --duration, or on Ctrl-C."
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
        CountDownLatch done = new CountDownLatch(1);
        PlayListener listener = new PlayListener() {
            @Override
            public void onMetadata(Metadata metadata) {
                recorder.onMetadata(metadata);
            }

            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                recorder.onMedia(kind, timestamp, payload);
                if (recorder.lastTimestamp() >= limitMs) {
                    end.complete("--duration reached");
                }
                if (recorder.failure() != null) {
                    end.complete("write failed");
                }
            }

            @Override
            public void onStatus(StatusEvent status) {
                if (status.isError()) {
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
        try (RtmpClient client = cli.client()) {
            RtmpPlayer player = cli.open(client.play(url, listener), source);
            if (player == null) {
                deleteOutput = true;
                return EXIT_RTMP;
            }
            err.println("play: playing " + source.tcUrl() + " stream '" + source.streamName() + "' into " + output);
            err.flush();
            Thread hook = cli.addStopHook(() -> end.complete("interrupted"), done);
            try {
                String why = end.get();
                player.close().get(cli.closeWaitMillis(), TimeUnit.MILLISECONDS);
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
