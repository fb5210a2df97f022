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

    public RtmpProtocolException(String message) {
        super(message);
    }

    public RtmpProtocolException(String message, Throwable cause) {
        super(message, cause);
    }
}
