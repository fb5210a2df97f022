package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.message.CommandMessage;

/**
 * A successful {@code connect} {@code _result} (rtmp-1.0.txt §7.2.1.1) as a client sees it.
 *
 * @param properties         the command object (fmsVer, capabilities, mode, and the server's Enhanced RTMP block)
 * @param info               the information object (level, code, description, objectEncoding)
 * @param serverCapabilities the server's Enhanced RTMP block, read from {@code properties}
 *                           ({@link EnhancedCapabilities#NONE} from a legacy server)
 * @param objectEncoding     the objectEncoding the server echoed (0 when absent)
 * @param message            the reply as received
 */
public record ConnectResult(Amf0Properties properties, Amf0Properties info, EnhancedCapabilities serverCapabilities,
                            double objectEncoding, CommandMessage message) {
}
