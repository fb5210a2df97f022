package io.rtmp4j.cli;

import io.rtmp4j.cli.inspect.FlvInspector;
import io.rtmp4j.flv.FlvReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtmp4j inspect FILE.flv [--json]}: one line per FLV tag, in the spirit of
 * {@code ffprobe -show_packets}. Exit status 0 when every tag is well formed, 1 when any tag (or the
 * file structure) is malformed, 2 when the file cannot be read.
 */
@Command(
        name = "inspect",
        mixinStandardHelpOptions = true,
        description = "Print every tag of an FLV file, one line each: type, timestamp, size, codec, frame and"
                + " packet type, composition time, multitrack, ModEx, metadata. A malformed tag gets an \"error\""
                + " field and the exit status is 1 (2 if the file cannot be read); inspection goes on where the"
                + " file structure allows.")
public final class InspectCommand implements Callable<Integer> {

    /** Exit status when a tag or the file structure is malformed. */
    static final int EXIT_MALFORMED = 1;
    /** Exit status when the file cannot be opened or read. */
    static final int EXIT_IO = 2;

    @Parameters(index = "0", paramLabel = "FILE", description = "the FLV file ('-' reads standard input)")
    Path file;

    @Option(names = "--json", description = "one JSON object per line instead of key=value text")
    boolean json;

    @Option(names = "--max-tag-size", paramLabel = "BYTES",
            description = "largest tag body read; larger tags are reported and skipped (default: ${DEFAULT-VALUE})")
    int maxTagSize = FlvReader.Limits.DEFAULT_MAX_DATA_SIZE;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (maxTagSize < 0) {
            throw new CommandLine.ParameterException(spec.commandLine(),
                    "--max-tag-size must not be negative: " + maxTagSize);
        }
        FlvInspector inspector = new FlvInspector(json ? FlvInspector.Format.JSON : FlvInspector.Format.TEXT);
        try (InputStream in = "-".equals(file.toString())
                ? new BufferedInputStream(System.in, 1 << 16)
                : new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            FlvInspector.Summary summary = inspector.inspect(in, new FlvReader.Limits(maxTagSize), out::println);
            out.flush();
            if (!summary.ok()) {
                err.println("inspect: " + summary.malformed() + " malformed of " + summary.tags() + " tags"
                        + (summary.completed() ? "" : "; reading stopped before the end of the file"));
                return EXIT_MALFORMED;
            }
            return 0;
        } catch (NoSuchFileException e) {
            err.println("inspect: no such file: " + file);
            return EXIT_IO;
        } catch (IOException e) {
            out.flush();
            err.println("inspect: cannot read " + file + ": " + e);
            return EXIT_IO;
        }
    }
}
