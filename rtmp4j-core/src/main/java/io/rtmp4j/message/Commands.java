package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Undefined;
import io.rtmp4j.amf.Amf0Value;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Builders for the commands and replies a client and a server send (rtmp-1.0.txt §7.2), as
 * {@link CommandMessage}s (AMF0, type 20) with the header a real peer uses: NetConnection commands
 * and their replies on message stream 0 / chunk stream 3, NetStream commands on the stream's own id /
 * chunk stream 5, timestamp 0. Use {@link CommandMessage#withHeader} to change any of that.
 *
 * <pre>{@code
 * // client
 * CommandMessage connect = Commands.connect("live").tcUrl("rtmp://localhost/live").build();
 * CommandMessage create  = Commands.createStream(2);
 * CommandMessage publish = Commands.publish(1, "cam1", Commands.PublishType.LIVE);
 * // server
 * CommandMessage ok      = Commands.connectResult(1, 0);
 * CommandMessage created = Commands.createStreamResult(2, 1);   // on stream 0 (docs/INTEROP.md)
 * CommandMessage started = Commands.onStatus(1, StatusCode.PUBLISH_START, "cam1 is now published");
 * }</pre>
 *
 * <p>To read received commands use {@link Command#parse(CommandMessage)}.
 */
public final class Commands {

    /** {@code connect} (rtmp-1.0.txt §7.2.1.1). */
    public static final String CONNECT = "connect";
    /** {@code createStream} (rtmp-1.0.txt §7.2.1.3). */
    public static final String CREATE_STREAM = "createStream";
    /** {@code publish} (rtmp-1.0.txt §7.2.2.6). */
    public static final String PUBLISH = "publish";
    /** {@code play} (rtmp-1.0.txt §7.2.2.1). */
    public static final String PLAY = "play";
    /** {@code deleteStream} (rtmp-1.0.txt §7.2.2.3). */
    public static final String DELETE_STREAM = "deleteStream";
    /** {@code closeStream} (rtmp-1.0.txt §7.2.2). */
    public static final String CLOSE_STREAM = "closeStream";
    /** {@code releaseStream} (not in the specification; FMLE, OBS and ffmpeg send it before publishing). */
    public static final String RELEASE_STREAM = "releaseStream";
    /** {@code FCPublish} (not in the specification; FMLE, OBS and ffmpeg send it before publishing). */
    public static final String FC_PUBLISH = "FCPublish";
    /** {@code FCUnpublish} (not in the specification; OBS and ffmpeg send it when they stop). */
    public static final String FC_UNPUBLISH = "FCUnpublish";
    /** {@code receiveAudio} (rtmp-1.0.txt §7.2.2.4). */
    public static final String RECEIVE_AUDIO = "receiveAudio";
    /** {@code receiveVideo} (rtmp-1.0.txt §7.2.2.5). */
    public static final String RECEIVE_VIDEO = "receiveVideo";
    /** {@code pause} (rtmp-1.0.txt §7.2.2.8). */
    public static final String PAUSE = "pause";
    /** {@code seek} (rtmp-1.0.txt §7.2.2.7). */
    public static final String SEEK = "seek";
    /** {@code onStatus} (rtmp-1.0.txt §7.2.2). */
    public static final String ON_STATUS = "onStatus";
    /** {@code _result} (rtmp-1.0.txt §7.2). */
    public static final String RESULT = "_result";
    /** {@code _error} (rtmp-1.0.txt §7.2). */
    public static final String ERROR = "_error";

    /** The {@code connect} _result's "fmsVer", the value servers such as nginx-rtmp and SRS announce. */
    public static final String DEFAULT_FMS_VERSION = "FMS/3,0,1,123";
    /** The {@code connect} _result's "capabilities" (31, as Flash Media Server 3 and nginx-rtmp send). */
    public static final double DEFAULT_SERVER_CAPABILITIES = 31;

    private Commands() {
    }

    /** The publishing type argument of {@code publish} (rtmp-1.0.txt §7.2.2.6). */
    public enum PublishType {
        /** "live": published without recording. */
        LIVE("live"),
        /** "record": published and recorded to a new file. */
        RECORD("record"),
        /** "append": published and appended to a file. */
        APPEND("append");

        private final String wireName;

        PublishType(String wireName) {
            this.wireName = wireName;
        }

        /**
         * The string sent in {@code publish}.
         *
         * @return the wire name
         */
        public String wireName() {
            return wireName;
        }

        /**
         * The publishing type with this name, or empty.
         *
         * @param name the wire name
         * @return the type, or empty
         */
        public static Optional<PublishType> byWireName(String name) {
            for (PublishType t : values()) {
                if (t.wireName.equals(name)) {
                    return Optional.of(t);
                }
            }
            return Optional.empty();
        }
    }

    // ------------------------------------------------------------------------------------------------
    // client → server

    /**
     * A builder for {@code connect} to application {@code app} (transaction id 1, rtmp-1.0.txt §7.2.1.1).
     *
     * @param app the application name (the tcUrl path)
     * @return a builder with the app set
     */
    public static ConnectBuilder connect(String app) {
        return new ConnectBuilder(app);
    }

    /**
     * Builder for {@code connect}: the command object's properties are written in the order the setters
     * are called (after "app", which always comes first, as ffmpeg and librtmp write it). Setting a
     * property twice replaces its value in place.
     *
     * <p>Example, what ffmpeg sends when it publishes:
     * <pre>{@code
     * Commands.connect("live").type("nonprivate").flashVer("FMLE/3.0 (compatible; Lavf61.7.100)")
     *         .tcUrl("rtmp://localhost:1935/live").build();
     * }</pre>
     */
    public static final class ConnectBuilder {
        private final Amf0Object.Builder object = Amf0Object.builder();
        private final List<Amf0Value> arguments = new ArrayList<>();
        private double transactionId = 1;

        ConnectBuilder(String app) {
            object.put("app", Objects.requireNonNull(app, "app"));
        }

        /**
         * "type": "nonprivate" is what FMLE, OBS and ffmpeg send when publishing.
         *
         * @param type the type string
         * @return this builder
         */
        public ConnectBuilder type(String type) {
            object.put("type", type);
            return this;
        }

        /**
         * "flashVer": the client's version string, e.g. "FMLE/3.0 (compatible; FMSc/1.0)".
         *
         * @param flashVer the version string
         * @return this builder
         */
        public ConnectBuilder flashVer(String flashVer) {
            object.put("flashVer", flashVer);
            return this;
        }

        /**
         * "swfUrl": URL of the SWF making the connection (OBS sends the tcUrl here).
         *
         * @param swfUrl the SWF URL
         * @return this builder
         */
        public ConnectBuilder swfUrl(String swfUrl) {
            object.put("swfUrl", swfUrl);
            return this;
        }

        /**
         * "tcUrl": the server URL, {@code rtmp://host:port/app}; always send it (SRS rejects connect without it).
         *
         * @param tcUrl the server URL
         * @return this builder
         */
        public ConnectBuilder tcUrl(String tcUrl) {
            object.put("tcUrl", tcUrl);
            return this;
        }

        /**
         * "fpad": true if a proxy is used.
         *
         * @param fpad whether a proxy is used
         * @return this builder
         */
        public ConnectBuilder fpad(boolean fpad) {
            object.put("fpad", fpad);
            return this;
        }

        /**
         * "capabilities" (ffmpeg and librtmp players send 15).
         *
         * @param capabilities the capabilities number
         * @return this builder
         */
        public ConnectBuilder capabilities(double capabilities) {
            object.put("capabilities", capabilities);
            return this;
        }

        /**
         * "audioCodecs": SUPPORT_SND_* flags of rtmp-1.0.txt §7.2.1.1 (ffmpeg sends 4071).
         *
         * @param flags the audio codec flags
         * @return this builder
         */
        public ConnectBuilder audioCodecs(double flags) {
            object.put("audioCodecs", flags);
            return this;
        }

        /**
         * "videoCodecs": SUPPORT_VID_* flags of rtmp-1.0.txt §7.2.1.1 (ffmpeg sends 252).
         *
         * @param flags the video codec flags
         * @return this builder
         */
        public ConnectBuilder videoCodecs(double flags) {
            object.put("videoCodecs", flags);
            return this;
        }

        /**
         * "videoFunction": SUPPORT_VID_CLIENT_SEEK = 1.
         *
         * @param flags the video function flags
         * @return this builder
         */
        public ConnectBuilder videoFunction(double flags) {
            object.put("videoFunction", flags);
            return this;
        }

        /**
         * "pageUrl": URL of the web page the SWF was loaded from.
         *
         * @param pageUrl the page URL
         * @return this builder
         */
        public ConnectBuilder pageUrl(String pageUrl) {
            object.put("pageUrl", pageUrl);
            return this;
        }

        /**
         * "objectEncoding": 0 for AMF0, 3 for AMF3.
         *
         * @param encoding 0 or 3
         * @return this builder
         */
        public ConnectBuilder objectEncoding(double encoding) {
            object.put("objectEncoding", encoding);
            return this;
        }

        /**
         * Any other property, e.g. Enhanced RTMP's "fourCcList" (enhanced-rtmp-v1.md).
         *
         * @param name the property name
         * @param value its value
         * @return this builder
         */
        public ConnectBuilder property(String name, Amf0Value value) {
            object.put(name, value);
            return this;
        }

        /**
         * An optional user argument after the command object (rtmp-1.0.txt §7.2.1.1).
         *
         * @param value the argument
         * @return this builder
         */
        public ConnectBuilder argument(Amf0Value value) {
            arguments.add(Objects.requireNonNull(value, "value"));
            return this;
        }

        /**
         * Another transaction id than 1.
         *
         * @param transactionId the transaction id
         * @return this builder
         */
        public ConnectBuilder transactionId(double transactionId) {
            this.transactionId = transactionId;
            return this;
        }

        /**
         * The command object built so far.
         *
         * @return the command object
         */
        public Amf0Object commandObject() {
            return object.build();
        }

        /**
         * The {@code connect} command: message stream 0, chunk stream 3, timestamp 0.
         *
         * @return the connect command
         */
        public CommandMessage build() {
            return new CommandMessage(CONNECT, transactionId, object.build(), arguments, 0);
        }
    }

    /**
     * {@code createStream} (rtmp-1.0.txt §7.2.1.3): on stream 0, command object null.
     *
     * @param transactionId the transaction id the answer will carry
     * @return the command message
     */
    public static CommandMessage createStream(double transactionId) {
        return new CommandMessage(CREATE_STREAM, transactionId, Amf0Null.INSTANCE, List.of(), 0);
    }

    /**
     * {@code releaseStream name} on stream 0, as OBS and ffmpeg send it before {@code createStream}.
     *
     * @param transactionId the transaction id the answer will carry
     * @param streamName the stream name
     * @return the command message
     */
    public static CommandMessage releaseStream(double transactionId, String streamName) {
        return new CommandMessage(RELEASE_STREAM, transactionId, Amf0Null.INSTANCE,
                List.of(Amf0Value.of(streamName)), 0);
    }

    /**
     * {@code FCPublish name} on stream 0, as OBS and ffmpeg send it before {@code createStream}.
     *
     * @param transactionId the transaction id the answer will carry
     * @param streamName the stream name
     * @return the command message
     */
    public static CommandMessage fcPublish(double transactionId, String streamName) {
        return new CommandMessage(FC_PUBLISH, transactionId, Amf0Null.INSTANCE, List.of(Amf0Value.of(streamName)), 0);
    }

    /**
     * {@code FCUnpublish name} on stream 0, as OBS and ffmpeg send it when they stop.
     *
     * @param transactionId the transaction id the answer will carry
     * @param streamName the stream name
     * @return the command message
     */
    public static CommandMessage fcUnpublish(double transactionId, String streamName) {
        return new CommandMessage(FC_UNPUBLISH, transactionId, Amf0Null.INSTANCE,
                List.of(Amf0Value.of(streamName)), 0);
    }

    /**
     * {@code publish name type} on stream {@code streamId} (rtmp-1.0.txt §7.2.2.6; transaction id 0).
     *
     * @param streamId the message stream created for the publication
     * @param streamName the stream name
     * @param type live, record or append
     * @return the command message
     */
    public static CommandMessage publish(int streamId, String streamName, PublishType type) {
        return new CommandMessage(PUBLISH, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of(streamName), Amf0Value.of(type.wireName())), streamId);
    }

    /**
     * {@code play name} with only the name (defaults: start −2, duration −1, reset true; §7.2.2.1).
     *
     * @param streamId the message stream created for the play
     * @param streamName the stream name
     * @return the command message
     */
    public static CommandMessage play(int streamId, String streamName) {
        return new CommandMessage(PLAY, 0, Amf0Null.INSTANCE, List.of(Amf0Value.of(streamName)), streamId);
    }

    /**
     * {@code play name start duration reset} on stream {@code streamId} (rtmp-1.0.txt §7.2.2.1): start
     * −2 = live, else recorded; −1 = live only; ≥ 0 = recorded from that second. Duration −1 = until the
     * end.
     *
     * @param streamId the message stream created for the play
     * @param streamName the stream name
     * @param start −2, −1 or a position in seconds
     * @param duration −1 for all, or a length in seconds
     * @param reset whether to flush earlier playlist entries
     * @return the command message
     */
    public static CommandMessage play(int streamId, String streamName, double start, double duration, boolean reset) {
        return new CommandMessage(PLAY, 0, Amf0Null.INSTANCE, List.of(Amf0Value.of(streamName),
                Amf0Value.of(start), Amf0Value.of(duration), Amf0Value.of(reset)), streamId);
    }

    /**
     * {@code deleteStream id} (rtmp-1.0.txt §7.2.2.3). Sent on stream 0 naming the stream, as ffmpeg
     * and librtmp (OBS) do.
     *
     * @param transactionId the transaction id the answer will carry
     * @param streamId the message stream to delete
     * @return the command message
     */
    public static CommandMessage deleteStream(double transactionId, int streamId) {
        return new CommandMessage(DELETE_STREAM, transactionId, Amf0Null.INSTANCE,
                List.of(Amf0Value.of(Integer.toUnsignedLong(streamId))), 0);
    }

    /**
     * {@code closeStream} on the stream itself (rtmp-1.0.txt §7.2.2; Flash sends it on the NetStream).
     *
     * @param streamId the message stream to close
     * @return the command message
     */
    public static CommandMessage closeStream(int streamId) {
        return new CommandMessage(CLOSE_STREAM, 0, Amf0Null.INSTANCE, List.of(), streamId);
    }

    /**
     * {@code receiveAudio flag} (rtmp-1.0.txt §7.2.2.4).
     *
     * @param streamId the message stream played
     * @param receive whether to receive audio
     * @return the command message
     */
    public static CommandMessage receiveAudio(int streamId, boolean receive) {
        return new CommandMessage(RECEIVE_AUDIO, 0, Amf0Null.INSTANCE, List.of(Amf0Value.of(receive)), streamId);
    }

    /**
     * {@code receiveVideo flag} (rtmp-1.0.txt §7.2.2.5).
     *
     * @param streamId the message stream played
     * @param receive whether to receive video
     * @return the command message
     */
    public static CommandMessage receiveVideo(int streamId, boolean receive) {
        return new CommandMessage(RECEIVE_VIDEO, 0, Amf0Null.INSTANCE, List.of(Amf0Value.of(receive)), streamId);
    }

    /**
     * {@code pause flag milliseconds} (rtmp-1.0.txt §7.2.2.8).
     *
     * @param streamId the message stream played
     * @param pause true to pause, false to resume
     * @param milliseconds the stream time at which it pauses or resumes
     * @return the command message
     */
    public static CommandMessage pause(int streamId, boolean pause, double milliseconds) {
        return new CommandMessage(PAUSE, 0, Amf0Null.INSTANCE,
                List.of(Amf0Value.of(pause), Amf0Value.of(milliseconds)), streamId);
    }

    /**
     * {@code seek milliseconds} (rtmp-1.0.txt §7.2.2.7).
     *
     * @param streamId the message stream played
     * @param milliseconds the stream time to seek to
     * @return the command message
     */
    public static CommandMessage seek(int streamId, double milliseconds) {
        return new CommandMessage(SEEK, 0, Amf0Null.INSTANCE, List.of(Amf0Value.of(milliseconds)), streamId);
    }

    // ------------------------------------------------------------------------------------------------
    // server → client

    /**
     * An info object: {@code level}, {@code code}, {@code description}, then {@code extra}'s properties
     * (rtmp-1.0.txt §7.2.2, "Format of NetStream status message commands").
     *
     * @param level status, warning or error
     * @param code the code string
     * @param description a sentence for a person
     * @param extra more properties, or null
     * @return the information object
     */
    public static Amf0Object statusInfo(StatusCode.Level level, String code, String description, Amf0Properties extra) {
        Amf0Object.Builder b = Amf0Object.builder()
                .put("level", level.wireName())
                .put("code", code)
                .put("description", description);
        if (extra != null) {
            b.putAll(extra);
        }
        return b.build();
    }

    /**
     * {@code onStatus} with the code's default description.
     *
     * @param streamId the message stream the status is about
     * @param code the status code
     * @return the command message
     */
    public static CommandMessage onStatus(int streamId, StatusCode code) {
        return onStatus(streamId, code, code.defaultDescription(), null);
    }

    /**
     * {@code onStatus} on stream {@code streamId}: transaction id 0, command object null, info object.
     *
     * @param streamId the message stream the status is about
     * @param code the status code
     * @param description a sentence for a person
     * @return the command message
     */
    public static CommandMessage onStatus(int streamId, StatusCode code, String description) {
        return onStatus(streamId, code, description, null);
    }

    /**
     * {@code onStatus} with extra info properties (e.g. "details", "clientid"); {@code extra} may be null.
     *
     * @param streamId the message stream the status is about
     * @param code the status code
     * @param description a sentence for a person
     * @param extra more properties, or null
     * @return the command message
     */
    public static CommandMessage onStatus(int streamId, StatusCode code, String description, Amf0Properties extra) {
        return onStatus(streamId, code.level(), code.code(), description, extra);
    }

    /**
     * {@code onStatus} with a level and code of the caller's choice; {@code extra} may be null.
     *
     * @param streamId the message stream the status is about
     * @param level status, warning or error
     * @param code the code string
     * @param description a sentence for a person
     * @param extra more properties, or null
     * @return the command message
     */
    public static CommandMessage onStatus(int streamId, StatusCode.Level level, String code, String description,
                                          Amf0Properties extra) {
        return new CommandMessage(ON_STATUS, 0, Amf0Null.INSTANCE,
                List.of(statusInfo(level, code, description, extra)), streamId);
    }

    /**
     * {@code _result} on stream 0 answering {@code transactionId}.
     *
     * @param transactionId the transaction id of the command answered
     * @param commandObject the command object (often null)
     * @param arguments the values after it
     * @return the command message
     */
    public static CommandMessage result(double transactionId, Amf0Value commandObject, Amf0Value... arguments) {
        return new CommandMessage(RESULT, transactionId, commandObject, List.of(arguments), 0);
    }

    /**
     * The plain {@code _result} answer to {@code releaseStream} / {@code FCPublish} / {@code FCUnpublish}:
     * null command object and one undefined argument, as SRS sends it. OBS does not need it but servers
     * answer (docs/INTEROP.md "Commands").
     *
     * @param transactionId the transaction id of the command answered
     * @return the command message
     */
    public static CommandMessage result(double transactionId) {
        return result(transactionId, Amf0Null.INSTANCE, Amf0Undefined.INSTANCE);
    }

    /**
     * {@code _error} on stream 0 answering {@code transactionId}.
     *
     * @param transactionId the transaction id of the command answered
     * @param commandObject the command object (often null)
     * @param arguments the values after it
     * @return the command message
     */
    public static CommandMessage error(double transactionId, Amf0Value commandObject, Amf0Value... arguments) {
        return new CommandMessage(ERROR, transactionId, commandObject, List.of(arguments), 0);
    }

    /**
     * The {@code connect} success {@code _result} (rtmp-1.0.txt §7.2.1.1): properties {@code fmsVer},
     * {@code capabilities}; information {@code level}, {@code code} NetConnection.Connect.Success,
     * {@code description}, {@code objectEncoding} (echo the client's, 0 when it sent none).
     *
     * @param transactionId the transaction id of the command answered
     * @param objectEncoding the client's objectEncoding, echoed in the information object
     * @return the command message
     */
    public static CommandMessage connectResult(double transactionId, double objectEncoding) {
        Amf0Object properties = Amf0Object.builder()
                .put("fmsVer", DEFAULT_FMS_VERSION)
                .put("capabilities", DEFAULT_SERVER_CAPABILITIES)
                .build();
        Amf0Object info = statusInfo(StatusCode.CONNECT_SUCCESS.level(), StatusCode.CONNECT_SUCCESS.code(),
                StatusCode.CONNECT_SUCCESS.defaultDescription(),
                Amf0Object.builder().put("objectEncoding", objectEncoding).build());
        return result(transactionId, properties, info);
    }

    /**
     * The {@code connect} refusal: {@code _error}, null properties, an info object with {@code code}.
     *
     * @param transactionId the transaction id of the command answered
     * @param code the refusal's status code
     * @param description a sentence for a person
     * @return the command message
     */
    public static CommandMessage connectError(double transactionId, StatusCode code, String description) {
        return error(transactionId, Amf0Null.INSTANCE, statusInfo(code.level(), code.code(), description, null));
    }

    /**
     * The {@code createStream} {@code _result} carrying the new stream id (rtmp-1.0.txt §7.2.1.3). It goes
     * out on message stream 0 (docs/INTEROP.md "Commands").
     *
     * @param transactionId the transaction id of the command answered
     * @param streamId the new message stream id
     * @return the command message
     */
    public static CommandMessage createStreamResult(double transactionId, int streamId) {
        return result(transactionId, Amf0Null.INSTANCE, Amf0Value.of(Integer.toUnsignedLong(streamId)));
    }
}
