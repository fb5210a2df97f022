package io.rtmp4j.cli.config;

import java.nio.file.Path;

/**
 * A configuration file that cannot be used, with where and why: {@code FILE:LINE: KEY: what is wrong}.
 * The server refuses to start with it (or, on a reload, keeps its current configuration).
 */
public final class ConfigException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** @serial the file, or null while not yet known */
    private final transient Path file;
    /** @serial the 1-based line, 0 when not known */
    private final int line;
    /** @serial the dotted key, empty for the file as a whole */
    private final String key;
    /** @serial what is wrong */
    private final String problem;

    /**
     * A problem of one key.
     *
     * @param file    the file, or null (filled in by the reader)
     * @param line    the 1-based line, 0 when not known
     * @param key     the dotted key ({@code apps.live.publish.keys}), empty for the file as a whole
     * @param problem what is wrong
     */
    public ConfigException(Path file, int line, String key, String problem) {
        super(format(file, line, key, problem));
        this.file = file;
        this.line = line;
        this.key = key;
        this.problem = problem;
    }

    private static String format(Path file, int line, String key, String problem) {
        return (file == null ? "config" : file.toString()) + (line > 0 ? ":" + line : "") + ": "
                + (key.isEmpty() ? "" : key + ": ") + problem;
    }

    /**
     * The same problem located in {@code path} (when it had no file yet).
     *
     * @param path the file
     * @return this, or a copy naming the file
     */
    ConfigException in(Path path) {
        return file != null ? this : new ConfigException(path, line, key, problem);
    }

    /**
     * The 1-based line of the problem.
     *
     * @return the line, 0 when not known
     */
    public int line() {
        return line;
    }

    /**
     * The key with the problem.
     *
     * @return the dotted key, empty for the file as a whole
     */
    public String key() {
        return key;
    }
}
