package io.rtmp4j.examples;

import io.rtmp4j.netty.client.FlvFileRecorder;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPlayer;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Plays a live stream into an FLV file for some seconds: {@code java PlayToFile rtmp://host/live/cam out.flv 10}. */
public final class PlayToFile {

    private PlayToFile() {
    }

    /** Writes what {@code url} sends during {@code seconds} to {@code file}. */
    public static void play(String url, Path file, int seconds) throws Exception {
        try (RtmpClient client = RtmpClient.create(); FlvFileRecorder recorder = FlvFileRecorder.create(file);
             RtmpPlayer player = client.play(url, recorder).get(10, TimeUnit.SECONDS)) {
            recorder.ended().completeOnTimeout("played long enough", seconds, TimeUnit.SECONDS).get();
        }                                                   // the player stops, then the file is closed
    }

    public static void main(String[] args) throws Exception {
        play(args[0], Path.of(args[1]), Integer.parseInt(args[2]));
    }
}
