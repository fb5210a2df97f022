package io.rtmp4j.server.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.netty.client.FlvFileRecorder;
import io.rtmp4j.netty.client.FlvFileSender;
import io.rtmp4j.netty.client.PlayListener;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.netty.client.RtmpPlayer;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.server.HubConfig;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.StatusEvent;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * The rtmp4j client against the rtmp4j live server ({@link LiveServer}, what {@code ./rtmp4j serve} runs):
 * a file published with {@link FlvFileSender} arrives tag for tag in a player's {@link FlvFileRecorder};
 * a second publisher of the same name is refused with BadName.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientAgainstLiveServerTest {

    @TempDir
    Path tmp;

    LiveServer server;
    RtmpClient client;

    @BeforeEach
    void start() {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        server = new LiveServer(new RtmpServer.Settings("127.0.0.1", 0, d.session(), d.handshakeTimeout(),
                d.idleTimeout(), d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(), d.maxConnections(),
                1), HubConfig.defaults(), null).start();
        client = RtmpClient.create();
    }

    @AfterEach
    void stop() {
        client.close();
        server.close();
    }

    String url(String stream) {
        return "rtmp://127.0.0.1:" + server.port() + "/live/" + stream;
    }

    /** onMetaData, AVC + AAC sequence headers, 50 video frames (key every 25) and 50 audio frames. */
    Path file() throws Exception {
        Path f = tmp.resolve("in.flv");
        try (OutputStream out = Files.newOutputStream(f); FlvWriter w = FlvWriter.open(out, true, true)) {
            w.write(FlvTag.script(0, ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 320.0)
                    .put("height", 240.0).build()).encode()));
            w.write(FlvTag.video(0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E}));
            w.write(FlvTag.audio(0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}));
            for (int i = 0; i < 50; i++) {
                byte[] v = new byte[300 + i];
                v[0] = (byte) (i % 25 == 0 ? 0x17 : 0x27);
                v[1] = 1;
                v[5] = (byte) i;
                w.write(FlvTag.video(40L * i, v));
                w.write(FlvTag.audio(40L * i + 10, new byte[] {(byte) 0xAF, 1, (byte) i, 0x55}));
            }
        }
        return f;
    }

    @Test
    void publishedFileArrivesTagForTagAtAPlayerThatWasWaiting() throws Exception {
        Path in = file();
        Path out = tmp.resolve("out.flv");
        FlvFileRecorder recorder = FlvFileRecorder.create(out);
        CompletableFuture<String> ended = new CompletableFuture<>();
        RtmpPlayer player = client.play(url("cam"), new PlayListener() {
            @Override
            public void onMetadata(Metadata m) {
                recorder.onMetadata(m);
            }

            @Override
            public void onMedia(MediaKind kind, long timestamp, byte[] payload) {
                recorder.onMedia(kind, timestamp, payload);
            }

            @Override
            public void onStreamEnd(String reason) {
                ended.complete(reason);
            }
        }).get(10, TimeUnit.SECONDS);

        RtmpPublisher publisher = client.publish(url("cam")).get(10, TimeUnit.SECONDS);
        FlvFileSender.Result r = new FlvFileSender(in, publisher, false, false, 5000).run();
        publisher.closeAsync().get(10, TimeUnit.SECONDS);
        assertThat(r.tags()).isEqualTo(103);

        // the server tells the player the publication ended (StreamEOF, UnpublishNotify)
        assertThat(ended.get(10, TimeUnit.SECONDS)).isIn("StreamEOF", "NetStream.Play.UnpublishNotify");
        player.closeAsync().get(10, TimeUnit.SECONDS);
        recorder.close();

        List<FlvTag> sent = FlvTestFiles.tags(in);
        List<FlvTag> got = FlvTestFiles.tags(out);
        assertThat(ScriptTag.decode(got.get(0).body()).metaData().orElseThrow().number("width")).contains(320.0);
        assertThat(got.subList(1, got.size())).as("every audio and video tag, same bytes, same timestamps")
                .containsExactlyElementsOf(sent.subList(1, sent.size()));
    }

    @Test
    void secondPublisherOfANameIsRefusedWithBadName() throws Exception {
        RtmpPublisher first = client.publish(url("busy")).get(10, TimeUnit.SECONDS);
        first.sendVideo(0, new byte[] {0x17, 1, 0, 0, 0});
        assertThatThrownBy(() -> client.publish(url("busy")).get(10, TimeUnit.SECONDS))
                .satisfies(e -> {
                    RtmpClientException c = RtmpClientException.unwrap(e);
                    assertThat(c.kind()).isEqualTo(RtmpClientException.Kind.PUBLISH_REJECTED);
                    assertThat(c.statusCode()).contains("NetStream.Publish.BadName");
                });
        first.closeAsync().get(10, TimeUnit.SECONDS);
    }

    @Test
    void statusEventsReachThePlayer() throws Exception {
        List<String> codes = new java.util.concurrent.CopyOnWriteArrayList<>();
        RtmpPlayer player = client.play(url("quiet"), new PlayListener() {
            @Override
            public void onStatus(StatusEvent s) {
                codes.add(s.code());
            }
        }).get(10, TimeUnit.SECONDS);
        player.closeAsync().get(10, TimeUnit.SECONDS);
        // docs/INTEROP.md "Commands": Reset comes before Start
        assertThat(codes).containsSubsequence("NetStream.Play.Reset", "NetStream.Play.Start");
    }
}
