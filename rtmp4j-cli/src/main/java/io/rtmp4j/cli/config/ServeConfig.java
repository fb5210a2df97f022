package io.rtmp4j.cli.config;

import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import picocli.CommandLine.IDefaultValueProvider;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The configuration file of {@code rtmp4j serve --config FILE}: every option of {@code serve} is a
 * top-level key (its long name without the dashes: {@code rtmp-port: 1935}), next to the sections
 * {@link #SECTIONS}. Options given on the command line override the file: the file only supplies the
 * defaults ({@link #defaults()}). Every key is checked when the file is read: unknown keys, wrong types
 * and values out of range are refused with file, line and key.
 */
public final class ServeConfig {

    /** Top-level keys that are sections of their own rather than options. */
    public static final Set<String> SECTIONS = Set.of("apps");

    /** Options that do not belong in a file. */
    private static final Set<String> NOT_IN_FILE = Set.of("config", "help", "version");

    /**
     * Allowed ranges of numeric options, where the type alone does not say it; the lower bound is also the
     * meaning of "positive" ({@code 1}) or "zero allowed" ({@code 0}).
     */
    static final Map<String, long[]> RANGES = Map.ofEntries(
            Map.entry("rtmp-port", new long[] {0, 65535}),
            Map.entry("rtmps-port", new long[] {-1, 65535}),
            Map.entry("http-port", new long[] {-1, 65535}),
            Map.entry("max-gop-bytes", new long[] {0, Integer.MAX_VALUE}),
            Map.entry("player-queue-bytes", new long[] {1, Integer.MAX_VALUE}),
            Map.entry("flush-delay-ms", new long[] {0, 1000}),
            Map.entry("max-frame-age-ms", new long[] {1, 3_600_000}),
            Map.entry("chunk-size", new long[] {1, 0xFFFFFF}),          // rtmp-1.0.txt §5.4.1 (24 bits in practice)
            Map.entry("max-input-buffer", new long[] {1, Integer.MAX_VALUE}),
            Map.entry("max-connections", new long[] {1, Integer.MAX_VALUE}),
            Map.entry("io-threads", new long[] {0, 1024}),
            Map.entry("io-period-ms", new long[] {0, 1000}),
            Map.entry("handshake-timeout", new long[] {1, 3600}),
            Map.entry("idle-timeout", new long[] {1, 86_400}),
            Map.entry("publisher-timeout", new long[] {1, 86_400}),
            Map.entry("player-max-lag", new long[] {1, 86_400}));

    private final ConfigFile file;
    private final Map<String, String> options;
    private final AppsConfig apps;

    private ServeConfig(ConfigFile file, Map<String, String> options, AppsConfig apps) {
        this.file = file;
        this.options = options;
        this.apps = apps;
    }

    /**
     * The {@code apps} section.
     *
     * @return its rules and hooks, {@link AppsConfig#NONE} without one
     */
    public AppsConfig apps() {
        return apps;
    }

    /**
     * Reads and checks {@code path} against the options of {@code serve}.
     *
     * @param path  the YAML file
     * @param serve the {@code serve} command's spec (its options are the keys)
     * @return the checked configuration
     * @throws ConfigException for the first problem found, with file, line and key
     */
    public static ServeConfig load(Path path, CommandSpec serve) {
        ConfigFile file = ConfigFile.read(path);
        try {
            Map<String, String> options = check(file.root(), serve);
            ConfigFile.Value section = file.root().map().get("apps");
            AppsConfig apps = section == null || section.isNull() ? AppsConfig.NONE : AppsConfig.read(section);
            return new ServeConfig(file, options, apps);
        } catch (ConfigException e) {
            throw e.in(path);
        }
    }

    private static Map<String, String> check(ConfigFile.Value root, CommandSpec serve) {
        Map<String, String> out = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigFile.Value> e : root.map().entrySet()) {
            String key = e.getKey();
            ConfigFile.Value v = e.getValue();
            if (SECTIONS.contains(key)) {
                continue; // checked by their own readers
            }
            OptionSpec o = serve.findOption("--" + key);
            if (o == null || NOT_IN_FILE.contains(key)) {
                throw v.error("unknown key; the keys are " + keys(serve));
            }
            out.put(key, value(o, key, v));
        }
        return out;
    }

    /** The option names that a file may set, sorted, followed by the sections. */
    static String keys(CommandSpec serve) {
        Set<String> names = new TreeSet<>();
        for (OptionSpec o : serve.options()) {
            String n = o.longestName().replaceFirst("^--", "");
            if (!NOT_IN_FILE.contains(n)) {
                names.add(n);
            }
        }
        return String.join(", ", names) + " and the sections " + String.join(", ", new TreeSet<>(SECTIONS));
    }

    /** The option's value as picocli will parse it, after checking its type and range. */
    private static String value(OptionSpec o, String key, ConfigFile.Value v) {
        Class<?> type = o.type();
        if (v.isNull()) {
            if (type == Path.class || type == String.class) {
                return null; // "record: ~": not set
            }
            throw v.error("a value is missing");
        }
        String text = v.text().trim();
        if (type == boolean.class || type == Boolean.class) {
            if (!text.equals("true") && !text.equals("false")) {
                throw v.error("expected true or false, got \"" + text + "\"");
            }
            return text;
        }
        if (type == int.class || type == long.class || type == Integer.class || type == Long.class) {
            long n;
            try {
                n = Long.parseLong(text);
            } catch (NumberFormatException ex) {
                throw v.error("expected a whole number, got \"" + text + "\"");
            }
            checkRange(key, v, n, text);
            return text;
        }
        if (type == double.class || type == Double.class) {
            double d;
            try {
                d = Double.parseDouble(text);
            } catch (NumberFormatException ex) {
                throw v.error("expected a number, got \"" + text + "\"");
            }
            if (!Double.isFinite(d)) {
                throw v.error("expected a finite number, got \"" + text + "\"");
            }
            checkRange(key, v, d, text);
            return text;
        }
        if (FILES.contains(key) && !java.nio.file.Files.isReadable(Path.of(text))) {
            throw v.error("cannot read the file " + text);
        }
        return text; // Path, String
    }

    /** Options that name a file that must exist when the configuration is read. */
    private static final Set<String> FILES = Set.of("tls-cert", "tls-key");

    private static void checkRange(String key, ConfigFile.Value v, double n, String text) {
        long[] r = RANGES.get(key);
        if (r != null && (n < r[0] || n > r[1])) {
            throw v.error("out of range " + r[0] + ".." + r[1] + ": " + text);
        }
    }

    /**
     * Supplies the file's values as the defaults of the {@code serve} options, so that an option given on
     * the command line wins over the file.
     *
     * @return picocli's default value provider
     */
    public IDefaultValueProvider defaults() {
        return (ArgSpec arg) -> {
            if (arg instanceof OptionSpec o) {
                String key = o.longestName().replaceFirst("^--", "");
                if (options.containsKey(key)) {
                    String v = options.get(key);
                    return v == null ? null : v;
                }
            }
            return arg.defaultValue();
        };
    }

    /**
     * The options the file sets, by key, as written.
     *
     * @return key to value (null for a value set to YAML null)
     */
    public Map<String, String> options() {
        return options;
    }

    /**
     * A section of the file.
     *
     * @param name one of {@link #SECTIONS}
     * @return the section's value, empty if the file has none
     */
    public Optional<ConfigFile.Value> section(String name) {
        return Optional.ofNullable(file.root().map().get(name)).filter(v -> !v.isNull());
    }

    /**
     * The file it was read from.
     *
     * @return the path
     */
    public Path path() {
        return file.path();
    }

    /**
     * The lines of a commented example file that sets every option to its default.
     *
     * @param serve the {@code serve} command's spec
     * @return the example's lines
     */
    public static List<String> example(CommandSpec serve) {
        return ConfigExample.lines(serve);
    }
}
