package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.message.Command;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.StatusCode;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A client's {@code connect} (rtmp-1.0.txt §7.2.1.1) waiting for the application's decision, raised by
 * {@link ServerSessionListener#onConnect}. Decide now or later (after an authorization call, say): every
 * message the client sends meanwhile is held by the session and processed once the decision is made.
 * The decision methods may be called from any thread when the transport set a
 * {@link ServerSession#decisionExecutor} (RtmpServer does): the decision then runs on the session's thread.
 *
 * <p>{@link #accept()} sends, in this order (as nginx-rtmp does): Window Acknowledgement Size, Set Peer
 * Bandwidth (dynamic), Set Chunk Size, then the {@code _result} with properties {@code fmsVer},
 * {@code capabilities}, {@code mode} (and the server's Enhanced RTMP block, if any) and information
 * {@code level}, {@code code} NetConnection.Connect.Success, {@code description}, {@code objectEncoding}
 * (the client's, echoed). No {@code onBWDone} is sent (PRISM Live Studio disconnects on it,
 * docs/INTEROP.md "Commands"). A connect without {@code tcUrl} is accepted (SRS refuses it).
 */
public final class ConnectRequest {

    private final ServerSession session;
    private final Command.Connect connect;
    private final EnhancedCapabilities enhanced;
    private final DecideOnce decided = new DecideOnce("connect");

    ConnectRequest(ServerSession session, Command.Connect connect) {
        this.session = session;
        this.connect = connect;
        this.enhanced = EnhancedCapabilities.from(connect.properties());
    }

    /**
     * "app" ("" when absent).
     *
     * @return the app
     */
    public String app() {
        return connect.app();
    }

    /**
     * "tcUrl", if sent.
     *
     * @return the tcUrl, or empty
     */
    public Optional<String> tcUrl() {
        return connect.tcUrl();
    }

    /**
     * "flashVer", if sent.
     *
     * @return the flashVer, or empty
     */
    public Optional<String> flashVer() {
        return connect.flashVer();
    }

    /**
     * "objectEncoding": 0 (AMF0) or 3 (AMF3); 0 when absent.
     *
     * @return the object encoding
     */
    public double objectEncoding() {
        return connect.objectEncoding();
    }

    /**
     * The whole command object.
     *
     * @return the command object's properties
     */
    public Amf0Properties properties() {
        return connect.properties();
    }

    /**
     * Optional user arguments after the command object.
     *
     * @return the user arguments, possibly none
     */
    public List<Amf0Value> arguments() {
        return connect.arguments();
    }

    /**
     * The client's Enhanced RTMP block ({@link EnhancedCapabilities#NONE} from a legacy client).
     *
     * @return the client's capabilities
     */
    public EnhancedCapabilities enhanced() {
        return enhanced;
    }

    /**
     * The command as received.
     *
     * @return the command message
     */
    public CommandMessage message() {
        return connect.message();
    }

    /**
     * Whether accept or reject has been called.
     *
     * @return true once decided
     */
    public boolean isDecided() {
        return decided.isDecided();
    }

    /**
     * Accepts with no Enhanced RTMP block in the {@code _result}; false if the session is gone.
     *
     * @return true if the answer was queued, false if the session is gone
     */
    public boolean accept() {
        return accept(EnhancedCapabilities.NONE);
    }

    /**
     * Accepts, stating the server's own Enhanced RTMP capabilities in the {@code _result} properties
     * (enhanced-rtmp-v2.md: "The server SHOULD state its support via attributes such as
     * videoFourCcInfoMap, capsEx"). Returns false if the session has closed meanwhile (true when the
     * decision was handed to the session's thread, {@link ServerSession#decisionExecutor}).
     *
     * @param serverCapabilities the server's Enhanced RTMP block
     * @return true if the answer was queued, false if the session is gone
     * @throws IllegalStateException if already decided
     */
    public boolean accept(EnhancedCapabilities serverCapabilities) {
        Objects.requireNonNull(serverCapabilities, "serverCapabilities");
        decided.mark();
        return session.decide(() -> session.acceptConnect(this, serverCapabilities));
    }

    /**
     * Rejects with NetConnection.Connect.Rejected and this description.
     *
     * @param description a sentence for the client
     * @return true if the answer was queued, false if the session is gone
     */
    public boolean reject(String description) {
        return reject(StatusCode.CONNECT_REJECTED, description);
    }

    /**
     * Rejects: sends {@code _error} with {@code code} (e.g. {@link StatusCode#CONNECT_INVALID_APP}) and then
     * asks the transport to close after flushing ({@link ServerSession#isCloseRequested()}).
     *
     * @param code the refusal's status code
     * @param description a sentence for the client, or null for the code's default
     * @return true if the answer was queued, false if the session is gone
     * @throws IllegalStateException if already decided
     */
    public boolean reject(StatusCode code, String description) {
        Objects.requireNonNull(code, "code");
        decided.mark();
        String text = description == null ? code.defaultDescription() : description;
        return session.decide(() -> session.rejectConnect(this, code, text));
    }
}
