package io.rtmp4j.netty.client;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.StatusCode;
import io.rtmp4j.netty.SessionDriver;
import io.rtmp4j.netty.client.RtmpClientException.Kind;
import io.rtmp4j.session.ClientSessionListener;
import io.rtmp4j.session.CommandResult;
import io.rtmp4j.session.ConnectResult;
import io.rtmp4j.session.MediaKind;
import io.rtmp4j.session.Metadata;
import io.rtmp4j.session.ReconnectRequest;
import io.rtmp4j.session.RtmpSession;
import io.rtmp4j.session.StatusEvent;
import java.util.function.Consumer;
import org.slf4j.Logger;

/**
 * What happens to one {@link RtmpClientConnection}: the {@link io.rtmp4j.session.ClientSession}'s events
 * (connect answered, publish / play status, media, Reconnect Request, close) and the client's side of its
 * {@link SessionDriver} (the handshake timeout, how a failure and the end of the connection reach the
 * futures, writability). Confined to the connection's event loop, like the session.
 */
final class ClientConnectionEvents implements ClientSessionListener, SessionDriver.Owner {

    private static final Logger LOG = RtmpClientConnection.LOG;

    private final RtmpClientConnection c;

    ClientConnectionEvents(RtmpClientConnection c) {
        this.c = c;
    }

    // ------------------------------------------------------------------------------------------------
    // the driver's client side

    @Override
    public RtmpSession open(SessionDriver driver) {
        LOG.debug("connected to {}:{}", c.url().host(), c.url().port());
        return c.session();
    }

    @Override
    public void handshakeTimedOut(long timeoutMillis) {
        if (!c.connected.isDone()) {
            c.fail(new RtmpClientException(Kind.TIMEOUT, "no handshake and connect _result from " + c.url().host()
                    + ":" + c.url().port() + " within " + timeoutMillis + " ms"));
        }
    }

    @Override
    public String failureReason(RuntimeException failure) {
        return failure instanceof RtmpProtocolException ? "protocol error from " + c.url().host() + ":"
                + c.url().port() + ": " + failure.getMessage() : "internal error: " + failure;
    }

    @Override
    public void failed(String reason, RuntimeException failure) {
        c.failPending(new RtmpClientException(Kind.PROTOCOL_ERROR, null, reason, failure));
    }

    @Override
    public void writabilityChanged(boolean writable) {
        if (writable) {
            c.completeWaiters();
        }
    }

    @Override
    public void closed(String reason, long bytesIn) {
        c.failPending(new RtmpClientException(Kind.CLOSED, "connection to " + c.url().host() + ":" + c.url().port()
                + " closed: " + reason));
        c.completeWaiters();
        LOG.debug("{} closed: {}", c, reason);
        c.closed.complete(reason);
    }

    @Override
    public Logger log() {
        return LOG;
    }

    @Override
    public String describe() {
        return c.toString();
    }

    // ------------------------------------------------------------------------------------------------
    // session events

    @Override
    public void onConnected(ConnectResult result) {
        c.connectResult = result;
        c.connected.complete(c);
    }

    @Override
    public void onConnectFailed(CommandResult error) {
        String code = error.code().orElse(null);
        String msg = "connect to " + c.url().tcUrl() + " refused by the server: " + error.code().orElse("_error")
                + error.description().map(d -> " (" + d + ")").orElse("");
        c.driver().closeReason(msg);
        c.failPending(new RtmpClientException(Kind.CONNECT_REJECTED, code, msg, null));
    }

    @Override
    public void onError(CommandResult error) {
        if ("createStream".equals(error.commandName()) || "publish".equals(error.commandName())
                || "play".equals(error.commandName())) {
            String code = error.code().orElse(null);
            String msg = error.commandName() + " refused by " + c.url().host() + ":" + c.url().port() + ": "
                    + error.code().orElse("_error") + error.description().map(d -> " (" + d + ")").orElse("");
            c.fail(new RtmpClientException(c.publishFuture != null ? Kind.PUBLISH_REJECTED : Kind.PLAY_REJECTED,
                    code, msg, null));
        }
        // releaseStream / FCPublish errors are common and harmless (nginx-rtmp answers nothing, others _error)
    }

    @Override
    public void onStatus(StatusEvent s) {
        if (c.publishFuture != null) {
            publishStatus(s);
        } else if (c.playFuture != null) {
            playStatus(s);
        }
    }

    private void publishStatus(StatusEvent s) {
        if (s.code().equals(StatusCode.PUBLISH_START.code()) && !c.publishFuture.isDone()) {
            c.publisher = c.newPublisher();
            c.publishFuture.complete(c.publisher);
        } else if (s.code().equals(StatusCode.UNPUBLISH_SUCCESS.code()) && c.publishFuture.isDone() && !c.driver().isClosing()) {
            // the server ended our publication (its graceful close, INTEROP-NOTES "Closing": StreamEOF,
            // NetStream.Unpublish.Success, half-close): end it the same way instead of sending on
            LOG.info("{}: {} {}", c, s.code(), s.description());
            c.closeGracefully("publication ended by the server: " + s.code()
                    + (s.description().isEmpty() ? "" : " (" + s.description() + ")"));
        } else if (s.isError() && !c.publishFuture.isDone()) {
            c.fail(new RtmpClientException(Kind.PUBLISH_REJECTED, s.code(), "publish '" + c.streamName + "' to "
                    + c.url().tcUrl() + " rejected: " + s.code() + (s.description().isEmpty() ? ""
                    : " (" + s.description() + ")"), null));
        } else if (s.isError()) {
            LOG.warn("{}: {} {}", c, s.code(), s.description());
            c.closeGracefully("publication ended by the server: " + s.code()
                    + (s.description().isEmpty() ? "" : " (" + s.description() + ")"));
        }
    }

    private void playStatus(StatusEvent s) {
        c.playListener.onStatus(s);
        if (s.code().equals(StatusCode.PLAY_START.code())) {
            playStarted();
        } else if (s.isError() && !c.playFuture.isDone()) {
            boolean notFound = s.code().equals(StatusCode.PLAY_STREAM_NOT_FOUND.code());
            c.fail(new RtmpClientException(notFound ? Kind.STREAM_NOT_FOUND : Kind.PLAY_REJECTED, s.code(),
                    (notFound ? "stream '" + c.streamName + "' not found on " + c.url().tcUrl()
                            : "play '" + c.streamName + "' on " + c.url().tcUrl() + " rejected")
                            + ": " + s.code() + (s.description().isEmpty() ? "" : " (" + s.description() + ")"),
                    null));
        } else if (s.code().equals(StatusCode.PLAY_UNPUBLISH_NOTIFY.code())
                || s.code().equals(StatusCode.PLAY_STOP.code())
                || s.code().equals(StatusCode.PLAY_COMPLETE.code())
                || (s.isError() && s.streamId() != 0)) {
            c.playListener.onStreamEnd(s.code());
        }
    }

    private void playStarted() {
        if (!c.playFuture.isDone()) {
            c.player = c.playHandle();
            c.player.started(c, c.session().streamId());
            c.playFuture.complete(c.player);
        }
    }

    @Override
    public void onStreamEof(int streamId) {
        if (c.playListener != null && streamId == c.session().streamId()) {
            c.playListener.onStreamEnd("StreamEOF");
        }
    }

    @Override
    public void onMedia(MediaKind kind, int streamId, long timestamp, byte[] payload) {
        if (c.playListener != null) {
            // docs/INTEROP.md "Commands": some servers send media before Play.Start
            playStarted();
            c.playListener.onMedia(kind, timestamp, payload);
        }
    }

    @Override
    public void onMetadata(Metadata metadata) {
        if (c.playListener != null) {
            playStarted();
            c.playListener.onMetadata(metadata);
        }
    }

    @Override
    public void onReconnectRequest(ReconnectRequest request) {
        Consumer<ReconnectRequest> h = c.reconnectHandler;
        if (h != null) {
            h.accept(request);
        } else if (c.settings().followReconnect() && c.publisher != null) {
            c.publisher.followReconnect(c, request);
        } else if (c.settings().followReconnect() && c.player != null) {
            c.player.followReconnect(c, request);
        } else {
            LOG.info("{}: the server asks to reconnect to {}", c, request.tcUrl());
        }
    }

    @Override
    public void onCommand(CommandMessage command) {
        LOG.debug("{}: command {}", c, command.name());
    }

    @Override
    public void onClose(String reason) {
        if (c.playListener != null) {
            c.playListener.onClose(reason);
        }
    }
}
