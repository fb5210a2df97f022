package io.rtmp4j.examples;

import io.rtmp4j.netty.client.FlvFileSender;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpPublisher;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** Publishes an FLV file in real time to any RTMP server: {@code java PublishFile in.flv rtmp://host/live/cam}. */
public final class PublishFile {

    private PublishFile() {
    }

    /** Sends {@code file} to {@code url}, paced by its timestamps, then unpublishes; returns the tags sent. */
    public static long publish(Path file, String url) throws Exception {
        try (RtmpClient client = RtmpClient.create();
             RtmpPublisher publisher = client.publish(url).get(10, TimeUnit.SECONDS)) {
            return FlvFileSender.of(file, publisher).build().run().tags();
        }                                                   // unpublishes gracefully
    }

    public static void main(String[] args) throws Exception {
        System.out.println(publish(Path.of(args[0]), args[1]) + " tags sent");
    }
}
