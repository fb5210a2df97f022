package io.rtmp4j.cli;

import io.rtmp4j.cli.config.ConfigException;
import io.rtmp4j.cli.config.ServeConfig;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code rtmp4j config check FILE} and {@code rtmp4j config example}: the configuration file without a server. */
@Command(name = "config", mixinStandardHelpOptions = true,
        description = "Check a configuration file, or print an example with every key and its default.",
        subcommands = {ConfigCommand.Check.class, ConfigCommand.Example.class})
public final class ConfigCommand implements Runnable {

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.out);
    }

    /** The {@code serve} command's options: the keys of the file. */
    static CommandLine.Model.CommandSpec serveSpec() {
        return new CommandLine(new ServeCommand()).getCommandSpec();
    }

    /** {@code rtmp4j config check FILE}. */
    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Read FILE as 'rtmp4j serve --config FILE' would, without starting: print OK, or the "
                    + "problem with its file, line and key (exit 1).")
    static final class Check implements Callable<Integer> {
        @Parameters(paramLabel = "FILE", description = "The YAML configuration file.")
        Path file;

        @Override
        public Integer call() {
            try {
                ServeConfig.load(file, serveSpec());
                System.out.println(file + ": OK");
                return 0;
            } catch (ConfigException e) {
                System.err.println(e.getMessage());
                return 1;
            }
        }
    }

    /** {@code rtmp4j config example}. */
    @Command(name = "example", mixinStandardHelpOptions = true,
            description = "Print a commented configuration file that sets every key to its default "
                    + "(rtmp4j.example.yaml in the repository is this output).")
    static final class Example implements Callable<Integer> {
        @Override
        public Integer call() {
            ServeConfig.example(serveSpec()).forEach(System.out::println);
            return 0;
        }
    }
}
