package io.rtmp4j.server.auth;

import io.rtmp4j.server.AccessControl;
import io.rtmp4j.server.ClientInfo;
import io.rtmp4j.server.Decision;
import io.rtmp4j.server.StreamRequestInfo;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.function.BiFunction;

/**
 * Several access controls that must all allow, asked one after the other: the first deny ends the chain
 * with that deny; a rename makes the next controls see the new name, and the last rename is the
 * decision. The usual chain is the built-in rules first, then the HTTP hooks, so that a request the
 * rules refuse never reaches the backend:
 *
 * <pre>{@code
 * LiveServer.builder().access(AccessChain.of(rules, hooks)).events(hooks).start();
 * }</pre>
 */
public final class AccessChain implements AccessControl {

    private final List<AccessControl> controls;

    private AccessChain(List<AccessControl> controls) {
        this.controls = controls;
    }

    /**
     * A chain of controls, asked in this order.
     *
     * @param controls the controls, at least one
     * @return the chain
     * @throws IllegalArgumentException if there is no control
     */
    public static AccessChain of(AccessControl... controls) {
        if (controls.length == 0) {
            throw new IllegalArgumentException("an access chain needs at least one access control");
        }
        return new AccessChain(List.of(controls));
    }

    /**
     * Asks each control in turn; a rename counts as allow.
     *
     * @param client the connection
     * @return the first deny, or allow
     */
    @Override
    public CompletionStage<Decision> connect(ClientInfo client) {
        return connect(0, client);
    }

    private CompletionStage<Decision> connect(int i, ClientInfo client) {
        if (i == controls.size()) {
            return Decision.allowed();
        }
        return controls.get(i).connect(client).thenCompose(d -> d instanceof Decision.Deny ? done(d)
                : connect(i + 1, client));
    }

    /**
     * Asks each control in turn, each with the name the previous ones left.
     *
     * @param request the publish
     * @return the first deny, or the last rename, or allow
     */
    @Override
    public CompletionStage<Decision> publish(StreamRequestInfo request) {
        return stream(0, request, Decision.allow(), AccessControl::publish);
    }

    /**
     * Asks each control in turn, each with the name the previous ones left.
     *
     * @param request the play
     * @return the first deny, or the last rename, or allow
     */
    @Override
    public CompletionStage<Decision> play(StreamRequestInfo request) {
        return stream(0, request, Decision.allow(), AccessControl::play);
    }

    private CompletionStage<Decision> stream(int i, StreamRequestInfo request, Decision sofar,
                                             BiFunction<AccessControl, StreamRequestInfo,
                                                     CompletionStage<Decision>> ask) {
        if (i == controls.size()) {
            return done(sofar);
        }
        return ask.apply(controls.get(i), request).thenCompose(d -> {
            if (d instanceof Decision.Deny) {
                return done(d);
            }
            if (d instanceof Decision.Rename rn) {
                StreamRequestInfo renamed = new StreamRequestInfo(request.client(), request.app(), rn.streamName(),
                        request.query(), request.params());
                return stream(i + 1, renamed, d, ask);
            }
            return stream(i + 1, request, sofar, ask);
        });
    }

    private static CompletionStage<Decision> done(Decision d) {
        return java.util.concurrent.CompletableFuture.completedFuture(d);
    }

    /**
     * Names the controls of the chain.
     *
     * @return a description
     */
    @Override
    public String toString() {
        return "AccessChain" + controls;
    }
}
