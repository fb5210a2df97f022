package io.rtmp4j.netty.client;

import java.io.IOException;
import java.util.Objects;
import java.util.Optional;

/**
 * Why an {@link RtmpClient} operation failed, with a message meant for a person: the address that
 * refused the connection, or the status code and description the server answered with
 * ({@code NetStream.Publish.BadName}, {@code NetStream.Play.StreamNotFound}, ...).
 *
 * <p>Futures of the client complete exceptionally with this exception (wrapped in a
 * {@link java.util.concurrent.CompletionException} / {@link java.util.concurrent.ExecutionException} by
 * {@code join()} / {@code get()}; {@link #unwrap(Throwable)} finds it).
 */
public final class RtmpClientException extends IOException {

    private static final long serialVersionUID = 1L;

    /** What went wrong. */
    public enum Kind {
        /** The TCP connection could not be made (refused, unreachable, connect timeout). */
        CONNECTION_FAILED,
        /** The server refused {@code connect} ({@code _error}, e.g. NetConnection.Connect.Rejected). */
        CONNECT_REJECTED,
        /** The server refused {@code publish} (e.g. NetStream.Publish.BadName) or {@code createStream}. */
        PUBLISH_REJECTED,
        /** The server answered {@code play} with NetStream.Play.StreamNotFound. */
        STREAM_NOT_FOUND,
        /** The server refused {@code play} with another error status. */
        PLAY_REJECTED,
        /** The server did not answer in time (handshake, connect, publish or play). */
        TIMEOUT,
        /** The server sent bytes that break the protocol; the connection was dropped. */
        PROTOCOL_ERROR,
        /** The connection closed before the operation completed. */
        CLOSED
    }

    /** @serial what went wrong; see {@link #kind()} */
    private final Kind kind;
    /** @serial the server's status code, or null; see {@link #statusCode()} */
    private final String statusCode;

    /**
     * An exception of this kind without a status code.
     *
     * @param kind what went wrong
     * @param message a sentence for a person
     */
    public RtmpClientException(Kind kind, String message) {
        this(kind, null, message, null);
    }

    /**
     * @param kind       what went wrong
     * @param statusCode the server's status code, or null
     * @param message    a sentence for a person
     * @param cause      the underlying exception, or null
     */
    public RtmpClientException(Kind kind, String statusCode, String message, Throwable cause) {
        super(message, cause);
        this.kind = Objects.requireNonNull(kind, "kind");
        this.statusCode = statusCode;
    }

    /**
     * What went wrong.
     *
     * @return the kind of failure
     */
    public Kind kind() {
        return kind;
    }

    /**
     * The status code the server answered with, if the failure came from a status.
     *
     * @return the status code, or empty
     */
    public Optional<String> statusCode() {
        return Optional.ofNullable(statusCode);
    }

    /**
     * The {@link RtmpClientException} inside {@code t} (itself, or a cause of a
     * {@code CompletionException} / {@code ExecutionException}), or an exception of kind {@link Kind#CLOSED}
     * describing {@code t}.
     *
     * @param t a failure, possibly wrapped by a future
     * @return the client exception it holds or describes
     */
    public static RtmpClientException unwrap(Throwable t) {
        for (Throwable c = t; c != null; c = c.getCause()) {
            if (c instanceof RtmpClientException e) {
                return e;
            }
        }
        return new RtmpClientException(Kind.CLOSED, null, String.valueOf(t), t);
    }
}
