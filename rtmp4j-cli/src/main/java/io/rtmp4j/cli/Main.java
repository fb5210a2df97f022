package io.rtmp4j.cli;

import io.rtmp4j.cli.config.ConfigException;
import io.rtmp4j.cli.config.ServeConfig;
import java.nio.file.Path;
import java.util.Optional;

import java.io.IOException;
import java.io.InputStream;
import java.util.Properties;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code rtmp4j} command: entry point of the runnable jar. */
@Command(
        name = "rtmp4j",
        mixinStandardHelpOptions = true,
        versionProvider = Main.Version.class,
        description = "RTMP and Enhanced RTMP (v1 + v2): live server, client and tools.",
        subcommands = {CommandLine.HelpCommand.class, ServeCommand.class, InspectCommand.class, PublishCommand.class,
            PlayCommand.class, ConfigCommand.class, SignCommand.class})
public final class Main implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    /**
     * Runs the {@code rtmp4j} command line ({@code serve}, {@code publish}, {@code play}, {@code inspect})
     * and exits with its status. Netty's sampled buffer leak detection is turned off unless one of its
     * {@code io.netty.leakDetection...} system properties is set.
     *
     * @param args the command line
     */
    public static void main(String[] args) {
        // Netty samples 1 in 128 buffers for leak tracking by default, recording a stack trace each time
        // (0.8 % of the server's CPU time with 200 publishers, issue 5). The buffers' life cycles are
        // covered by the tests, which run with Netty's default sampled leak detection; set
        // -Dio.netty.leakDetection.level=simple (or paranoid) to turn it on for a server.
        if (System.getProperty("io.netty.leakDetection.level") == null
                && System.getProperty("io.netty.leakDetectionLevel") == null) {
            System.setProperty("io.netty.leakDetection.level", "disabled");
        }
        System.exit(run(args));
    }

    /**
     * Runs the command line and returns its exit status (the test entry point).
     *
     * @param args the command line
     * @return the exit status: 0 success, 1 failure, 2 usage error
     */
    static int run(String... args) {
        CommandLine cl = new CommandLine(new Main());
        CommandLine serve = cl.getSubcommands().get("serve");
        Optional<Path> file = serveConfigArgument(args);
        if (file.isPresent()) {
            // the file supplies the defaults of serve's options, so it must be read before they are parsed
            try {
                ServeConfig config = ServeConfig.load(file.get(), serve.getCommandSpec());
                serve.setDefaultValueProvider(config.defaults());
                ((ServeCommand) serve.getCommand()).loaded = config;
            } catch (ConfigException e) {
                System.err.println("rtmp4j: " + e.getMessage());
                return 1;
            }
        }
        return cl.execute(args);
    }

    /** The FILE of {@code serve ... --config FILE} (or {@code --config=FILE}), if the command line has one. */
    static Optional<Path> serveConfigArgument(String[] args) {
        if (args.length == 0 || !args[0].equals("serve")) {
            return Optional.empty();
        }
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--config") && i + 1 < args.length) {
                return Optional.of(Path.of(args[i + 1]));
            }
            if (args[i].startsWith("--config=")) {
                return Optional.of(Path.of(args[i].substring("--config=".length())));
            }
        }
        return Optional.empty();
    }

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** Reads the version Maven wrote into {@code version.properties}. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() throws IOException {
            Properties p = new Properties();
            try (InputStream in = Main.class.getResourceAsStream("/io/rtmp4j/cli/version.properties")) {
                if (in != null) {
                    p.load(in);
                }
            }
            return new String[] {"rtmp4j " + p.getProperty("version", "unknown")};
        }
    }
}
