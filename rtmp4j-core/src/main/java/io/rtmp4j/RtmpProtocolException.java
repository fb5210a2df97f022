package io.rtmp4j;

/**
 * The one exception rtmp4j's decoders throw for bad input: a malformed, truncated-beyond-recovery,
 * over-limit or out-of-sequence byte stream from a peer.
 *
 * <p>docs/ARCHITECTURE.md "Limits" ("fail closed, never crash"): every public decode entry point (handshake,
 * chunk decoder, message decoder, AMF0, AMF3, FLV) reports bad input with this type and nothing else,
 * so a transport can close the one offending connection with a logged reason and go on serving the
 * others. "Need more bytes" is not an error and is never reported with this exception.
 */
public class RtmpProtocolException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /**
     * An error with a message that says what was wrong and where (it becomes the reason the transport
     * logs when it closes the connection).
     *
     * @param message what the peer sent that is not valid
     */
    public RtmpProtocolException(String message) {
        super(message);
    }

    /**
     * An error caused by another exception, e.g. a malformed value found while decoding a larger one.
     *
     * @param message what the peer sent that is not valid
     * @param cause   the error underneath
     */
    public RtmpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
