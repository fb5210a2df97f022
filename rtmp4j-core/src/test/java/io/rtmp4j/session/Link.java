package io.rtmp4j.session;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;

/**
 * Wires a {@link ClientSession} to a {@link ServerSession} in memory: {@link #pump()} moves each side's
 * outbound bytes into the other's receive until neither has anything left. Every byte the client sends is
 * also recorded ({@link #clientBytes()}) for replay tests.
 */
final class Link {

    final ClientSession client;
    final ServerSession server;
    private final ByteArrayOutputStream clientBytes = new ByteArrayOutputStream();
    private final ByteArrayOutputStream serverBytes = new ByteArrayOutputStream();

    Link(ClientSession client, ServerSession server) {
        this.client = client;
        this.server = server;
    }

    /** Moves bytes both ways until both sides are quiet; returns the number of rounds. */
    int pump() {
        int rounds = 0;
        while (client.hasOutbound() || server.hasOutbound()) {
            if (++rounds > 10_000) {
                throw new AssertionError("sessions keep talking");
            }
            if (client.hasOutbound()) {
                ByteBuffer b = client.pollOutbound();
                clientBytes.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                server.receive(b);
            }
            if (server.hasOutbound()) {
                ByteBuffer b = server.pollOutbound();
                serverBytes.write(b.array(), b.arrayOffset() + b.position(), b.remaining());
                client.receive(b);
            }
        }
        return rounds;
    }

    byte[] clientBytes() {
        return clientBytes.toByteArray();
    }

    byte[] serverBytes() {
        return serverBytes.toByteArray();
    }
}
