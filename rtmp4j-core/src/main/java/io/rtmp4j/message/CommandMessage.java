package io.rtmp4j.message;

import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Command Message (types 20 AMF0 and 17 AMF3, rtmp-1.0.txt §7.1.1, §7.2): a command name, a
 * transaction id, a command object and optional arguments, all AMF values.
 *
 * <p>Type 17 bodies start with a format byte 0x00 and then continue in AMF0, switching to AMF3 per
 * value with the AVM+ marker 0x11 (Flash clients label AMF0 commands this way, docs/INTEROP.md
 * "Commands"); such values appear as {@link io.rtmp4j.amf.Amf0Avmplus}. The encoder writes the same
 * form back, so a decoded type-17 command re-encodes byte for byte.
 *
 * <p>Build commands with {@link Commands}; read them with the helpers here or, for the standard
 * commands, with {@link Command#parse(CommandMessage)}:
 * <pre>{@code
 * if (m instanceof CommandMessage c && c.name().equals("connect")) {
 *     String app = c.commandProperties().string("app").orElse("");
 * }
 * String streamName = cmd.stringArgument(0).orElseThrow();
 * }</pre>
 *
 * @param type            {@link MessageType#COMMAND_AMF0} (20) or {@link MessageType#COMMAND_AMF3} (17)
 * @param name            command name, e.g. "connect", "_result", "onStatus"
 * @param transactionId   transaction id (an AMF0 number; 0 when no answer is expected)
 * @param commandObject   command object, {@link Amf0Null} when there is none. A body that ends right
 *                        after the transaction id decodes to {@link Amf0Null} too (and re-encodes with
 *                        an explicit null: the one case where decode → encode adds a byte).
 * @param arguments       the values after the command object (an unmodifiable copy)
 * @param timestamp       absolute timestamp in milliseconds (unsigned 32-bit)
 * @param messageStreamId 0 for NetConnection commands, the stream id for NetStream commands
 * @param chunkStreamId   chunk stream id (3 on stream 0, 5 on other streams by default)
 */
public record CommandMessage(MessageType type, String name, double transactionId, Amf0Value commandObject,
                             List<Amf0Value> arguments, long timestamp, int messageStreamId, int chunkStreamId)
        implements RtmpMessage {

    /**
     * Checks the values: the type must be a command type (20 or 17), the name and command object are
     * required, and the timestamp must fit in 32 unsigned bits and the chunk stream id be 2..65599
     * (rtmp-1.0.txt §5.3.1.1). The arguments are copied into an unmodifiable list.
     *
     * @param type {@link MessageType#COMMAND_AMF0} (20) or {@link MessageType#COMMAND_AMF3} (17)
     * @param name command name, e.g
     * @param transactionId transaction id (an AMF0 number
     * @param commandObject command object, {@link Amf0Null} when there is none
     * @param arguments the values after the command object (an unmodifiable copy)
     * @param timestamp absolute timestamp in milliseconds (unsigned 32-bit)
     * @param messageStreamId 0 for NetConnection commands, the stream id for NetStream commands
     * @param chunkStreamId chunk stream id (3 on stream 0, 5 on other streams by default)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public CommandMessage {
        if (type != MessageType.COMMAND_AMF0 && type != MessageType.COMMAND_AMF3) {
            throw new IllegalArgumentException("not a command message type: " + type);
        }
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(commandObject, "commandObject");
        arguments = List.copyOf(arguments);
        Checks.header(timestamp, chunkStreamId);
    }

    /**
     * An AMF0 (type 20) command at timestamp 0 on the default chunk stream for its message stream.
     *
     * @param name the command name
     * @param transactionId the transaction id
     * @param commandObject the command object
     * @param arguments the values after it
     * @param messageStreamId the message stream id
     */
    public CommandMessage(String name, double transactionId, Amf0Value commandObject, List<Amf0Value> arguments,
                          int messageStreamId) {
        this(MessageType.COMMAND_AMF0, name, transactionId, commandObject, arguments, 0, messageStreamId,
                MessageCodec.defaultChunkStreamId(MessageType.COMMAND_AMF0, messageStreamId));
    }

    @Override
    public int typeId() {
        return type.id();
    }

    /** The same message with another timestamp (covariant {@link RtmpMessage#withTimestamp}). */
    @Override
    public CommandMessage withTimestamp(long timestamp) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    /**
     * The same message on another message stream, same chunk stream (covariant
     * {@link RtmpMessage#withMessageStreamId}); e.g. a published frame forwarded to a player's stream.
     */
    @Override
    public CommandMessage withMessageStreamId(int messageStreamId) {
        return withHeader(timestamp, messageStreamId, chunkStreamId);
    }

    @Override
    public CommandMessage withHeader(long timestamp, int messageStreamId, int chunkStreamId) {
        return new CommandMessage(type, name, transactionId, commandObject, arguments, timestamp, messageStreamId,
                chunkStreamId);
    }

    /**
     * The same command labelled as another type (20 or 17).
     *
     * @param type {@link MessageType#COMMAND_AMF0} or {@link MessageType#COMMAND_AMF3}
     * @return the relabelled command
     */
    public CommandMessage withType(MessageType type) {
        return new CommandMessage(type, name, transactionId, commandObject, arguments, timestamp, messageStreamId,
                chunkStreamId);
    }

    /**
     * True if this is a {@code _result} response (rtmp-1.0.txt §7.2).
     *
     * @return true for {@code _result}
     */
    public boolean isResult() {
        return Commands.RESULT.equals(name);
    }

    /**
     * True if this is an {@code _error} response (rtmp-1.0.txt §7.2).
     *
     * @return true for {@code _error}
     */
    public boolean isError() {
        return Commands.ERROR.equals(name);
    }

    /**
     * The command object as properties (an AMF3 object behind an AVM+ switch is bridged to AMF0), or
     * an empty object when it is null or not an object. Example: {@code commandProperties().string("app")}.
     *
     * @return the command object's properties, possibly none
     */
    public Amf0Properties commandProperties() {
        return AmfViews.properties(commandObject).orElse(Amf0Object.EMPTY);
    }

    /**
     * Argument {@code index} (0 = the first value after the command object), if present.
     *
     * @param index 0-based argument position
     * @return the argument, or empty
     */
    public Optional<Amf0Value> argument(int index) {
        return index >= 0 && index < arguments.size() ? Optional.of(AmfViews.unwrap(arguments.get(index)))
                : Optional.empty();
    }

    /**
     * Argument {@code index} if it is a string.
     *
     * @param index 0-based argument position
     * @return the string, or empty
     */
    public Optional<String> stringArgument(int index) {
        return argument(index).map(Amf0Value::asString);
    }

    /**
     * Argument {@code index} if it is a number.
     *
     * @param index 0-based argument position
     * @return the number, or empty
     */
    public Optional<Double> numberArgument(int index) {
        return argument(index).map(Amf0Value::asNumber);
    }

    /**
     * Argument {@code index} if it is a boolean.
     *
     * @param index 0-based argument position
     * @return the boolean, or empty
     */
    public Optional<Boolean> booleanArgument(int index) {
        return argument(index).map(Amf0Value::asBoolean);
    }

    /**
     * Argument {@code index} if it is an object, typed object or ECMA array (AMF3 objects bridged).
     *
     * @param index 0-based argument position
     * @return the properties, or empty
     */
    public Optional<Amf0Properties> objectArgument(int index) {
        return index >= 0 && index < arguments.size() ? AmfViews.properties(arguments.get(index)) : Optional.empty();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CommandMessage c && type == c.type && name.equals(c.name)
                && Double.compare(transactionId, c.transactionId) == 0 && commandObject.equals(c.commandObject)
                && arguments.equals(c.arguments) && timestamp == c.timestamp
                && messageStreamId == c.messageStreamId && chunkStreamId == c.chunkStreamId;
    }

    @Override
    public int hashCode() {
        return Objects.hash(type, name, Double.hashCode(transactionId), commandObject, arguments, timestamp,
                messageStreamId, chunkStreamId);
    }
}
