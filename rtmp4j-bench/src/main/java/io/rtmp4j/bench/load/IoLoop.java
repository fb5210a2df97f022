package io.rtmp4j.bench.load;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.locks.LockSupport;
import java.util.function.Function;

/**
 * One I/O thread of the load generator: a {@link Selector} over its connections, one direct read
 * buffer shared by all of them (the chunk decoder copies what it keeps), and a timer for publishers'
 * pacing. Other threads talk to it only through {@link #execute(Runnable)}.
 */
final class IoLoop implements Runnable {

    private static final ThreadLocal<IoLoop> CURRENT = new ThreadLocal<>();
    private static final int READ_BUFFER = 64 * 1024;

    final ByteBuffer readBuffer = ByteBuffer.allocateDirect(READ_BUFFER);
    private final Selector selector;
    private final ConcurrentLinkedQueue<Runnable> tasks = new ConcurrentLinkedQueue<>();
    private final List<Connection> connections = new ArrayList<>();
    private final List<PublisherConnection> publishers = new ArrayList<>();
    private final Thread thread;
    private volatile boolean running = true;
    /** Shortest time between two selects, ns: lets data gather in socket buffers so reads are larger. */
    private final long pollIntervalNanos;

    IoLoop(String name) {
        this(name, 0);
    }

    /**
     * @param pollIntervalMillis minimum time between selects (0: select as soon as the previous round is
     *                           done). A few ms cut the number of wakeups and reads per byte several
     *                           times; the figures measured then have that much more granularity.
     */
    IoLoop(String name, int pollIntervalMillis) {
        this.pollIntervalNanos = pollIntervalMillis * 1_000_000L;
        try {
            selector = Selector.open();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        thread = new Thread(this, name);
        thread.setDaemon(true);
    }

    static IoLoop current() {
        return CURRENT.get();
    }

    void startThread() {
        thread.start();
    }

    void execute(Runnable task) {
        tasks.add(task);
        selector.wakeup();
    }

    /** Starts {@code c} on this loop. */
    void add(Connection c) {
        execute(() -> {
            connections.add(c);
            if (c instanceof PublisherConnection p) {
                publishers.add(p);
            }
            c.start(selector);
        });
    }

    /** Runs {@code f} over this loop's connections on its thread. */
    <T> CompletableFuture<T> query(Function<List<Connection>, T> f) {
        CompletableFuture<T> result = new CompletableFuture<>();
        execute(() -> {
            try {
                result.complete(f.apply(connections));
            } catch (RuntimeException e) {
                result.completeExceptionally(e);
            }
        });
        return result;
    }

    /** Closes every connection and ends the thread. */
    void shutdown() throws InterruptedException {
        execute(() -> {
            for (Connection c : connections) {
                c.close();
            }
            running = false;
        });
        thread.join(10_000);
    }

    @Override
    public void run() {
        CURRENT.set(this);
        try {
            long roundStart = System.nanoTime();
            while (running) {
                if (pollIntervalNanos > 0) {
                    long wait = roundStart + pollIntervalNanos - System.nanoTime();
                    if (wait > 0) {
                        LockSupport.parkNanos(wait);
                    }
                    roundStart = System.nanoTime();
                }
                for (Runnable r; (r = tasks.poll()) != null; ) {
                    r.run();
                }
                long timeoutMs = 100;
                if (!publishers.isEmpty()) {
                    long now = Connection.nowUs();
                    long next = Long.MAX_VALUE;
                    for (PublisherConnection p : publishers) {
                        next = Math.min(next, p.nextDueUs());
                    }
                    if (next != Long.MAX_VALUE) {
                        timeoutMs = Math.max(0, Math.min(100, (next - now) / 1000));
                    }
                }
                if (timeoutMs == 0) {
                    selector.selectNow(IoLoop::onKey);
                } else {
                    selector.select(IoLoop::onKey, timeoutMs);
                }
                if (!publishers.isEmpty()) {
                    long now = Connection.nowUs();
                    for (PublisherConnection p : publishers) {
                        if (p.nextDueUs() <= now) {
                            try {
                                p.pump(now);
                            } catch (IOException e) {
                                p.fail(String.valueOf(e.getMessage()));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            try {
                selector.close();
            } catch (IOException ignored) {
                // ending
            }
        }
    }

    private static void onKey(SelectionKey key) {
        ((Connection) key.attachment()).onSelected();
    }
}
