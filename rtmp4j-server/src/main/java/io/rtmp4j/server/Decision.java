package io.rtmp4j.server;

import io.rtmp4j.message.StatusCode;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * What an {@link AccessControl} decides about a connect, a publish or a play: allow it, deny it with a
 * status, or allow it under another stream name (as nginx-rtmp does for a hook's redirect). Nothing of
 * the request flows before the decision: a publisher gets no {@code NetStream.Publish.Start} and none of
 * its media reaches players, a player gets no media.
 */
public sealed interface Decision {

    /**
     * Allow as asked.
     *
     * @return the allow decision
     */
    static Decision allow() {
        return Allow.INSTANCE;
    }

    /**
     * Deny with the default status: {@code NetConnection.Connect.Rejected} for a connect,
     * {@code NetStream.Publish.Unauthorized} for a publish, {@code NetStream.Play.Failed} for a play.
     *
     * @param reason the status description sent to the client and logged
     * @return the deny decision
     */
    static Decision deny(String reason) {
        return new Deny(null, reason);
    }

    /**
     * Deny with this status.
     *
     * @param status an error-level status, e.g. {@link StatusCode#PUBLISH_BAD_NAME}
     * @param reason the status description sent to the client and logged
     * @return the deny decision
     */
    static Decision deny(StatusCode status, String reason) {
        return new Deny(Objects.requireNonNull(status, "status"), reason);
    }

    /**
     * Allow a publish or a play under {@code streamName} instead of the name asked for (a connect cannot be
     * renamed: it is allowed as asked). The name is checked like a requested one.
     *
     * @param streamName the name to use, without a query string
     * @return the rename decision
     */
    static Decision rename(String streamName) {
        return new Rename(streamName);
    }

    /**
     * {@link #allow()} as a completed stage, for an {@link AccessControl} that decides at once.
     *
     * @return a completed stage of {@link #allow()}
     */
    static CompletionStage<Decision> allowed() {
        return CompletableFuture.completedFuture(allow());
    }

    /** Allow as asked. */
    final class Allow implements Decision {
        static final Allow INSTANCE = new Allow();

        private Allow() {
        }

        @Override
        public String toString() {
            return "allow";
        }
    }

    /**
     * Deny.
     *
     * @param status the status sent, or null for the default of the request
     * @param reason the description sent with it and logged
     */
    record Deny(StatusCode status, String reason) implements Decision {
        /**
         * A deny decision.
         *
         * @param status the status sent, or null for the default of the request
         * @param reason the description sent with it and logged
         */
        public Deny {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Allow under another stream name.
     *
     * @param streamName the name to publish or play instead (without a query string)
     */
    record Rename(String streamName) implements Decision {
        /**
         * A rename decision.
         *
         * @param streamName the name to publish or play instead
         */
        public Rename {
            Objects.requireNonNull(streamName, "streamName");
        }
    }
}
