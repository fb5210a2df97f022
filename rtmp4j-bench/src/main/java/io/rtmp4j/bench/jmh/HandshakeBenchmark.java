package io.rtmp4j.bench.jmh;

import io.rtmp4j.handshake.ClientHandshake;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.handshake.ServerHandshake;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

import java.nio.ByteBuffer;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;

/**
 * The server side of the RTMP handshake (rtmp-1.0.txt §5.2; digest form: specs/README.md), in
 * handshakes per second: one operation feeds C0+C1, takes S0+S1+S2, feeds C2. The digest case
 * validates the client's digest (HMAC-SHA256 over 1504 bytes, up to two schemes) and signs S1 and S2;
 * the plain case (a zero-version C1) computes no HMAC.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
public class HandshakeBenchmark {

    private byte[] digestC0C1;
    private byte[] plainC0C1;
    private byte[] c2;
    private SplittableRandom random;

    @Setup
    public void setup() {
        random = new SplittableRandom(3);
        digestC0C1 = bytes(Handshake.client(Handshake.Kind.DIGEST_SCHEME_0, new SplittableRandom(1), 0));
        plainC0C1 = bytes(Handshake.client(Handshake.Kind.PLAIN, new SplittableRandom(2), 0));
        c2 = new byte[Handshake.PACKET_SIZE]; // any C2 is accepted (peerResponseValid says if it matched)
        new SplittableRandom(4).nextBytes(c2);
    }

    private static byte[] bytes(ClientHandshake client) {
        ByteBuffer b = client.pollOutbound();
        byte[] out = new byte[b.remaining()];
        b.get(out);
        return out;
    }

    private boolean serve(byte[] c0c1) {
        ServerHandshake server = Handshake.server(random, 0);
        server.feed(ByteBuffer.wrap(c0c1));
        ByteBuffer s0s1s2 = server.pollOutbound();
        if (s0s1s2.remaining() != 1 + 2 * Handshake.PACKET_SIZE) {
            throw new IllegalStateException("no S0+S1+S2");
        }
        server.feed(ByteBuffer.wrap(c2));
        return server.isDone();
    }

    @Benchmark
    public boolean serverDigest() {
        return serve(digestC0C1);
    }

    @Benchmark
    public boolean serverPlain() {
        return serve(plainC0C1);
    }
}
