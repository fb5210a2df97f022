package io.rtmp4j.netty.client;

import io.netty.util.concurrent.BlockingOperationException;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.EventExecutorGroup;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The futures of the client ({@link RtmpClient#connect}, {@link RtmpClientConnection#close},
 * {@link RtmpPlayer#close}, ...): a {@link CompletableFuture} that an event loop of the client completes,
 * and that refuses a blocking wait ({@link #get()}, {@link #get(long, TimeUnit)}, {@link #join()}) on
 * one of those event loops while it is not done. Every callback of a connection ({@link PlayListener},
 * reconnect listeners, the dependent actions of these futures) runs on its event loop, and the loop that
 * would complete the future cannot while it waits: the wait would never end. It throws at once instead,
 * as Netty's own futures do ({@link BlockingOperationException}, an {@link IllegalStateException}).
 * Dependent futures ({@code thenApply}, {@code thenCompose}, ...) behave the same.
 *
 * @param <T> the result type
 */
final class EventLoopFuture<T> extends CompletableFuture<T> {

    private final EventExecutorGroup loops;

    /** A future completed on one of {@code loops} (a single event loop is a group of one). */
    EventLoopFuture(EventExecutorGroup loops) {
        this.loops = Objects.requireNonNull(loops, "loops");
    }

    @Override
    public <U> CompletableFuture<U> newIncompleteFuture() {
        return new EventLoopFuture<>(loops);
    }

    @Override
    public T get() throws InterruptedException, ExecutionException {
        refuseBlockingOnTheLoop();
        return super.get();
    }

    @Override
    public T get(long timeout, TimeUnit unit) throws InterruptedException, ExecutionException, TimeoutException {
        refuseBlockingOnTheLoop();
        return super.get(timeout, unit);
    }

    @Override
    public T join() {
        refuseBlockingOnTheLoop();
        return super.join();
    }

    private void refuseBlockingOnTheLoop() {
        if (isDone()) {
            return;
        }
        for (EventExecutor loop : loops) {
            if (loop.inEventLoop()) {
                throw new BlockingOperationException("waiting for this future on " + Thread.currentThread().getName()
                        + ", the event loop that must complete it, would never end (every callback of an RTMP "
                        + "client connection runs on its event loop): do not block in a callback, continue "
                        + "with thenAccept / thenRun / whenComplete instead");
            }
        }
    }
}
