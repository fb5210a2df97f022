package io.rtmp4j.netty.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.chunk.ChunkEncoder;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.SetChunkSize;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.message.UserControl;
import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.util.Arrays;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The client against a hand-scripted server socket that behaves like the peers of docs/INTEROP.md:
 * <ul>
 *   <li>"Handshake": YouTube's ingest answers with a non-zero S1 version and no digest: the client must
 *       not insist on a digest S1;</li>
 *   <li>"Chunk stream": Twitch sends Set Chunk Size (4096) immediately before a connect {@code _result}
 *       larger than 128 bytes, in the same TCP segment: the new size applies from the next chunk;</li>
 *   <li>"Commands": some servers send media before {@code NetStream.Play.Start}.</li>
 * </ul>
 */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ScriptedServerTest {

    /** rtmp-1.0.txt §5.2: C0/S0 1 byte, C1/S1 and C2/S2 1536 bytes each. */
    static final int SIG = 1536;

    @Test
    void youTubeStyleS1AndTwitchStyleChunkSizeBeforeALargeConnectResult() throws Exception {
        String longDescription = "x".repeat(600); // makes the _result larger than 128 bytes: several chunks
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RtmpClient client = RtmpClient.create()) {
            listener.setSoTimeout(10_000);
            CompletableFuture<RtmpClientConnection> connected =
                    client.connect("rtmp://127.0.0.1:" + listener.getLocalPort() + "/live/x");
            try (Socket s = listener.accept()) {
                s.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                byte[] c0c1 = new byte[1 + SIG];
                in.readFully(c0c1);
                assertThat(c0c1[0]).as("C0: RTMP version 3").isEqualTo((byte) 3);
                // S0, S1 = time 0, version 4.5.0.1 (non-zero, as YouTube's) and no digest, S2 = echo of C1
                byte[] s0s1s2 = new byte[1 + 2 * SIG];
                s0s1s2[0] = 3;
                byte[] s1 = new byte[SIG];
                Arrays.fill(s1, (byte) 0x5A);
                s1[0] = s1[1] = s1[2] = s1[3] = 0;
                s1[4] = 4;
                s1[5] = 5;
                s1[6] = 0;
                s1[7] = 1;
                System.arraycopy(s1, 0, s0s1s2, 1, SIG);
                System.arraycopy(c0c1, 1, s0s1s2, 1 + SIG, SIG);
                out.write(s0s1s2);
                out.flush();
                byte[] c2 = new byte[SIG];
                in.readFully(c2);
                assertThat(c2).as("C2 echoes S1 (rtmp-1.0.txt §5.2.4)").isEqualTo(s1);
                String connect = readConnect(in);
                // docs/INTEROP.md "Commands": tcUrl is always sent (SRS refuses a connect without it)
                assertThat(connect).contains("tcUrl").contains("rtmp://127.0.0.1:" + listener.getLocalPort() + "/live");
                // one write: Set Chunk Size 4096, then the _result in 4096-byte chunks
                ChunkEncoder enc = new ChunkEncoder();
                MessageCodec codec = new MessageCodec();
                ByteArrayOutputStream segment = new ByteArrayOutputStream();
                segment.write(enc.encode(codec.encode(new SetChunkSize(4096))));
                enc.setChunkSize(4096);
                RtmpMessage result = Commands.result(1, Amf0Object.builder().put("fmsVer", "FMS/3,0,1,123")
                                .put("capabilities", 31.0).build(),
                        Commands.statusInfo(StatusCode.CONNECT_SUCCESS.level(), StatusCode.CONNECT_SUCCESS.code(),
                                longDescription, null));
                byte[] encodedResult = enc.encode(codec.encode(result));
                assertThat(encodedResult.length).as("at 128 bytes it would take several chunks").isGreaterThan(700);
                segment.write(encodedResult);
                out.write(segment.toByteArray());
                out.flush();

                RtmpClientConnection c = connected.get(10, TimeUnit.SECONDS);
                assertThat(c.connectResult().info().string("description")).contains(longDescription);
                assertThat(c.connectResult().properties().string("fmsVer")).contains("FMS/3,0,1,123");
                c.abort("done");
            }
        }
    }

    @Test
    void mediaBeforePlayStartIsDelivered() throws Exception {
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RtmpClient client = RtmpClient.create()) {
            listener.setSoTimeout(10_000);
            CompletableFuture<RtmpClientConnection> connected =
                    client.connect("rtmp://127.0.0.1:" + listener.getLocalPort() + "/live/early");
            try (Socket s = listener.accept()) {
                s.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                ChunkEncoder enc = new ChunkEncoder();
                MessageCodec codec = new MessageCodec();
                acceptConnect(in, out, enc, codec);
                RtmpClientConnection c = connected.get(10, TimeUnit.SECONDS);
                CompletableFuture<String> media = new CompletableFuture<>();
                CompletableFuture<RtmpPlayer> play = c.play(new PlayListener() {
                    @Override
                    public void onMedia(io.rtmp4j.session.MediaKind kind, long timestamp, byte[] payload) {
                        media.complete(kind + " " + timestamp + " " + payload.length);
                    }
                });
                // docs/INTEROP.md "Chunk stream": Set Chunk Size right after the connect _result:
                // fmt 0 csid 2, timestamp 0, length 4, type 1, stream 0, then 4096 (rtmp-1.0.txt §5.4.1)
                byte[] scs = new byte[16];
                in.readFully(scs);
                assertThat(scs).isEqualTo(new byte[] {0x02, 0, 0, 0, 0, 0, 4, 1, 0, 0, 0, 0, 0, 0, 0x10, 0});
                // createStream is transaction 2 after connect (1): answer with stream 1, then (without
                // waiting for play) StreamBegin and a video message, and never a Play.Start
                waitForBytes(in);
                out.write(enc.encode(codec.encode(Commands.result(2, io.rtmp4j.amf.Amf0Null.INSTANCE, io.rtmp4j.amf.Amf0Value.of(1.0)))));
                out.write(enc.encode(codec.encode(new UserControl.StreamBegin(1))));
                out.write(enc.encode(new io.rtmp4j.chunk.RawMessage(6, 9, 40, 1, new byte[] {0x17, 1, 0, 0, 0})));
                out.flush();
                assertThat(media.get(10, TimeUnit.SECONDS)).isEqualTo("VIDEO 40 5");
                assertThat(play.get(10, TimeUnit.SECONDS).streamId()).isEqualTo(1);
                c.abort("done");
            }
        }
    }

    @Test
    void aServerThatNeverSaysPublishStartStillGetsTheMedia() throws Exception {
        RtmpClient.Settings settings = RtmpClient.Settings.defaults().withResponseTimeout(java.time.Duration.ofMillis(500));
        try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
             RtmpClient client = RtmpClient.create(settings)) {
            listener.setSoTimeout(10_000);
            CompletableFuture<RtmpPublisher> publish =
                    client.publish("rtmp://127.0.0.1:" + listener.getLocalPort() + "/live/quiet");
            try (Socket s = listener.accept()) {
                s.setSoTimeout(10_000);
                DataInputStream in = new DataInputStream(s.getInputStream());
                OutputStream out = s.getOutputStream();
                ChunkEncoder enc = new ChunkEncoder();
                MessageCodec codec = new MessageCodec();
                acceptConnect(in, out, enc, codec);
                // releaseStream (2), FCPublish (3), createStream (4) arrive together: answer createStream only
                waitForBytes(in);
                out.write(enc.encode(codec.encode(Commands.result(4, io.rtmp4j.amf.Amf0Null.INSTANCE,
                        io.rtmp4j.amf.Amf0Value.of(1.0)))));
                out.flush();
                // ... and never a NetStream.Publish.Start
                RtmpPublisher p = publish.get(10, TimeUnit.SECONDS);
                assertThat(p.streamId()).isEqualTo(1);
                byte[] frame = {0x17, 1, 0, 0, 0, (byte) 0xAB, (byte) 0xCD, (byte) 0xEF, 0x12};
                p.sendVideo(0, frame);
                ByteArrayOutputStream seen = new ByteArrayOutputStream();
                byte[] buf = new byte[4096];
                while (!contains(seen.toByteArray(), frame)) {
                    int n = in.read(buf); // bounded by the socket timeout
                    assertThat(n).as("the client keeps the connection open").isPositive();
                    seen.write(buf, 0, n);
                }
                // docs/INTEROP.md "Closing": FCUnpublish and deleteStream, flush, half-close (the server reads
                // EOF), and the client keeps reading until the server closes
                CompletableFuture<String> closed = p.closeAsync();
                ByteArrayOutputStream goodbye = new ByteArrayOutputStream();
                for (int n; (n = in.read(buf)) >= 0; ) { // bounded by the socket timeout
                    goodbye.write(buf, 0, n);
                }
                String text = goodbye.toString(java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(text).contains("FCUnpublish").contains("deleteStream");
                assertThat(text.indexOf("FCUnpublish")).isLessThan(text.indexOf("deleteStream"));
                assertThat(closed).as("the client waits for the server to close").isNotDone();
                s.close();
                assertThat(closed.get(5, TimeUnit.SECONDS)).isEqualTo("publication ended");
            }
        }
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    /**
     * Reads the client's connect command (fmt 0 on csid 3, then fmt 3 continuations every 128 bytes,
     * rtmp-1.0.txt §5.3.1) and returns its body as text (AMF0 strings are readable).
     */
    private static String readConnect(InputStream in) throws Exception {
        DataInputStream d = new DataInputStream(in);
        byte[] head = new byte[12];
        d.readFully(head);
        assertThat(head[0]).as("fmt 0, csid 3").isEqualTo((byte) 0x03);
        assertThat(head[7]).as("type 20: AMF0 command").isEqualTo((byte) 20);
        int length = ((head[4] & 0xFF) << 16) | ((head[5] & 0xFF) << 8) | (head[6] & 0xFF);
        byte[] body = new byte[length];
        for (int off = 0; off < length; off += 128) {
            if (off > 0) {
                assertThat(d.readByte()).as("fmt 3 continuation on csid 3").isEqualTo((byte) 0xC3);
            }
            d.readFully(body, off, Math.min(128, length - off));
        }
        String text = new String(body, java.nio.charset.StandardCharsets.ISO_8859_1);
        assertThat(text).startsWith("\u0002\u0000\u0007connect");
        return text;
    }

    /**
     * The server side up to a successful connect: a plain handshake whose S2 echoes C1 (rtmp-1.0.txt
     * §5.2.4), the client's connect read, and its {@code _result} (NetConnection.Connect.Success, §7.2.1.1)
     * sent at the default chunk size.
     */
    private static void acceptConnect(DataInputStream in, OutputStream out, ChunkEncoder enc, MessageCodec codec)
            throws Exception {
        byte[] c0c1 = new byte[1 + SIG];
        in.readFully(c0c1);
        byte[] s0s1s2 = new byte[1 + 2 * SIG];
        s0s1s2[0] = 3;
        System.arraycopy(c0c1, 1, s0s1s2, 1 + SIG, SIG);
        out.write(s0s1s2);
        in.readFully(new byte[SIG]);
        readConnect(in);
        out.write(enc.encode(codec.encode(Commands.result(1, Amf0Object.builder().put("fmsVer", "x").build(),
                Commands.statusInfo(StatusCode.CONNECT_SUCCESS.level(), StatusCode.CONNECT_SUCCESS.code(),
                        "ok", null)))));
        out.flush();
    }

    /** Drains what is available now after blocking for at least one byte (the rest of a command). */
    private static void waitForBytes(InputStream in) throws Exception {
        if (in.read() < 0) {
            throw new AssertionError("client closed");
        }
        while (in.available() > 0) {
            in.skip(in.available());
        }
    }
}
