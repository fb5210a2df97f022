package io.rtmp4j.server;

import java.nio.file.Path;
import java.time.Duration;

/**
 * What happens on a {@link LiveServer}: every start and stop of a connection, a publication, a playback
 * and a recording. Each default does nothing.
 *
 * <p>Threading: called on the event loop of the connection concerned (a recording's end on the thread
 * that ended the publication), in the order things happen for that connection; it <b>must not block</b>: hand slow work
 * (an HTTP notification, a database write) to an executor of your own. An exception thrown here is logged
 * and changes nothing for the stream.
 */
public interface ServerEvents {

    /**
     * A connection was accepted (its connect comes next; {@link ClientInfo#app()} is still empty).
     *
     * @param client the connection
     */
    default void onConnect(ClientInfo client) {
    }

    /**
     * A connection's {@code connect} was allowed.
     *
     * @param client the connection, with what its connect said
     */
    default void onConnected(ClientInfo client) {
    }

    /**
     * A connection closed.
     *
     * @param client the connection
     * @param reason why it closed
     */
    default void onDisconnect(ClientInfo client, String reason) {
    }

    /**
     * A publication started: the publisher got {@code NetStream.Publish.Start}.
     *
     * @param publish who publishes what (the name after any rename)
     */
    default void onPublishStart(StreamRequestInfo publish) {
    }

    /**
     * A publication ended (unpublish, disconnect, or dropped by the server).
     *
     * @param publish who published what
     */
    default void onPublishStop(StreamRequestInfo publish) {
    }

    /**
     * A playback started: the player got {@code NetStream.Play.Start}.
     *
     * @param play who plays what (the name after any rename)
     */
    default void onPlayStart(StreamRequestInfo play) {
    }

    /**
     * A playback ended.
     *
     * @param play who played what
     */
    default void onPlayStop(StreamRequestInfo play) {
    }

    /**
     * A recording was closed: {@code file} holds {@code duration} of the publication (its first to its last
     * media timestamp), on the thread that ended the publication.
     *
     * @param publish  who published what
     * @param file     the FLV file
     * @param duration from the first to the last media timestamp
     */
    default void onRecordDone(StreamRequestInfo publish, Path file, Duration duration) {
    }
}
