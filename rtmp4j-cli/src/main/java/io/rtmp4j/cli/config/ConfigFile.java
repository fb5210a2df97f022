package io.rtmp4j.cli.config;

import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.composer.Composer;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.parser.ParserImpl;
import org.snakeyaml.engine.v2.scanner.StreamReader;

/**
 * A YAML configuration file read into a tree of {@link Value}s that remember their line, so that every
 * later check can say where the problem is: {@code rtmp4j.yaml:12: rtmp-port: expected an integer,
 * got "abc"}. YAML 1.2 core schema (SnakeYAML Engine's composer); anchors and aliases are refused, so a
 * small file cannot expand into a huge tree; duplicate keys are refused.
 */
public final class ConfigFile {

    /** Largest file read: a configuration, not a data set. */
    static final long MAX_BYTES = 1 << 20;

    private final Path path;
    private final Value root;

    private ConfigFile(Path path, Value root) {
        this.path = path;
        this.root = root;
    }

    /**
     * A value of the file with its position.
     *
     * @param raw  a String (scalar, as written, null for YAML null), a {@code List<Value>} or a
     *             {@code Map<String, Value>} in file order
     * @param line its 1-based line
     * @param key  the dotted path of keys leading to it ({@code apps.live.publish.keys}), empty for the root
     */
    public record Value(Object raw, int line, String key) {

        /**
         * Whether it is YAML null ({@code ~}, {@code null} or nothing).
         *
         * @return true for null
         */
        public boolean isNull() {
            return raw == null;
        }

        /**
         * The mapping it is.
         *
         * @return its entries in file order
         * @throws ConfigException if it is not a mapping
         */
        @SuppressWarnings("unchecked")
        public Map<String, Value> map() {
            if (raw instanceof Map<?, ?> m) {
                return (Map<String, Value>) m;
            }
            throw error("expected a mapping (key: value lines)");
        }

        /**
         * The sequence it is; a single scalar counts as a sequence of one.
         *
         * @return its items
         * @throws ConfigException if it is a mapping
         */
        @SuppressWarnings("unchecked")
        public List<Value> list() {
            if (raw instanceof List<?> l) {
                return (List<Value>) l;
            }
            if (raw instanceof Map<?, ?>) {
                throw error("expected a list");
            }
            return raw == null ? List.of() : List.of(this);
        }

        /**
         * The scalar it is, as written.
         *
         * @return the text
         * @throws ConfigException if it is a mapping or a list
         */
        public String text() {
            if (raw instanceof String s) {
                return s;
            }
            throw error(raw == null ? "a value is missing" : "expected a single value, not a "
                    + (raw instanceof Map ? "mapping" : "list"));
        }

        /**
         * An error about this value.
         *
         * @param message what is wrong
         * @return the exception to throw
         */
        public ConfigException error(String message) {
            return new ConfigException(null, line, key, message);
        }
    }

    /**
     * Reads and parses {@code path}.
     *
     * @param path the file
     * @return the parsed file
     * @throws ConfigException when the file cannot be read or is not valid YAML (with its line)
     */
    public static ConfigFile read(Path path) {
        String text;
        try {
            if (Files.size(path) > MAX_BYTES) {
                throw new ConfigException(path, 0, "", "larger than " + MAX_BYTES + " bytes");
            }
            text = Files.readString(path, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new ConfigException(path, 0, "", "cannot read: " + e);
        }
        return parse(path, text);
    }

    /**
     * Parses YAML text.
     *
     * @param path the file it came from (for messages)
     * @param text the YAML
     * @return the parsed file
     * @throws ConfigException when it is not valid YAML, with its line
     */
    public static ConfigFile parse(Path path, String text) {
        LoadSettings settings = LoadSettings.builder().setAllowDuplicateKeys(false).setMaxAliasesForCollections(0)
                .setLabel(path.toString()).build();
        try (Reader r = new java.io.StringReader(text)) {
            Composer composer = new Composer(settings, new ParserImpl(settings, new StreamReader(settings, r)));
            Optional<Node> node = composer.getSingleNode();
            Value root = node.isEmpty() ? new Value(new LinkedHashMap<String, Value>(), 1, "")
                    : convert(node.get(), "");
            if (!(root.raw() instanceof Map)) {
                throw new ConfigException(path, root.line(), "", "the file must be a mapping of keys to values");
            }
            return new ConfigFile(path, root);
        } catch (MarkedYamlEngineException e) {
            int line = e.getProblemMark().map(m -> m.getLine() + 1).orElse(0);
            throw new ConfigException(path, line, "", "not valid YAML: " + e.getProblem());
        } catch (YamlEngineException e) {
            throw new ConfigException(path, 0, "", "not valid YAML: " + e.getMessage());
        } catch (ConfigException e) {
            throw e.in(path);
        } catch (IOException e) {
            throw new ConfigException(path, 0, "", "cannot read: " + e);
        }
    }

    private static Value convert(Node node, String key) {
        int line = node.getStartMark().map(m -> m.getLine() + 1).orElse(0);
        if (node.getAnchor().isPresent()) {
            throw new ConfigException(null, line, key, "anchors and aliases (&name, *name) are not supported");
        }
        if (node instanceof ScalarNode s) {
            String v = s.getValue();
            boolean plainNull = s.isPlain() && (v.isEmpty() || v.equals("~") || v.equals("null") || v.equals("Null")
                    || v.equals("NULL"));
            return new Value(plainNull ? null : v, line, key);
        }
        if (node instanceof SequenceNode seq) {
            List<Value> items = new ArrayList<>();
            int i = 0;
            for (Node n : seq.getValue()) {
                items.add(convert(n, key + "[" + i++ + "]"));
            }
            return new Value(Collections.unmodifiableList(items), line, key);
        }
        MappingNode map = (MappingNode) node;
        Map<String, Value> entries = new LinkedHashMap<>();
        for (NodeTuple t : map.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                throw new ConfigException(null, t.getKeyNode().getStartMark().map(m -> m.getLine() + 1).orElse(line),
                        key, "a key must be a plain name");
            }
            String name = k.getValue();
            if (entries.containsKey(name)) {
                throw new ConfigException(null, k.getStartMark().map(m -> m.getLine() + 1).orElse(line),
                        key.isEmpty() ? name : key + "." + name, "given twice");
            }
            entries.put(name, convert(t.getValueNode(), key.isEmpty() ? name : key + "." + name));
        }
        return new Value(Collections.unmodifiableMap(entries), line, key);
    }

    /**
     * The file's path.
     *
     * @return where it was read from
     */
    public Path path() {
        return path;
    }

    /**
     * The top-level mapping.
     *
     * @return the root value (a mapping)
     */
    public Value root() {
        return root;
    }
}
