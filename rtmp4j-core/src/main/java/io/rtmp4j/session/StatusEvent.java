package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.message.StatusCode;
import java.util.Optional;

/**
 * An {@code onStatus} received by a client (rtmp-1.0.txt §7.2.2; enhanced-rtmp-v2.md "Detailed Overview
 * of the onStatus Command for NetConnection"): as a command, or as a data message named
 * {@code onStatus} (how SRS and FMS send NetStream.Data.Start).
 *
 * @param streamId    message stream it arrived on (0 for NetConnection status)
 * @param level       "status", "warning" or "error" ("" when absent)
 * @param code        e.g. {@code NetStream.Publish.Start} ("" when absent)
 * @param description human-readable text ("" when absent)
 * @param info        the whole info object
 */
public record StatusEvent(int streamId, String level, String code, String description, Amf0Properties info) {

    /**
     * The code as a {@link StatusCode}, if rtmp4j knows it.
     *
     * @return the known status code, or empty
     */
    public Optional<StatusCode> statusCode() {
        return StatusCode.byCode(code);
    }

    /**
     * Whether the level is "error".
     *
     * @return true for level error
     */
    public boolean isError() {
        return StatusCode.Level.ERROR.wireName().equals(level);
    }

    static StatusEvent of(int streamId, Amf0Properties info) {
        return new StatusEvent(streamId, info.string("level").orElse(""), info.string("code").orElse(""),
                info.string("description").orElse(""), info);
    }
}
