package io.rtmp4j.server.auth;

/**
 * The events an HTTP hook can be configured for, named as nginx-rtmp names its {@code on_*} directives.
 * The first three are asked before the request is answered ({@link HttpHooks} as an
 * {@link io.rtmp4j.server.AccessControl}); the others are notifications sent after the fact
 * ({@link HttpHooks} as {@link io.rtmp4j.server.ServerEvents}), whose answers change nothing.
 */
public enum HookEvent {
    /** A {@code connect}: allow or deny the connection. */
    CONNECT("connect"),
    /** A {@code publish}: allow, deny or rename. */
    PUBLISH("publish"),
    /** A {@code play}: allow, deny or rename. */
    PLAY("play"),
    /** A publication ended. */
    PUBLISH_DONE("publish_done"),
    /** A playback ended. */
    PLAY_DONE("play_done"),
    /** A recording was closed. */
    RECORD_DONE("record_done");

    private final String call;

    HookEvent(String call) {
        this.call = call;
    }

    /**
     * The event's name in a hook body: the {@code call} field of the nginx-rtmp form, the {@code event}
     * field of the JSON body.
     *
     * @return {@code connect}, {@code publish}, {@code play}, {@code publish_done}, {@code play_done} or
     *         {@code record_done}
     */
    public String call() {
        return call;
    }

    /**
     * The configuration name of the hook, as nginx-rtmp's directive.
     *
     * @return {@code on_connect}, {@code on_publish}, ...
     */
    public String configName() {
        return "on_" + call;
    }

    /**
     * Whether the answer decides the request (connect, publish, play) rather than being ignored.
     *
     * @return true for {@link #CONNECT}, {@link #PUBLISH} and {@link #PLAY}
     */
    public boolean decides() {
        return this == CONNECT || this == PUBLISH || this == PLAY;
    }

    /**
     * The event of a configuration name.
     *
     * @param configName {@code on_publish} and the like
     * @return the event
     * @throws IllegalArgumentException if no event has that name
     */
    public static HookEvent ofConfigName(String configName) {
        for (HookEvent e : values()) {
            if (e.configName().equals(configName)) {
                return e;
            }
        }
        throw new IllegalArgumentException("no hook named \"" + configName + "\" (the hooks are on_connect,"
                + " on_publish, on_play, on_publish_done, on_play_done, on_record_done)");
    }
}
