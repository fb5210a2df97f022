package io.rtmp4j.server.client;

import static org.assertj.core.api.Assertions.assertThat;

import io.rtmp4j.cli.Main;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code rtmp4j publish} / {@code rtmp4j play} argument and input errors: one clear line, a documented exit status. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class ClientCommandsTest {

    @TempDir
    Path tmp;

    record Run(int status, String err) {
    }

    static Run run(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setErr(new PrintWriter(err, true));
        cl.setOut(new PrintWriter(new StringWriter(), true));
        int status = cl.execute(args);
        return new Run(status, err.toString());
    }

    static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    Path emptyFlv() throws IOException {
        Path f = tmp.resolve("empty.flv");
        Files.write(f, new byte[] {'F', 'L', 'V', 1, 5, 0, 0, 0, 9, 0, 0, 0, 0});
        return f;
    }

    @Test
    void publishInputErrorsExitWith2BeforeConnecting() throws IOException {
        Run r = run("publish", tmp.resolve("missing.flv").toString(), "rtmp://127.0.0.1:1/live/x");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).startsWith("publish: cannot read ");
        Path notFlv = tmp.resolve("not.flv");
        Files.writeString(notFlv, "hello, this is text");
        r = run("publish", notFlv.toString(), "rtmp://127.0.0.1:1/live/x");
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("is not an FLV file").contains("signature");
    }

    @Test
    void urlErrorsExitWith1() throws IOException {
        Path f = emptyFlv();
        Run r = run("publish", f.toString(), "http://127.0.0.1/live/x");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("publish: not an rtmp:// or rtmps:// URL: http://127.0.0.1/live/x"
                + System.lineSeparator());
        r = run("publish", f.toString(), "rtmp://127.0.0.1/live");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("the URL names no stream");
        r = run("play", "rtmp://127.0.0.1:99999/live/x", "-o", tmp.resolve("o.flv").toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("port out of range");
        r = run("play", "rtmp://127.0.0.1/live/x", "-o", tmp.resolve("o.flv").toString(), "--duration", "0");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).contains("--duration must be positive");
    }

    @Test
    void refusedConnectionInProcess() throws IOException {
        int port = freePort();
        Run r = run("publish", emptyFlv().toString(), "rtmp://127.0.0.1:" + port + "/live/x");
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("publish: cannot connect to 127.0.0.1:" + port + ": connection refused"
                + System.lineSeparator());
        Path out = tmp.resolve("never.flv");
        r = run("play", "rtmp://127.0.0.1:" + port + "/live/x", "-o", out.toString());
        assertThat(r.status()).isEqualTo(1);
        assertThat(r.err()).isEqualTo("play: cannot connect to 127.0.0.1:" + port + ": connection refused"
                + System.lineSeparator());
        assertThat(out).doesNotExist();
    }
}
