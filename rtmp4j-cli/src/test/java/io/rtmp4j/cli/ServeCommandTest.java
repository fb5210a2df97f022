package io.rtmp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.server.HubConfig;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** {@code rtmp4j serve}: options that reach {@link HubConfig} (without starting a server). */
class ServeCommandTest {

    private static ServeCommand parse(String... args) {
        ServeCommand cmd = new ServeCommand();
        new CommandLine(cmd).parseArgs(args);
        return cmd;
    }

    @Test
    void maxFrameAgeDefaultsToTheHubDefaultAndCanBeSet() {
        assertThat(parse().hubConfig().maxFrameAge())
                .isEqualTo(Duration.ofMillis(HubConfig.DEFAULT_MAX_FRAME_AGE_MS))
                .isEqualTo(HubConfig.defaults().maxFrameAge());
        assertThat(parse("--max-frame-age-ms", "2500").hubConfig().maxFrameAge()).isEqualTo(Duration.ofMillis(2500));
        // the other settings keep their values alongside
        HubConfig c = parse("--max-frame-age-ms", "300", "--flush-delay-ms", "0").hubConfig();
        assertThat(c.flushDelay()).isZero();
        assertThat(c.maxFrameAge()).isEqualTo(Duration.ofMillis(300));
    }

    @Test
    void aMaxFrameAgeOfZeroIsRefused() {
        ServeCommand cmd = parse("--max-frame-age-ms", "0");
        assertThatThrownBy(cmd::hubConfig).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("maxFrameAge");
    }

    @Test
    void helpDescribesMaxFrameAgeWithItsDefault() {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new Main());
        cl.setOut(new PrintWriter(out));
        assertThat(cl.execute("serve", "--help")).isZero();
        assertThat(out.toString().replaceAll("\\s+", " "))
                .contains("--max-frame-age-ms=MS")
                .contains("so players stay near the live edge")
                .contains("(default: " + HubConfig.DEFAULT_MAX_FRAME_AGE_MS + ")");
    }
}
