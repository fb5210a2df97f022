package io.rtmp4j.server.auth;

/** How an HTTP hook's body is written. */
public enum HookFormat {
    /**
     * A JSON object ({@code application/json}, RFC 8259): {@code event}, {@code clientId}, {@code address}
     * (address and port), {@code ip}, {@code app}, {@code tcUrl}, {@code flashVer}; for a stream event also
     * {@code stream}, {@code query} (raw, without the {@code ?}) and {@code params} (an object of the
     * decoded query parameters); for {@code record_done} also {@code path} and {@code durationMs}.
     */
    JSON,
    /**
     * The body nginx-rtmp's {@code on_*} directives send ({@code application/x-www-form-urlencoded}), so an
     * existing nginx-rtmp backend works unchanged: {@code app, flashver, swfurl, tcurl, pageurl, addr}
     * (address only), {@code clientid} ({@code epoch} instead for connect), {@code call}, then per event
     * {@code name} and {@code type=live} (publish), {@code start, duration, reset} (play, always 0: the
     * server does not report them yet), {@code recorder, path} (record_done), then the stream URL's query
     * parameters as extra fields. A query parameter named like one of these fields is left out, so a client
     * cannot overwrite {@code name} or {@code addr} through its URL.
     */
    NGINX_FORM
}
