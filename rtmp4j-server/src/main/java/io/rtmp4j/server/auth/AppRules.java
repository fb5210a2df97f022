package io.rtmp4j.server.auth;

import java.util.Objects;

/**
 * The built-in rules of one application: what a publish and a play must carry ({@link StreamRule}), and
 * which addresses may publish and play ({@link IpRules}).
 *
 * @param publish    the condition on a publish's query string
 * @param play       the condition on a play's query string
 * @param publishIps the addresses that may publish
 * @param playIps    the addresses that may play
 */
public record AppRules(StreamRule publish, StreamRule play, IpRules publishIps, IpRules playIps) {

    /** Everyone may publish and play, from anywhere. */
    public static final AppRules OPEN = new AppRules(StreamRule.open(), StreamRule.open(), IpRules.ANY, IpRules.ANY);

    /**
     * The rules of an application.
     *
     * @param publish    the condition on a publish's query string
     * @param play       the condition on a play's query string
     * @param publishIps the addresses that may publish
     * @param playIps    the addresses that may play
     */
    public AppRules {
        Objects.requireNonNull(publish, "publish");
        Objects.requireNonNull(play, "play");
        Objects.requireNonNull(publishIps, "publishIps");
        Objects.requireNonNull(playIps, "playIps");
    }

    /**
     * These rules with another publish condition.
     *
     * @param rule the condition on a publish's query string
     * @return the new rules
     */
    public AppRules withPublish(StreamRule rule) {
        return new AppRules(rule, play, publishIps, playIps);
    }

    /**
     * These rules with another play condition.
     *
     * @param rule the condition on a play's query string
     * @return the new rules
     */
    public AppRules withPlay(StreamRule rule) {
        return new AppRules(publish, rule, publishIps, playIps);
    }

    /**
     * These rules with other publish addresses.
     *
     * @param ips the addresses that may publish
     * @return the new rules
     */
    public AppRules withPublishIps(IpRules ips) {
        return new AppRules(publish, play, ips, playIps);
    }

    /**
     * These rules with other play addresses.
     *
     * @param ips the addresses that may play
     * @return the new rules
     */
    public AppRules withPlayIps(IpRules ips) {
        return new AppRules(publish, play, publishIps, ips);
    }
}
