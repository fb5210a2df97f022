package io.rtmp4j.cli.config;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * Renders the example configuration ({@code rtmp4j config example}, committed as
 * {@code rtmp4j.example.yaml}) from the {@code serve} command itself: every option with its description
 * as a comment and its default as the value, so the example cannot drift from the options; then the
 * sections, from {@link #SECTIONS_EXAMPLE}.
 */
final class ConfigExample {

    /** Width of the comment lines. */
    private static final int WIDTH = 100;

    /** The sections' part of the example (commented out: the defaults are "no such section"). */
    static final List<String> SECTIONS_EXAMPLE = List.of(
            "",
            "# Per application (its name, or \"*\" for every application not named): who may publish and play,",
            "# and HTTP hooks. Without this section everyone may. SIGHUP or POST /api/v1/reload reads it again",
            "# (a bad file is refused and the rules in force stay). An example:",
            "#",
            "# apps:",
            "#   \"*\":",
            "#     publish:",
            "#       keys: [k1, k2]              # rtmp://host/live/cam?key=k1; or signed: SECRET; nothing: open",
            "#       allow: [10.0.0.0/8]         # CIDR ranges that may (none: every address)",
            "#       deny: [10.9.0.0/16]         # CIDR ranges that may not (deny wins)",
            "#     play:",
            "#       signed: s3cret              # ?expires=UNIX&sign=HEX, made by 'rtmp4j sign URL --secret s3cret'",
            "#   live:",
            "#     hooks:",
            "#       on_publish: http://127.0.0.1:8000/on_publish   # 2xx allows, 3xx Location renames, else denies",
            "#       on_play: http://127.0.0.1:8000/on_play",
            "#       on_publish_done: http://127.0.0.1:8000/done     # also on_connect, on_play_done, on_record_done",
            "#       format: nginx               # json (default) or nginx-rtmp's form body",
            "#       timeout: 3                  # seconds",
            "#       fail-open: false            # allow when the hook does not answer");

    private ConfigExample() {
    }

    static List<String> lines(CommandSpec serve) {
        List<String> out = new ArrayList<>();
        out.add("# rtmp4j serve --config rtmp4j.yaml");
        out.add("#");
        out.add("# Every option of 'rtmp4j serve' is a key here, set below to its default; an option given on the");
        out.add("# command line overrides the file. 'rtmp4j config check FILE' checks a file without starting.");
        for (OptionSpec o : serve.options()) {
            String key = o.longestName().replaceFirst("^--", "");
            if (key.equals("config") || o.usageHelp() || o.versionHelp()) {
                continue;
            }
            out.add("");
            // the value below is the default, so the description's "(default: X)" is left out
            String description = String.join(" ", o.description()).replaceAll("\\s*\\(default: [^)]*\\)", "")
                    .replaceAll("\\s+", " ").trim();
            comment(out, description);
            String value = o.defaultValue();
            if (value == null) {
                value = o.type() == boolean.class ? "false" : "~";
            }
            out.add(key + ": " + value);
        }
        out.addAll(SECTIONS_EXAMPLE);
        return out;
    }

    private static void comment(List<String> out, String text) {
        StringBuilder line = new StringBuilder("#");
        for (String word : text.split(" ")) {
            if (line.length() + 1 + word.length() > WIDTH && line.length() > 1) {
                out.add(line.toString());
                line = new StringBuilder("#");
            }
            line.append(' ').append(word);
        }
        out.add(line.toString());
    }
}
