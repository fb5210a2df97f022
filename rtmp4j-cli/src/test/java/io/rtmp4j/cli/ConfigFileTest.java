package io.rtmp4j.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.rtmp4j.cli.config.ConfigException;
import io.rtmp4j.cli.config.ServeConfig;
import io.rtmp4j.server.Peers;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code rtmp4j serve --config FILE}, {@code rtmp4j config check} and {@code config example}: every serve
 * option is a key, command-line options win over the file, and a bad file is refused with file, line and
 * key.
 */
class ConfigFileTest {

    @TempDir
    Path tmp;

    private Path file(String yaml) throws Exception {
        Path f = tmp.resolve("rtmp4j.yaml");
        Files.writeString(f, yaml, StandardCharsets.UTF_8);
        return f;
    }

    private static ServeCommand parsed(ServeConfig config, String... args) {
        ServeCommand serve = new ServeCommand();
        CommandLine cl = new CommandLine(serve);
        if (config != null) {
            cl.setDefaultValueProvider(config.defaults());
        }
        cl.parseArgs(args);
        return serve;
    }

    private static CommandLine.Model.CommandSpec spec() {
        return ConfigCommand.serveSpec();
    }

    @Test
    void theFileSetsTheOptionsAndTheCommandLineOverridesIt() throws Exception {
        ServeConfig c = ServeConfig.load(file("""
                # a comment
                bind: 127.0.0.1
                rtmp-port: 19350
                no-gop-cache: true
                player-max-lag: 2.5
                record: /var/rec
                """), spec());
        ServeCommand fromFile = parsed(c);
        assertThat(fromFile.bind).isEqualTo("127.0.0.1");
        assertThat(fromFile.port).isEqualTo(19350);
        assertThat(fromFile.noGopCache).isTrue();
        assertThat(fromFile.playerMaxLag).isEqualTo(2.5);
        assertThat(fromFile.record).isEqualTo(Path.of("/var/rec"));
        assertThat(fromFile.idleTimeout).as("a key not in the file keeps its default").isEqualTo(60);

        ServeCommand overridden = parsed(c, "--rtmp-port", "1936", "--record", "/tmp/other");
        assertThat(overridden.port).isEqualTo(1936);
        assertThat(overridden.record).isEqualTo(Path.of("/tmp/other"));
        assertThat(overridden.bind).isEqualTo("127.0.0.1");
    }

    @Test
    void aBadFileIsRefusedWithFileLineAndKey() throws Exception {
        record Bad(String yaml, int line, String key, String message) { }
        List<Bad> cases = List.of(
                new Bad("bind: 0.0.0.0\nrtmp-prot: 1935\n", 2, "rtmp-prot", "unknown key; the keys are "),
                new Bad("rtmp-port: abc\n", 1, "rtmp-port", "expected a whole number, got \"abc\""),
                new Bad("\n\nrtmp-port: 70000\n", 3, "rtmp-port", "out of range 0..65535: 70000"),
                new Bad("io-period-ms: -1\n", 1, "io-period-ms", "out of range 0..1000"),
                new Bad("no-gop-cache: yes\n", 1, "no-gop-cache", "expected true or false, got \"yes\""),
                new Bad("player-max-lag: .nan\n", 1, "player-max-lag", "expected a"),
                new Bad("bind: [a, b]\n", 1, "bind", "expected a single value, not a list"),
                new Bad("rtmp-port: 1\nrtmp-port: 2\n", 2, "rtmp-port", "given twice"),
                new Bad("rtmp-port: [1\n", 2, "", "not valid YAML"),
                new Bad("- a\n- b\n", 1, "", "the file must be a mapping"),
                new Bad("a: &x [1]\nb: *x\n", 0, "", "aliases"),       // SnakeYAML's own limit: no line
                new Bad("bind: &x a\nrecord: *x\n", 1, "bind", "anchors and aliases"),
                new Bad("rtmps-port: 1936\ntls-cert: /nonexistent/fullchain.pem\n", 2, "tls-cert",
                        "cannot read the file /nonexistent/fullchain.pem"),
                new Bad("apps:\n  live:\n    publsh: {}\n", 3, "apps.live.publsh", "unknown key; the keys here are"),
                new Bad("apps:\n  live:\n    publish:\n      allow: [10.0.0.0/33]\n", 4, "apps.live.publish.allow",
                        "not a CIDR range"),
                new Bad("apps:\n  live:\n    publish:\n      keys: [a]\n      signed: s\n", 5,
                        "apps.live.publish.signed", "either keys or signed"),
                new Bad("apps:\n  live:\n    publish:\n      keys: []\n", 4, "apps.live.publish.keys",
                        "let no one in"),
                new Bad("apps:\n  live:\n    hooks:\n      on_publsh: http://x/\n", 4, "apps.live.hooks.on_publsh",
                        "no hook named"),
                new Bad("apps:\n  live:\n    hooks:\n      on_publish: ftp://x/\n", 4,
                        "apps.live.hooks.on_publish", "expected an http:// or https:// URL"),
                new Bad("apps:\n  live:\n    hooks:\n      timeout: 0\n", 4, "apps.live.hooks.timeout",
                        "out of range"));
        for (Bad b : cases) {
            Path f = file(b.yaml());
            assertThatThrownBy(() -> ServeConfig.load(f, spec())).as("%s", b.yaml())
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith(f + (b.line() > 0 ? ":" + b.line() : "") + ": "
                            + (b.key().isEmpty() ? "" : b.key() + ": "))
                    .hasMessageContaining(b.message())
                    .satisfies(e -> assertThat(((ConfigException) e).key()).isEqualTo(b.key()));
        }
        assertThatThrownBy(() -> ServeConfig.load(tmp.resolve("missing.yaml"), spec()))
                .isInstanceOf(ConfigException.class).hasMessageContaining("missing.yaml: cannot read");
    }

    @Test
    void configCheckSaysOkOrTheProblemAndServeRefusesABadFile() throws Exception {
        Path good = file("rtmp-port: 1935\n");
        assertThat(run("config", "check", good.toString())).isZero();
        assertThat(out.toString()).contains(good + ": OK");
        Path bad = tmp.resolve("bad.yaml");
        Files.writeString(bad, "rtmp-port: 1935\nmax-connections: 0\n");
        assertThat(run("config", "check", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains(bad + ":2: max-connections: out of range 1..2147483647: 0");
        // serve refuses it at start, before binding anything
        assertThat(run("serve", "--config", bad.toString())).isEqualTo(1);
        assertThat(err.toString()).contains("rtmp4j: " + bad + ":2: max-connections");
    }

    @Test
    void theCommittedExampleIsWhatConfigExamplePrintsAndParsesToTheDefaults() throws Exception {
        assertThat(run("config", "example")).isZero();
        String printed = out.toString();
        Path committed = Path.of(System.getProperty("rtmp4j.root.dir", "..")).resolve("rtmp4j.example.yaml");
        assertThat(committed).exists();
        assertThat(Files.readString(committed)).as("rtmp4j.example.yaml is 'rtmp4j config example'")
                .isEqualTo(printed);
        ServeConfig c = ServeConfig.load(committed, spec());
        ServeCommand fromExample = parsed(c);
        ServeCommand defaults = parsed(null);
        assertThat(fromExample.hubConfig()).isEqualTo(defaults.hubConfig());
        for (CommandLine.Model.OptionSpec o : new CommandLine(fromExample).getCommandSpec().options()) {
            Object d = new CommandLine(defaults).getCommandSpec().findOption(o.longestName()).getValue();
            assertThat((Object) o.getValue()).as(o.longestName()).isEqualTo(d);
        }
        // its commented apps example, uncommented, is a valid section
        String apps = printed.substring(printed.indexOf("# apps:")).lines().map(l -> l.replaceFirst("^# ?", ""))
                .collect(java.util.stream.Collectors.joining("\n"));
        ServeConfig withApps = ServeConfig.load(file(apps + "\n"), spec());
        assertThat(withApps.apps().rules()).containsOnlyKeys("*", "live");
        assertThat(withApps.apps().hooks()).containsOnlyKeys("live");
        assertThat(c.options()).as("every option is in the example").hasSize((int) spec().options().stream()
                .filter(o -> !o.usageHelp() && !o.versionHelp() && !o.longestName().equals("--config")).count());
    }

    @Test
    void serveListensOnThePortOfTheFileUnlessTheCommandLineSaysOtherwise() throws Exception {
        int fromFile = Peers.freePort();
        int fromFlag = Peers.freePort();
        Path f = file("bind: 127.0.0.1\nrtmp-port: " + fromFile + "\n");
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        for (List<String> extra : List.of(List.<String>of(), List.of("--rtmp-port", String.valueOf(fromFlag)))) {
            Path log = tmp.resolve("serve-" + extra.size() + ".log");
            List<String> cmd = new java.util.ArrayList<>(List.of(java.toString(), "-cp",
                    System.getProperty("java.class.path"), "io.rtmp4j.cli.Main", "serve", "--config", f.toString()));
            cmd.addAll(extra);
            Process serve = Peers.start(log, cmd);
            try {
                assertThat(Peers.waitFor(() -> Peers.tail(log).contains("rtmp4j: serving"), Duration.ofSeconds(30)))
                        .as("serve started:%n%s", Peers.tail(log)).isTrue();
                int expected = extra.isEmpty() ? fromFile : fromFlag;
                assertThat(Peers.tail(log)).contains("serving rtmp://127.0.0.1:" + expected + "/");
                try (java.net.Socket s = new java.net.Socket("127.0.0.1", expected)) {
                    assertThat(s.isConnected()).isTrue();
                }
            } finally {
                serve.destroy();
                Peers.await(serve, Duration.ofSeconds(20));
            }
        }
    }

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    /** Runs the command line in this JVM with its output captured. */
    private int run(String... args) {
        out.reset();
        err.reset();
        PrintStream o = System.out;
        PrintStream e = System.err;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
        try {
            return Main.run(args);
        } finally {
            System.setOut(o);
            System.setErr(e);
        }
    }
}
