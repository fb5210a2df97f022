package io.rtmp4j.session;

import java.util.concurrent.atomic.AtomicBoolean;

/**
 * The decide-once rule of a request ({@link ConnectRequest}, {@link PlayRequest}, {@link PublishRequest}:
 * accept or reject, exactly one time, rtmp-1.0.txt §7.2.1.1 / §7.2.2), safe from any thread: the check
 * happens in the caller's thread, before the decision travels to the session's own thread
 * ({@link ServerSession#decisionExecutor}).
 */
final class DecideOnce {

    private final AtomicBoolean decided = new AtomicBoolean();
    private final String kind;

    DecideOnce(String kind) {
        this.kind = kind;
    }

    boolean isDecided() {
        return decided.get();
    }

    /**
     * Marks the request decided.
     *
     * @throws IllegalStateException if already decided
     */
    void mark() {
        if (!decided.compareAndSet(false, true)) {
            throw new IllegalStateException(kind + " request already decided");
        }
    }
}
