package io.rtmp4j.server;

import java.util.Objects;
import java.util.concurrent.CompletionStage;
import java.util.function.Function;

/**
 * Who may connect, publish and play on a {@link LiveServer}: asked before the request is answered, and
 * nothing flows until the returned stage completes (a publisher's media is neither forwarded nor
 * recorded, a player gets none).
 *
 * <p>Threading: each method is called on the connection's event loop and <b>must not block</b> (no HTTP
 * call, no database query, no {@code join()} on that thread): return a stage that completes later, from
 * any thread, e.g. {@code httpClient.sendAsync(...).thenApply(r -> ...)}; the server applies the decision
 * on the connection's event loop. A stage that completes exceptionally, or a method that throws, denies
 * the request (the reason is logged). A connection that closes before the decision loses it.
 *
 * <pre>{@code
 * AccessControl keys = new AccessControl() {
 *     public CompletionStage<Decision> publish(StreamRequestInfo r) {
 *         return CompletableFuture.completedFuture("s3cret".equals(r.params().get("key"))
 *                 ? Decision.allow() : Decision.deny("bad stream key"));
 *     }
 * };
 * }</pre>
 */
public interface AccessControl {

    /** Allows everything: the default of {@link LiveServer.Builder}. */
    AccessControl OPEN = new AccessControl() {
    };

    /**
     * An access control that decides publishes with {@code rule} and allows every connect and play.
     *
     * @param rule the publish decision, e.g. a stream key check
     * @return the access control
     */
    static AccessControl forPublish(Function<StreamRequestInfo, CompletionStage<Decision>> rule) {
        Objects.requireNonNull(rule, "rule");
        return new AccessControl() {
            @Override
            public CompletionStage<Decision> publish(StreamRequestInfo request) {
                return rule.apply(request);
            }
        };
    }

    /**
     * A client's {@code connect} (rtmp-1.0.txt §7.2.1.1). Default: allow. A rename is taken as allow.
     *
     * @param client the connection, with the app, tcUrl and flashVer it sent
     * @return the decision, completed now or later from any thread
     */
    default CompletionStage<Decision> connect(ClientInfo client) {
        return Decision.allowed();
    }

    /**
     * A {@code publish} (rtmp-1.0.txt §7.2.2.6). Default: allow.
     *
     * @param request who publishes what, with the query string of the name
     * @return the decision, completed now or later from any thread
     */
    default CompletionStage<Decision> publish(StreamRequestInfo request) {
        return Decision.allowed();
    }

    /**
     * A {@code play} (rtmp-1.0.txt §7.2.2.1). Default: allow.
     *
     * @param request who plays what, with the query string of the name
     * @return the decision, completed now or later from any thread
     */
    default CompletionStage<Decision> play(StreamRequestInfo request) {
        return Decision.allowed();
    }
}
