package io.rtmp4j.message;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import java.util.List;
import java.util.Optional;

/**
 * A received {@link CommandMessage} read as one of the standard commands of rtmp-1.0.txt §7.2 (plus
 * the {@code releaseStream} / {@code FCPublish} / {@code FCUnpublish} that encoders send), with its
 * arguments typed and defaulted. Each record keeps the message it was read from.
 *
 * <pre>{@code
 * Command c = Command.parse(commandMessage);
 * if (c instanceof Command.Publish p) {
 *     hub.publish(p.streamId(), p.streamName());
 * } else if (c instanceof Command.Play p) { ... }
 * }</pre>
 *
 * <p>A name this interface does not know becomes {@link Other}. A known command whose required
 * argument is missing or of the wrong type is a {@link RtmpProtocolException}.
 */
public sealed interface Command {

    /**
     * The message this command was read from.
     *
     * @return the command message
     */
    CommandMessage message();

    /**
     * Transaction id of the command.
     *
     * @return the transaction id
     */
    default double transactionId() {
        return message().transactionId();
    }

    /**
     * Message stream the command arrived on.
     *
     * @return the message stream id
     */
    default int messageStreamId() {
        return message().messageStreamId();
    }

    /**
     * Reads a command message.
     *
     * @param m a command message
     * @return the command it holds, {@link Other} for names this type does not model
     * @throws RtmpProtocolException if a known command lacks a required argument or has one of the wrong type
     */
    static Command parse(CommandMessage m) {
        switch (m.name()) {
            case Commands.CONNECT:
                return new Connect(m.commandProperties(), m);
            case Commands.CREATE_STREAM:
                return new CreateStream(m);
            case Commands.PUBLISH: {
                String name = requiredString(m, 0, "publishing name");
                String type = m.argument(1).isEmpty() || m.argument(1).get().isNullOrUndefined()
                        ? Commands.PublishType.LIVE.wireName() : requiredString(m, 1, "publishing type");
                return new Publish(name, type, m);
            }
            case Commands.PLAY: {
                String name = requiredString(m, 0, "stream name");
                double start = optionalNumber(m, 1, -2);
                double duration = optionalNumber(m, 2, -1);
                boolean reset = true;
                Optional<Amf0Value> r = m.argument(3);
                if (r.isPresent() && !r.get().isNullOrUndefined()) {
                    // §7.2.2.1: "An optional Boolean value or number".
                    if (r.get().asBoolean() != null) {
                        reset = r.get().asBoolean();
                    } else if (r.get().asNumber() != null) {
                        reset = r.get().asNumber() != 0;
                    } else {
                        throw bad(m, 3, "reset flag (boolean or number)");
                    }
                }
                return new Play(name, start, duration, reset, m);
            }
            case Commands.DELETE_STREAM: {
                // GStreamer's rtmp2sink (1.22) sends the stream name instead of the id when it stops
                // publishing: take the stream the command came on rather than failing the connection
                Optional<Amf0Value> id = m.argument(0);
                if (id.isPresent() && id.get().asNumber() == null) {
                    return new DeleteStream(m.messageStreamId(), m);
                }
                return new DeleteStream((int) (long) requiredNumber(m, 0, "stream id"), m);
            }
            case Commands.CLOSE_STREAM:
                return new CloseStream(m);
            case Commands.RELEASE_STREAM:
                return new ReleaseStream(m.stringArgument(0).orElse(""), m);
            case Commands.FC_PUBLISH:
                return new FcPublish(m.stringArgument(0).orElse(""), m);
            case Commands.FC_UNPUBLISH:
                return new FcUnpublish(m.stringArgument(0).orElse(""), m);
            case Commands.RECEIVE_AUDIO:
                return new ReceiveAudio(requiredBoolean(m, 0, "receive flag"), m);
            case Commands.RECEIVE_VIDEO:
                return new ReceiveVideo(requiredBoolean(m, 0, "receive flag"), m);
            case Commands.PAUSE:
                return new Pause(requiredBoolean(m, 0, "pause flag"), optionalNumber(m, 1, 0), m);
            case Commands.SEEK:
                return new Seek(requiredNumber(m, 0, "milliseconds"), m);
            case Commands.ON_STATUS: {
                Amf0Properties info = m.objectArgument(0).orElseThrow(() -> bad(m, 0, "info object"));
                return new OnStatus(info, m);
            }
            case Commands.RESULT:
                return new Result(m);
            case Commands.ERROR:
                return new Error(m);
            default:
                return new Other(m);
        }
    }

    private static RtmpProtocolException bad(CommandMessage m, int index, String what) {
        return new RtmpProtocolException("'" + m.name() + "' argument " + index + " (" + what + ") is "
                + m.argument(index).map(Object::toString).orElse("missing"));
    }

    private static String requiredString(CommandMessage m, int index, String what) {
        return m.stringArgument(index).orElseThrow(() -> bad(m, index, what));
    }

    private static double requiredNumber(CommandMessage m, int index, String what) {
        return m.numberArgument(index).orElseThrow(() -> bad(m, index, what));
    }

    private static boolean requiredBoolean(CommandMessage m, int index, String what) {
        return m.booleanArgument(index).orElseThrow(() -> bad(m, index, what));
    }

    private static double optionalNumber(CommandMessage m, int index, double absent) {
        Optional<Amf0Value> v = m.argument(index);
        if (v.isEmpty() || v.get().isNullOrUndefined()) {
            return absent;
        }
        Double d = v.get().asNumber();
        if (d == null) {
            throw bad(m, index, "number");
        }
        return d;
    }

    /**
     * {@code connect} (rtmp-1.0.txt §7.2.1.1).
     *
     * @param properties the command object (empty if the client sent none)
     */
    record Connect(Amf0Properties properties, CommandMessage message) implements Command {
        /**
         * "app", or "" when absent.
         *
         * @return the app
         */
        public String app() {
            return properties.string("app").orElse("");
        }

        /**
         * "tcUrl" (SRS refuses a connect without it).
         *
         * @return the tcUrl, or empty
         */
        public Optional<String> tcUrl() {
            return properties.string("tcUrl");
        }

        /**
         * "flashVer" (the spec's table spells it "flashver"; every client sends "flashVer").
         *
         * @return the flashVer, or empty
         */
        public Optional<String> flashVer() {
            Optional<String> v = properties.string("flashVer");
            return v.isPresent() ? v : properties.string("flashver");
        }

        /**
         * "swfUrl".
         *
         * @return the swfUrl, or empty
         */
        public Optional<String> swfUrl() {
            return properties.string("swfUrl");
        }

        /**
         * "pageUrl".
         *
         * @return the pageUrl, or empty
         */
        public Optional<String> pageUrl() {
            return properties.string("pageUrl");
        }

        /**
         * "type" ("nonprivate" from publishing encoders).
         *
         * @return the type, or empty
         */
        public Optional<String> type() {
            return properties.string("type");
        }

        /**
         * "objectEncoding": 0 (AMF0) when absent.
         *
         * @return the object encoding the client asked for (0 AMF0, 3 AMF3)
         */
        public double objectEncoding() {
            return properties.number("objectEncoding").orElse(0.0);
        }

        /**
         * The optional user arguments after the command object.
         *
         * @return the user arguments, possibly none
         */
        public List<Amf0Value> arguments() {
            return message.arguments();
        }
    }

    /** {@code createStream} (rtmp-1.0.txt §7.2.1.3); answer with {@link Commands#createStreamResult}. */
    record CreateStream(CommandMessage message) implements Command {
    }

    /**
     * {@code publish} (rtmp-1.0.txt §7.2.2.6).
     *
     * @param streamName  publishing name (may carry a query string, e.g. "cam1?key=…")
     * @param typeName    publishing type as sent; "live" when absent
     */
    record Publish(String streamName, String typeName, CommandMessage message) implements Command {
        /**
         * The publishing type, if it is one of live / record / append.
         *
         * @return the publishing type, or empty for another or no type
         */
        public Optional<Commands.PublishType> publishType() {
            return Commands.PublishType.byWireName(typeName);
        }

        /**
         * The stream being published: the message stream the command arrived on.
         *
         * @return the message stream id of the publication
         */
        public int streamId() {
            return message.messageStreamId();
        }
    }

    /**
     * {@code play} (rtmp-1.0.txt §7.2.2.1), with the spec's defaults for absent arguments.
     *
     * @param streamName name of the stream to play
     * @param start      −2 (live, else recorded; default), −1 (live only) or seconds into a recording
     * @param duration   seconds to play, −1 (default) = until the end
     * @param reset      flush the playlist (default true)
     */
    record Play(String streamName, double start, double duration, boolean reset, CommandMessage message)
            implements Command {
        /**
         * The stream the player plays on: the message stream the command arrived on.
         *
         * @return the message stream id of the play
         */
        public int streamId() {
            return message.messageStreamId();
        }
    }

    /**
     * {@code deleteStream} (rtmp-1.0.txt §7.2.2.3).
     *
     * @param deletedStreamId the stream to delete (the argument, not the message's own stream)
     */
    record DeleteStream(int deletedStreamId, CommandMessage message) implements Command {
    }

    /** {@code closeStream}: closes the message stream it arrives on. */
    record CloseStream(CommandMessage message) implements Command {
        /**
         * The stream to close.
         *
         * @return the message stream id to close
         */
        public int streamId() {
            return message.messageStreamId();
        }
    }

    /** {@code releaseStream name} ("" if the name is missing). */
    record ReleaseStream(String streamName, CommandMessage message) implements Command {
    }

    /** {@code FCPublish name} ("" if the name is missing). */
    record FcPublish(String streamName, CommandMessage message) implements Command {
    }

    /** {@code FCUnpublish name} ("" if the name is missing). */
    record FcUnpublish(String streamName, CommandMessage message) implements Command {
    }

    /** {@code receiveAudio flag} (rtmp-1.0.txt §7.2.2.4). */
    record ReceiveAudio(boolean receive, CommandMessage message) implements Command {
    }

    /** {@code receiveVideo flag} (rtmp-1.0.txt §7.2.2.5). */
    record ReceiveVideo(boolean receive, CommandMessage message) implements Command {
    }

    /** {@code pause flag milliseconds} (rtmp-1.0.txt §7.2.2.8); milliseconds 0 when absent. */
    record Pause(boolean pause, double milliseconds, CommandMessage message) implements Command {
    }

    /** {@code seek milliseconds} (rtmp-1.0.txt §7.2.2.7). */
    record Seek(double milliseconds, CommandMessage message) implements Command {
    }

    /**
     * {@code onStatus} (rtmp-1.0.txt §7.2.2).
     *
     * @param info the info object (level, code, description, …)
     */
    record OnStatus(Amf0Properties info, CommandMessage message) implements Command {
        /**
         * "level", or "" when absent.
         *
         * @return the level
         */
        public String level() {
            return info.string("level").orElse("");
        }

        /**
         * "code", or "" when absent.
         *
         * @return the code
         */
        public String code() {
            return info.string("code").orElse("");
        }

        /**
         * "description", or "" when absent.
         *
         * @return the description
         */
        public String description() {
            return info.string("description").orElse("");
        }

        /**
         * The code as a {@link StatusCode}, if it is one rtmp4j knows.
         *
         * @return the known status code, or empty
         */
        public Optional<StatusCode> statusCode() {
            return StatusCode.byCode(code());
        }
    }

    /** {@code _result} (rtmp-1.0.txt §7.2). */
    record Result(CommandMessage message) implements Command {
        /**
         * The command object (properties of a connect result, else usually null).
         *
         * @return the command object
         */
        public Amf0Value commandObject() {
            return message.commandObject();
        }

        /**
         * The first argument if it is a number: the new stream id of a {@code createStream} result.
         *
         * @return the number, or empty
         */
        public Optional<Double> number() {
            return message.numberArgument(0);
        }

        /**
         * The first argument if it is an object: the information object of a {@code connect} result.
         *
         * @return the information object, or empty
         */
        public Optional<Amf0Properties> info() {
            return message.objectArgument(0);
        }

        /**
         * The information object's "code" (e.g. NetConnection.Connect.Success), if any.
         *
         * @return the code, or empty
         */
        public Optional<String> code() {
            return info().flatMap(i -> i.string("code"));
        }
    }

    /** {@code _error} (rtmp-1.0.txt §7.2). */
    record Error(CommandMessage message) implements Command {
        /**
         * The first argument if it is an object: the error information.
         *
         * @return the information object, or empty
         */
        public Optional<Amf0Properties> info() {
            return message.objectArgument(0);
        }

        /**
         * The information object's "code", if any.
         *
         * @return the code, or empty
         */
        public Optional<String> code() {
            return info().flatMap(i -> i.string("code"));
        }

        /**
         * The information object's "description", if any.
         *
         * @return the description, or empty
         */
        public Optional<String> description() {
            return info().flatMap(i -> i.string("description"));
        }
    }

    /** Any other command (e.g. {@code onBWDone}, {@code _checkbw}, {@code getStreamLength}, application calls). */
    record Other(CommandMessage message) implements Command {
        /**
         * The command name.
         *
         * @return the name
         */
        public String name() {
            return message.name();
        }
    }
}
