package io.rtmp4j.session;

import java.util.Optional;

/**
 * An Enhanced RTMP Reconnect Request received by a client (enhanced-rtmp-v2.md "Reconnect Request"):
 * {@code onStatus} with code {@code NetConnection.Connect.ReconnectRequest}. The session is not torn
 * down: the application keeps streaming to the current server up to a convenient point (a keyframe),
 * connects to {@link #tcUrl()}, then closes this session.
 *
 * @param tcUrl          where to reconnect: the request's tcUrl resolved against the current one
 *                       ({@link RtmpUrl#resolveTcUrl}), or the current tcUrl when it carries none
 * @param requestedTcUrl the tcUrl exactly as the server sent it, if it sent one
 * @param description    the description, if any
 * @param status         the whole status event
 */
public record ReconnectRequest(String tcUrl, Optional<String> requestedTcUrl, Optional<String> description,
                               StatusEvent status) {
}
