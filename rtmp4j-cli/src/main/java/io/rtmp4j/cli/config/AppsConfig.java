package io.rtmp4j.cli.config;

import io.rtmp4j.server.auth.AccessRules;
import io.rtmp4j.server.auth.AppHooks;
import io.rtmp4j.server.auth.AppRules;
import io.rtmp4j.server.auth.Cidr;
import io.rtmp4j.server.auth.HookEvent;
import io.rtmp4j.server.auth.HookFormat;
import io.rtmp4j.server.auth.IpRules;
import io.rtmp4j.server.auth.StreamRule;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The {@code apps} section of the configuration file: per application (its name, or {@code "*"} for
 * every application not named), who may publish and play and which HTTP hooks to call.
 *
 * <pre>{@code
 * apps:
 *   "*":
 *     publish:
 *       keys: [k1, k2]            # a stream key in ?key=...; or: signed: SECRET; nothing: open
 *       allow: [10.0.0.0/8]       # CIDR ranges that may (none: every address)
 *       deny: [10.9.0.0/16]       # CIDR ranges that may not (deny wins)
 *     play:
 *       signed: s3cret            # ?expires=UNIX&sign=HEX, made by 'rtmp4j sign'
 *     hooks:
 *       on_publish: http://auth.local/publish
 *       on_publish_done: http://auth.local/done
 *       format: nginx             # json (default) or nginx (nginx-rtmp's form body)
 *       timeout: 3                # seconds
 *       fail-open: false          # allow when the hook does not answer
 * }</pre>
 *
 * @param rules the built-in rules of every application named (an application not named, and no
 *              {@code "*"}, is open)
 * @param hooks the hooks of every application that has some
 */
public record AppsConfig(Map<String, AppRules> rules, Map<String, AppHooks> hooks) {

    /** No section: everything open, no hooks. */
    public static final AppsConfig NONE = new AppsConfig(Map.of(), Map.of());

    private static final Set<String> APP_KEYS = Set.of("publish", "play", "hooks");
    private static final Set<String> RULE_KEYS = Set.of("keys", "signed", "allow", "deny");
    private static final Set<String> HOOK_SETTINGS = Set.of("format", "timeout", "fail-open");

    /**
     * Reads the section.
     *
     * @param section the value of {@code apps}
     * @return the applications' rules and hooks
     * @throws ConfigException for the first problem, with its line and key
     */
    public static AppsConfig read(ConfigFile.Value section) {
        Map<String, AppRules> rules = new LinkedHashMap<>();
        Map<String, AppHooks> hooks = new LinkedHashMap<>();
        for (Map.Entry<String, ConfigFile.Value> app : section.map().entrySet()) {
            ConfigFile.Value v = app.getValue();
            Map<String, ConfigFile.Value> m = v.isNull() ? Map.of() : v.map();
            known(m, APP_KEYS);
            AppRules r = AppRules.OPEN;
            if (m.containsKey("publish")) {
                ConfigFile.Value p = m.get("publish");
                r = r.withPublish(streamRule(p)).withPublishIps(ips(p));
            }
            if (m.containsKey("play")) {
                ConfigFile.Value p = m.get("play");
                r = r.withPlay(streamRule(p)).withPlayIps(ips(p));
            }
            rules.put(app.getKey(), r);
            if (m.containsKey("hooks")) {
                hooks.put(app.getKey(), hooks(m.get("hooks")));
            }
        }
        return new AppsConfig(Map.copyOf(rules), Map.copyOf(hooks));
    }

    /**
     * The built-in rules as the server's access control.
     *
     * @return the rules of every application
     */
    public AccessRules accessRules() {
        return new AccessRules(rules);
    }

    private static void known(Map<String, ConfigFile.Value> m, Set<String> keys) {
        for (Map.Entry<String, ConfigFile.Value> e : m.entrySet()) {
            if (!keys.contains(e.getKey())) {
                throw e.getValue().error("unknown key; the keys here are " + String.join(", ", keys.stream().sorted()
                        .toList()));
            }
        }
    }

    private static Map<String, ConfigFile.Value> mapOrEmpty(ConfigFile.Value v) {
        return v.isNull() ? Map.of() : v.map();
    }

    private static StreamRule streamRule(ConfigFile.Value section) {
        Map<String, ConfigFile.Value> m = mapOrEmpty(section);
        known(m, RULE_KEYS);
        ConfigFile.Value keys = m.get("keys");
        ConfigFile.Value signed = m.get("signed");
        if (keys != null && signed != null) {
            throw signed.error("give either keys or signed, not both");
        }
        try {
            if (keys != null) {
                List<String> list = new ArrayList<>();
                for (ConfigFile.Value k : keys.list()) {
                    list.add(k.text());
                }
                if (list.isEmpty()) {
                    throw keys.error("an empty list of keys would let no one in; leave the key out for open");
                }
                return StreamRule.keys(list);
            }
            if (signed != null) {
                return StreamRule.signed(signed.text());
            }
        } catch (IllegalArgumentException e) {
            throw (keys != null ? keys : signed).error(e.getMessage());
        }
        return StreamRule.open();
    }

    private static IpRules ips(ConfigFile.Value section) {
        Map<String, ConfigFile.Value> m = mapOrEmpty(section);
        return new IpRules(ranges(m.get("allow")), ranges(m.get("deny")));
    }

    /** The CIDR ranges of a list; a bad one is refused at the list's key and line. */
    private static List<Cidr> ranges(ConfigFile.Value list) {
        List<Cidr> out = new ArrayList<>();
        if (list != null) {
            for (ConfigFile.Value item : list.list()) {
                try {
                    out.add(Cidr.parse(item.text()));
                } catch (IllegalArgumentException e) {
                    throw list.error(e.getMessage());
                }
            }
        }
        return out;
    }

    private static AppHooks hooks(ConfigFile.Value section) {
        Map<String, ConfigFile.Value> m = section.map();
        Map<HookEvent, URI> urls = new LinkedHashMap<>();
        HookFormat format = HookFormat.JSON;
        Duration timeout = AppHooks.DEFAULT_TIMEOUT;
        boolean failOpen = false;
        for (Map.Entry<String, ConfigFile.Value> e : m.entrySet()) {
            ConfigFile.Value v = e.getValue();
            switch (e.getKey()) {
                case "format" -> format = switch (v.text()) {
                    case "json" -> HookFormat.JSON;
                    case "nginx" -> HookFormat.NGINX_FORM;
                    default -> throw v.error("expected json or nginx, got \"" + v.text() + "\"");
                };
                case "timeout" -> {
                    try {
                        double s = Double.parseDouble(v.text());
                        if (!(s > 0 && s <= 600)) {
                            throw v.error("out of range: more than 0 and at most 600 seconds");
                        }
                        timeout = Duration.ofMillis(Math.round(s * 1000));
                    } catch (NumberFormatException ex) {
                        throw v.error("expected a number of seconds, got \"" + v.text() + "\"");
                    }
                }
                case "fail-open" -> {
                    if (!v.text().equals("true") && !v.text().equals("false")) {
                        throw v.error("expected true or false, got \"" + v.text() + "\"");
                    }
                    failOpen = Boolean.parseBoolean(v.text());
                }
                default -> {
                    HookEvent event;
                    try {
                        event = HookEvent.ofConfigName(e.getKey());
                    } catch (IllegalArgumentException ex) {
                        throw v.error(ex.getMessage() + " and the settings " + String.join(", ", HOOK_SETTINGS
                                .stream().sorted().toList()));
                    }
                    try {
                        URI uri = new URI(v.text());
                        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
                            throw v.error("expected an http:// or https:// URL, got \"" + v.text() + "\"");
                        }
                        urls.put(event, uri);
                    } catch (java.net.URISyntaxException ex) {
                        throw v.error("not a URL: " + ex.getMessage());
                    }
                }
            }
        }
        try {
            return new AppHooks(Map.copyOf(urls), format, timeout, failOpen);
        } catch (IllegalArgumentException e) {
            throw section.error(e.getMessage());
        }
    }
}
