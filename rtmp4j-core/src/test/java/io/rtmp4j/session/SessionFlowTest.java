package io.rtmp4j.session;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.message.AudioMessage;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.message.VideoMessage;
import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Client and server sessions wired together in memory: a publisher, a tiny relay standing in for the
 * server's hub, and a player; media goes through end to end.
 */
class SessionFlowTest {

    /** Relays a publisher's media to one player, the way a hub would. */
    private static final class Relay implements ServerSessionListener {
        ServerSession player;
        int playerStream = -1;
        Metadata metadata;
        final List<String> events = new ArrayList<>();

        @Override public void onMetadata(Metadata m) {
            metadata = m;
            if (playerStream > 0) {
                player.sendMetadata(playerStream, m);
            }
        }

        @Override public void onMedia(MediaKind kind, int streamId, long ts, byte[] payload) {
            if (playerStream < 0) {
                return;
            }
            switch (kind) {
                case AUDIO -> player.sendAudio(playerStream, ts, payload);
                case VIDEO -> player.sendVideo(playerStream, ts, payload);
                case DATA -> player.sendData(playerStream, ts, payload);
            }
        }

        @Override public void onUnpublish(int streamId, String name) {
            events.add("unpublish " + name);
            if (playerStream > 0) {
                player.notifyUnpublish(playerStream);
            }
        }
    }

    private static byte[] frame(int size, int first) {
        byte[] b = new byte[size];
        new SplittableRandom(size).nextBytes(b);
        b[0] = (byte) first;
        return b;
    }

    @Test
    void publishAndPlayWithMediaPassingThrough() {
        Relay relay = new Relay();
        ServerSession publisherSide = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), relay);
        Recorder playerApp = new Recorder();
        Recorder playerServerApp = new Recorder();
        ServerSession playerSide = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(2),
                new ServerSessionListener() {
                    @Override public void onPlay(PlayRequest r) {
                        playerServerApp.events.add("play " + r.streamName());
                        r.accept();
                        relay.playerStream = r.streamId();
                    }
                });
        relay.player = playerSide;

        Recorder pubApp = new Recorder();
        RtmpUrl url = RtmpUrl.parse("rtmp://localhost/live/cam1");
        ClientSession publisher = new ClientSession(ClientSessionConfig.forUrl(url).build(), new SplittableRandom(3),
                pubApp.client());
        ClientSession player = new ClientSession(ClientSessionConfig.forUrl(url).build(), new SplittableRandom(4),
                playerApp.client());
        Link pubLink = new Link(publisher, publisherSide);
        Link playLink = new Link(player, playerSide);

        player.play(url.streamName());
        playLink.pump();
        publisher.publish(url.streamName());
        pubLink.pump();
        assertThat(publisher.isPublishing()).isTrue();
        assertThat(playerApp.statuses).extracting(StatusEvent::code).containsExactly("NetStream.Play.Reset",
                "NetStream.Play.Start");

        List<byte[]> sent = new ArrayList<>();
        publisher.sendMetadata(Amf0Object.builder().put("width", 1920.0).put("height", 1080.0).build());
        for (int i = 0; i < 30; i++) {
            byte[] v = frame(i == 0 ? 50_000 : 3000 + i, i == 0 ? 0x17 : 0x27);
            byte[] a = frame(200 + i, 0xAF);
            publisher.sendVideo(i * 33L, v);
            publisher.sendAudio(i * 33L + 5, a);
            sent.add(v);
            sent.add(a);
            pubLink.pump();
            playLink.pump();
        }
        publisher.sendData(1000, Amf0Value.of("onCuePoint"), Amf0Value.of("chapter 2"));
        pubLink.pump();
        playLink.pump();

        assertThat(playerApp.metadata).hasSize(1);
        assertThat(playerApp.metadata.get(0).properties().number("width")).contains(1920.0);
        List<byte[]> media = playerApp.payloads.subList(1, 61); // [0] is |RtmpSampleAccess
        assertThat(media).hasSize(sent.size());
        for (int i = 0; i < sent.size(); i++) {
            assertThat(media.get(i)).as("payload %d", i).isEqualTo(sent.get(i));
        }
        assertThat(playerApp.events).contains("VIDEO 1 0 50000", "AUDIO 1 5 200", "VIDEO 1 957 3029");
        assertThat(playerApp.events.get(playerApp.events.size() - 1)).startsWith("DATA 1 1000");

        // the publisher stops: the player hears StreamEOF then UnpublishNotify
        publisher.close("done");
        pubLink.pump();
        playLink.pump();
        assertThat(relay.events).containsExactly("unpublish cam1");
        assertThat(playerApp.events).endsWith("streamEof 1", "status 1 NetStream.Play.UnpublishNotify");
    }

    @Test
    void aggregatesFromTheClientArriveAsTheirParts() {
        Recorder srv = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live").build(),
                new SplittableRandom(2), new Recorder().client());
        Link link = new Link(client, server);
        client.publish("cam1");
        link.pump();
        client.sendAggregate(List.of(new VideoMessage(new byte[] {0x17, 1, 2, 3}, 2000, 0),
                new AudioMessage(new byte[] {(byte) 0xAF, 1}, 2010, 0),
                DataMessage.of(0, 2020, Amf0Value.of("onCuePoint"))));
        link.pump();
        assertThat(srv.events).endsWith("VIDEO 1 2000 4", "AUDIO 1 2010 2", "DATA 1 2020 13");
    }

    @Test
    void pingFromTheServerIsAnsweredByTheClient() {
        Recorder srv = new Recorder();
        Recorder cli = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live").build(),
                new SplittableRandom(2), cli.client());
        Link link = new Link(client, server);
        link.pump();
        server.sendPingRequest(5000);
        client.sendPingRequest(6000);
        link.pump();
        assertThat(srv.events).contains("pingResponse 5000");
        assertThat(cli.events).contains("pingRequest 5000", "pingResponse 6000");
    }

    @Test
    void acknowledgementsFlowBothWays() {
        Recorder srv = new Recorder();
        Recorder cli = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults().withWindowAckSize(10_000),
                new SplittableRandom(1), srv.server());
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live").build(),
                new SplittableRandom(2), cli.client());
        Link link = new Link(client, server);
        client.play("x");
        link.pump();
        for (int i = 0; i < 10; i++) {
            server.sendVideo(1, i, new byte[4000]);
            link.pump(); // one read per frame
        }
        // the client acknowledges once a full window of 10 000 bytes has arrived since its last
        // acknowledgement (rtmp-1.0.txt §5.4.3, §5.4.4); reads here are ~4 KB, so each acknowledgement comes
        // within one read of the window; the server reports each one. ~40 KB arrived: 3 acknowledgements.
        List<Long> acks = srv.events.stream().filter(e -> e.startsWith("ack ")).map(e -> Long.parseLong(e.substring(4))).toList();
        assertThat(acks).hasSize(3);
        long previous = 0;
        for (long ack : acks) {
            assertThat(ack - previous).isBetween(10_000L, 10_000L + 4100);
            previous = ack;
        }
    }

    @Test
    void fanOutWritesInterleaveWithTheSessionsOwnMessages() {
        Recorder cli = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1),
                new ServerSessionListener() { });
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live").build(),
                new SplittableRandom(2), cli.client());
        Link link = new Link(client, server);
        client.play("x");
        link.pump();
        int chunkSize = server.outboundChunkSize();
        assertThat(chunkSize).isEqualTo(4096);
        // the session writes media itself, then the "transport" writes one shared pre-encoded copy, then the
        // session again: each must decode correctly, so the session never compresses against external headers
        server.sendAudio(1, 100, new byte[] {(byte) 0xAF, 1, 1});
        server.sendVideo(1, 100, frame(5000, 0x17));
        client.receive(server.pollOutbound());
        ChunkLayout layout = ChunkLayout.of(chunkSize, 1);
        byte[] sharedVideo = shared(layout, 9, 133, frame(6000, 0x27));
        byte[] sharedAudio = shared(layout, 8, 120, new byte[] {(byte) 0xAF, 1, 2, 3});
        byte[] sharedData = shared(layout, 18, 130,
                new io.rtmp4j.message.MessageCodec().encode(DataMessage.of(1, 0, Amf0Value.of("onCuePoint"))).payload());
        client.receive(ByteBuffer.wrap(sharedAudio));
        client.receive(ByteBuffer.wrap(sharedData));
        client.receive(ByteBuffer.wrap(sharedVideo));
        server.sendAudio(1, 140, new byte[] {(byte) 0xAF, 1, 4});
        server.sendVideo(1, 166, frame(100, 0x27));
        ByteBuffer own = server.pollOutbound();
        // its first chunk header is a fmt 0 one (top two bits 00) on the audio chunk stream
        assertThat(own.get(own.position()) & 0xFF).isEqualTo(ServerSession.AUDIO_CSID);
        client.receive(own);
        assertThat(cli.events).endsWith("AUDIO 1 100 3", "VIDEO 1 100 5000", "AUDIO 1 120 4", "DATA 1 130 13",
                "VIDEO 1 133 6000", "AUDIO 1 140 3", "VIDEO 1 166 100");
    }

    @Test
    void wholeRecordedClientStreamFedOneByteAtATime() {
        // record a whole publish session (handshake to close) as the client sent it
        Recorder first = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), first.server());
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live").build(),
                new SplittableRandom(2), new Recorder().client());
        Link link = new Link(client, server);
        client.publish("cam1");
        link.pump();
        client.sendMetadata(Amf0Object.builder().put("fps", 25.0).build());
        for (int i = 0; i < 20; i++) {
            client.sendVideo(i * 40L, frame(300 + 700 * i, i % 10 == 0 ? 0x17 : 0x27));
            client.sendAudio(i * 40L + 3, frame(100, 0xAF));
            link.pump();
        }
        client.sendPingRequest(1);
        client.close("end");
        link.pump();
        byte[] recorded = link.clientBytes();

        // replay it into a fresh server, one byte per receive()
        Recorder second = new Recorder();
        ServerSession replay = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(9), second.server());
        for (byte b : recorded) {
            replay.receive(ByteBuffer.wrap(new byte[] {b}));
            replay.pollOutbound();
        }
        assertThat(second.events).isEqualTo(first.events);
        assertThat(second.events).contains("publish 1 cam1", "metadata 1", "unpublish 1 cam1", "deleteStream 1");
        assertThat(second.payloads).hasSameSizeAs(first.payloads);
        for (int i = 0; i < first.payloads.size(); i++) {
            assertThat(second.payloads.get(i)).isEqualTo(first.payloads.get(i));
        }
    }

    @Test
    void wholeRecordedServerStreamFedOneByteAtATimeToAClient() {
        Recorder firstClient = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1),
                new ServerSessionListener() { });
        ClientSessionConfig cfg = ClientSessionConfig.builder("live", "rtmp://h:1935/live").build();
        ClientSession client = new ClientSession(cfg, new SplittableRandom(2), firstClient.client());
        Link link = new Link(client, server);
        client.play("cam1");
        link.pump();
        for (int i = 0; i < 10; i++) {
            server.sendVideo(1, i * 40L, frame(5000 + i, 0x27));
        }
        server.sendReconnectRequest("/other", null);
        server.close("bye");
        link.pump();
        byte[] recorded = link.serverBytes();

        Recorder secondClient = new Recorder();
        ClientSession replay = new ClientSession(cfg, new SplittableRandom(2), secondClient.client());
        replay.play("cam1");
        for (byte b : recorded) {
            replay.receive(ByteBuffer.wrap(new byte[] {b}));
            replay.pollOutbound();
        }
        assertThat(secondClient.events).isEqualTo(firstClient.events);
        assertThat(secondClient.events).contains("reconnect rtmp://h:1935/other", "streamEof 1");
    }

    @Test
    void digestHandshakeClient() {
        // Flash-era clients and librtmp send a digest C1 (docs/INTEROP.md "Handshake"); the session answers in kind
        Recorder srv = new Recorder();
        ServerSession server = new ServerSession(ServerSessionConfig.defaults(), new SplittableRandom(1), srv.server());
        ClientSession client = new ClientSession(ClientSessionConfig.builder("live", "rtmp://h:1935/live")
                .handshakeKind(io.rtmp4j.handshake.Handshake.Kind.DIGEST_SCHEME_1).build(), new SplittableRandom(2),
                new Recorder().client());
        Link link = new Link(client, server);
        client.play("x");
        link.pump();
        assertThat(srv.events).containsExactly("connect live", "createStream 1", "setBufferLength 1 3000", "play 1 x");
        assertThat(client.pendingOutboundBytes()).isZero();
        server.sendVideo(1, 0, new byte[100]);
        assertThat(server.pendingOutboundBytes()).isEqualTo(12 + 100); // one fmt 0 chunk: 1 + 11 header bytes
    }

    /** One message chunked once for many players (the fan-out contract). */
    private static byte[] shared(ChunkLayout layout, int typeId, long timestamp, byte[] payload) {
        ByteBuffer out = ByteBuffer.allocate(layout.encodedLength(typeId, timestamp, payload.length));
        layout.encode(typeId, timestamp, ByteBuffer.wrap(payload), out);
        return out.array();
    }
}
