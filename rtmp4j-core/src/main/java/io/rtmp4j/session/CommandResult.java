package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.message.CommandMessage;
import java.util.Optional;

/**
 * A {@code _result} or {@code _error} (rtmp-1.0.txt §7.2) received by a client, matched by transaction id
 * to the command it answers.
 *
 * @param commandName name of the command it answers ("connect", "createStream", "releaseStream", ...;
 *                    "" if the transaction id matches nothing sent)
 * @param error       true for {@code _error}
 * @param message     the reply as received
 */
public record CommandResult(String commandName, boolean error, CommandMessage message) {

    /**
     * The transaction id.
     *
     * @return the transaction id
     */
    public double transactionId() {
        return message.transactionId();
    }

    /**
     * The command object (properties of a connect result; usually null otherwise).
     *
     * @return the command object
     */
    public Amf0Value commandObject() {
        return message.commandObject();
    }

    /**
     * The first argument if it is an object: the information object.
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
