package io.rtmp4j.server;

import io.rtmp4j.session.StreamName;
import java.util.Map;

/**
 * A publish or play of a {@link LiveServer}, as an {@link AccessControl} sees it before it is answered and
 * as {@link ServerEvents} report it: who, which application and stream, and the query string that came
 * with the stream name ({@code rtmp://host/live/cam?key=s3cret} publishes {@code cam} in {@code live} with
 * the query {@code key=s3cret}; ffmpeg and OBS put it in the publish / play name, rtmp-1.0.txt §7.2.2.6).
 *
 * @param client the connection
 * @param app    the application
 * @param stream the stream name without the query string
 * @param query  the raw query string without the {@code ?}, empty if none
 * @param params the query string's parameters, percent-decoded, in order (the first of a repeated name)
 */
public record StreamRequestInfo(ClientInfo client, String app, String stream, String query,
                                Map<String, String> params) {

    /** Splits {@code nameWithQuery} ({@code cam?key=k1&x=2}) into name, query and parameters. */
    static StreamRequestInfo of(ClientInfo client, String app, String nameWithQuery) {
        StreamName n = StreamName.parse(nameWithQuery);
        return new StreamRequestInfo(client, app, n.name(), n.query(), n.params());
    }

    /** The same request under another stream name (a {@link Decision.Rename}). */
    StreamRequestInfo renamed(String newName) {
        return new StreamRequestInfo(client, app, newName, query, params);
    }
}
