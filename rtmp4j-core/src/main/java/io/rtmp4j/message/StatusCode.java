package io.rtmp4j.message;

import java.util.Optional;

/**
 * The NetConnection / NetStream status codes rtmp4j sends and recognises, each with its level, in one
 * place (docs/ARCHITECTURE.md "Conventions"). They travel in the info object of an {@code onStatus} command or a
 * {@code connect} {@code _result} / {@code _error} (rtmp-1.0.txt §7.2.1.1, §7.2.2: "level", "code",
 * "description").
 *
 * <p>Example: {@code Commands.onStatus(streamId, StatusCode.PUBLISH_START, "live/cam1 is now published")}.
 */
public enum StatusCode {
    /** connect accepted (rtmp-1.0.txt §7.2.1.1). */
    CONNECT_SUCCESS("NetConnection.Connect.Success", Level.STATUS, "Connection succeeded."),
    /** connect refused by the application. */
    CONNECT_REJECTED("NetConnection.Connect.Rejected", Level.ERROR, "Connection rejected."),
    /**
     * the server asks the client to reconnect, optionally to another tcUrl (enhanced-rtmp-v2.md
     * "Reconnect Request"); sent as onStatus on stream 0.
     */
    CONNECT_RECONNECT_REQUEST("NetConnection.Connect.ReconnectRequest", Level.STATUS, "Please reconnect."),
    /** connect failed. */
    CONNECT_FAILED("NetConnection.Connect.Failed", Level.ERROR, "Connection failed."),
    /** connect named an application that does not exist. */
    CONNECT_INVALID_APP("NetConnection.Connect.InvalidApp", Level.ERROR, "Invalid application."),
    /** the connection was closed. */
    CONNECT_CLOSED("NetConnection.Connect.Closed", Level.STATUS, "Connection closed."),
    /** a NetConnection call failed. */
    CALL_FAILED("NetConnection.Call.Failed", Level.ERROR, "Call failed."),

    /** publish accepted (rtmp-1.0.txt §7.2.2.6). */
    PUBLISH_START("NetStream.Publish.Start", Level.STATUS, "Publishing started."),
    /** publish refused: the name is in use or invalid. OBS handles it (docs/INTEROP.md "Commands"). */
    PUBLISH_BAD_NAME("NetStream.Publish.BadName", Level.ERROR, "Stream name is already in use."),
    /** publish refused by policy. */
    PUBLISH_DENIED("NetStream.Publish.Denied", Level.ERROR, "Publishing denied."),
    /** publish refused because the client is not allowed to publish the name (a key or signature check). */
    PUBLISH_UNAUTHORIZED("NetStream.Publish.Unauthorized", Level.ERROR, "Not authorized to publish."),
    /** the publisher went idle. */
    PUBLISH_IDLE("NetStream.Publish.Idle", Level.STATUS, "Stream is idle."),
    /** unpublish (FCUnpublish / deleteStream / closeStream) done. */
    UNPUBLISH_SUCCESS("NetStream.Unpublish.Success", Level.STATUS, "Stream unpublished."),

    /** play with reset: the playlist was reset (rtmp-1.0.txt §7.2.2.1). Sent before Play.Start. */
    PLAY_RESET("NetStream.Play.Reset", Level.STATUS, "Playing and resetting."),
    /** play started (rtmp-1.0.txt §7.2.2.1). */
    PLAY_START("NetStream.Play.Start", Level.STATUS, "Started playing."),
    /** play stopped. */
    PLAY_STOP("NetStream.Play.Stop", Level.STATUS, "Stopped playing."),
    /** play failed. */
    PLAY_FAILED("NetStream.Play.Failed", Level.ERROR, "Play failed."),
    /** play named a stream that does not exist (rtmp-1.0.txt §7.2.2.1). */
    PLAY_STREAM_NOT_FOUND("NetStream.Play.StreamNotFound", Level.ERROR, "Stream not found."),
    /** the stream being played was (re)published. */
    PLAY_PUBLISH_NOTIFY("NetStream.Play.PublishNotify", Level.STATUS, "Stream is now published."),
    /** the stream being played was unpublished. */
    PLAY_UNPUBLISH_NOTIFY("NetStream.Play.UnpublishNotify", Level.STATUS, "Stream is now unpublished."),
    /** playback of a recorded stream completed. */
    PLAY_COMPLETE("NetStream.Play.Complete", Level.STATUS, "Playback complete."),
    /** data (metadata) starts; sent after Play.Start (docs/INTEROP.md "Commands"). */
    DATA_START("NetStream.Data.Start", Level.STATUS, "Data started."),
    /** seek done (rtmp-1.0.txt §7.2.2.7). */
    SEEK_NOTIFY("NetStream.Seek.Notify", Level.STATUS, "Seeking."),
    /** seek failed. */
    SEEK_FAILED("NetStream.Seek.Failed", Level.ERROR, "Seek failed."),
    /** pause done (rtmp-1.0.txt §7.2.2.8). */
    PAUSE_NOTIFY("NetStream.Pause.Notify", Level.STATUS, "Paused."),
    /** unpause done (rtmp-1.0.txt §7.2.2.8). */
    UNPAUSE_NOTIFY("NetStream.Unpause.Notify", Level.STATUS, "Unpaused."),
    /** recording started. */
    RECORD_START("NetStream.Record.Start", Level.STATUS, "Recording started."),
    /** recording stopped. */
    RECORD_STOP("NetStream.Record.Stop", Level.STATUS, "Recording stopped."),
    /** a NetStream operation failed for another reason. */
    STREAM_FAILED("NetStream.Failed", Level.ERROR, "Stream operation failed.");

    /** The "level" property of an info object (rtmp-1.0.txt §7.2.2: "warning", "status" or "error"). */
    public enum Level {
        /** "status" */
        STATUS("status"),
        /** "warning" */
        WARNING("warning"),
        /** "error" */
        ERROR("error");

        private final String wireName;

        Level(String wireName) {
            this.wireName = wireName;
        }

        /**
         * The string written in the info object.
         *
         * @return the wire name
         */
        public String wireName() {
            return wireName;
        }

        /**
         * The level with this wire name, or empty.
         *
         * @param name a level string
         * @return the level, or empty
         */
        public static Optional<Level> byWireName(String name) {
            for (Level l : values()) {
                if (l.wireName.equals(name)) {
                    return Optional.of(l);
                }
            }
            return Optional.empty();
        }
    }

    private final String code;
    private final Level level;
    private final String defaultDescription;

    StatusCode(String code, Level level, String defaultDescription) {
        this.code = code;
        this.level = level;
        this.defaultDescription = defaultDescription;
    }

    /**
     * The "code" string, e.g. {@code NetStream.Publish.Start}.
     *
     * @return the code string
     */
    public String code() {
        return code;
    }

    /**
     * The level this code is sent with.
     *
     * @return the level
     */
    public Level level() {
        return level;
    }

    /**
     * A short human-readable description used when the caller gives none.
     *
     * @return the description
     */
    public String defaultDescription() {
        return defaultDescription;
    }

    /**
     * The status code with this "code" string, or empty.
     *
     * @param code a code string
     * @return the status code, or empty
     */
    public static Optional<StatusCode> byCode(String code) {
        for (StatusCode c : values()) {
            if (c.code.equals(code)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }
}
