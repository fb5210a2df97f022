package io.rtmp4j.server;

import io.rtmp4j.session.ClientSession;
import io.rtmp4j.session.ClientSessionConfig;
import io.rtmp4j.session.ClientSessionListener;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.RtmpUrl;
import io.rtmp4j.session.StatusEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * A blocking test player built on the core {@link ClientSession}: connects, plays, and records what it
 * receives; {@link #pump()} reads and processes one socket read.
 */
final class TestClient implements AutoCloseable {

    record Received(MediaKind kind, long timestamp, byte[] payload) { }

    final Socket socket;
    final ClientSession session;
    final List<Received> media = Collections.synchronizedList(new ArrayList<>());
    final List<String> statuses = Collections.synchronizedList(new ArrayList<>());
    private final byte[] buf = new byte[64 * 1024];

    TestClient(String url, int receiveBuffer) throws IOException {
        this(url, receiveBuffer, true);
    }

    /** A client that plays ({@code play}) or publishes the URL's stream name. */
    TestClient(String url, int receiveBuffer, boolean play) throws IOException {
        RtmpUrl u = RtmpUrl.parse(url);
        socket = new Socket();
        if (receiveBuffer > 0) {
            socket.setReceiveBufferSize(receiveBuffer);
        }
        socket.connect(new InetSocketAddress(u.host(), u.port()), 5000);
        socket.setSoTimeout(10_000);
        session = new ClientSession(ClientSessionConfig.forUrl(u).build(), new ClientSessionListener() {
            @Override
            public void onStatus(StatusEvent status) {
                statuses.add(status.code());
            }

            @Override
            public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
                media.add(new Received(kind, timestamp, payload));
            }

            @Override
            public void onMetadata(Metadata metadata) {
                media.add(new Received(MediaKind.DATA, metadata.timestamp(), metadata.payload()));
            }
        });
        if (play) {
            session.play(u.streamName());
        } else {
            session.publish(u.streamName());
        }
        flushOut();
    }

    void flushOut() throws IOException {
        OutputStream out = socket.getOutputStream();
        while (session.hasOutbound()) {
            ByteBuffer b = session.pollOutbound();
            out.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
        }
        out.flush();
    }

    /** One read; false at end of stream. */
    boolean pump() throws IOException {
        InputStream in = socket.getInputStream();
        int n = in.read(buf);
        if (n < 0) {
            return false;
        }
        session.receive(ByteBuffer.wrap(buf, 0, n));
        flushOut();
        return true;
    }

    /** Reads until {@code condition} holds (false if the stream ended first). */
    boolean pumpUntil(java.util.function.BooleanSupplier condition) throws IOException {
        while (!condition.getAsBoolean()) {
            if (!pump()) {
                return false;
            }
        }
        return true;
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
