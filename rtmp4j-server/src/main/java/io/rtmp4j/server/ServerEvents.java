package io.rtmp4j.server;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Consumer;

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
     * One listener that passes every event to each of {@code listeners}, in the order given, so that a
     * server (which has one {@link LiveServer.Builder#events events} listener) can feed metrics, hooks and
     * an application at once: {@code .events(ServerEvents.all(metrics, hooks))}. A listener that throws
     * does not keep the event from the ones after it; the first exception is rethrown once all have been
     * called (with the later ones attached as suppressed), and the server logs it.
     *
     * @param listeners the receivers, none null
     * @return a listener calling each of them
     * @throws NullPointerException if {@code listeners} or one of them is null
     */
    static ServerEvents all(ServerEvents... listeners) {
        List<ServerEvents> each = List.of(listeners); // copies; throws on a null element
        return new ServerEvents() {
            private void forEach(Consumer<ServerEvents> event) {
                RuntimeException failure = null;
                for (ServerEvents l : each) {
                    try {
                        event.accept(l);
                    } catch (RuntimeException e) {
                        if (failure == null) {
                            failure = e;
                        } else {
                            failure.addSuppressed(e);
                        }
                    }
                }
                if (failure != null) {
                    throw failure;
                }
            }

            @Override
            public void onConnect(ClientInfo client) {
                forEach(l -> l.onConnect(client));
            }

            @Override
            public void onConnected(ClientInfo client) {
                forEach(l -> l.onConnected(client));
            }

            @Override
            public void onDisconnect(ClientInfo client, String reason) {
                forEach(l -> l.onDisconnect(client, reason));
            }

            @Override
            public void onPublishStart(StreamRequestInfo publish) {
                forEach(l -> l.onPublishStart(publish));
            }

            @Override
            public void onPublishStop(StreamRequestInfo publish) {
                forEach(l -> l.onPublishStop(publish));
            }

            @Override
            public void onPlayStart(StreamRequestInfo play) {
                forEach(l -> l.onPlayStart(play));
            }

            @Override
            public void onPlayStop(StreamRequestInfo play) {
                forEach(l -> l.onPlayStop(play));
            }

            @Override
            public void onRecordDone(StreamRequestInfo publish, Path file, Duration duration) {
                forEach(l -> l.onRecordDone(publish, file, duration));
            }

            @Override
            public String toString() {
                return "ServerEvents.all" + each;
            }
        };
    }

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
