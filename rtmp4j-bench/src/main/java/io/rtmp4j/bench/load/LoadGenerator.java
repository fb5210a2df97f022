package io.rtmp4j.bench.load;

import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.session.RtmpUrl;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.stream.Collectors;

/**
 * RTMP load generator: many player (or publisher) connections to any RTMP server from one process,
 * on a few NIO selector threads. See {@link #USAGE} and BENCHMARKS.md.
 *
 * <p>A run: connections are opened at {@code --connect-rate}; {@code --settle} seconds after the last
 * one started the measuring window opens, and after {@code --duration} seconds the report is printed (to stdout,
 * ending with one {@code RESULT key=value ...} line for scripts; progress goes to stderr). With
 * {@code --step}, players are added in steps until a step does not keep up, and the largest count that
 * kept up is reported.
 */
public final class LoadGenerator {

    static final String USAGE = """
            usage: java -cp rtmp4j-bench/target/benchmarks.jar io.rtmp4j.bench.load.LoadGenerator [options]
              --url URL              rtmp://host:port/app/stream (required)
              --mode play|publish    players (default) or publishers of --file
              --connections N        number of players / publishers (default 100)
              --threads N            I/O threads (default 2)
              --connect-rate N       new connections per second (default 500)
              --duration S           length of the measuring window (default 20)
              --settle S             wait between the last connection started and the window (default 2)
              --handshake K          digest (default, as ffmpeg) or plain
              --file F               FLV file the publishers send in a loop, paced in real time
              --step N               play mode: after each window add N players, until a window fails
              --max-connections N    upper bound for --step (default 8000)
              --max-lag-ms MS        keep-up criterion: p99 lag at most this (default 500)
              --poll-ms MS           least time between two selects of an I/O thread (default 10): fewer,
                                     larger reads; times are then measured to within that
              --server-pids P,P      also report these processes' CPU ticks (utime+stime) over the window
              --quiet                no progress lines
            publish mode: publisher i publishes <stream>-i when --connections > 1.
            A window "keeps up" when every connection received media in the last 2 s (publishers:
            is on schedule) and the p99 lag is at most --max-lag-ms.
            """;

    private LoadGenerator() {
    }

    /** Parsed command line. */
    record Options(RtmpUrl url, boolean publish, int connections, int threads, int connectRate, int durationSeconds,
                   Handshake.Kind handshake, Path file, int step, int maxConnections, long maxLagMs, int pollMillis,
                   List<Long> serverPids, int settleSeconds, boolean quiet) {

        static Options parse(String[] args) {
            String url = null;
            boolean publish = false;
            int connections = 100;
            int threads = 2;
            int rate = 500;
            int duration = 20;
            Handshake.Kind kind = Handshake.Kind.DIGEST_SCHEME_0;
            Path file = null;
            int step = 0;
            int max = 8000;
            long maxLag = 500;
            int poll = 10;
            List<Long> serverPids = List.of();
            int settle = 2;
            boolean quiet = false;
            for (int i = 0; i < args.length; i++) {
                String a = args[i];
                switch (a) {
                    case "--url" -> url = value(args, ++i, a);
                    case "--mode" -> {
                        String m = value(args, ++i, a);
                        if (!m.equals("play") && !m.equals("publish")) {
                            throw new IllegalArgumentException("--mode must be play or publish: " + m);
                        }
                        publish = m.equals("publish");
                    }
                    case "--connections", "--players", "--publishers" -> connections = intValue(args, ++i, a);
                    case "--threads" -> threads = intValue(args, ++i, a);
                    case "--connect-rate" -> rate = intValue(args, ++i, a);
                    case "--duration" -> duration = intValue(args, ++i, a);
                    case "--handshake" -> {
                        String h = value(args, ++i, a);
                        kind = switch (h) {
                            case "digest" -> Handshake.Kind.DIGEST_SCHEME_0;
                            case "plain" -> Handshake.Kind.PLAIN;
                            default -> throw new IllegalArgumentException("--handshake must be digest or plain: " + h);
                        };
                    }
                    case "--file" -> file = Path.of(value(args, ++i, a));
                    case "--step" -> step = intValue(args, ++i, a);
                    case "--max-connections" -> max = intValue(args, ++i, a);
                    case "--max-lag-ms" -> maxLag = intValue(args, ++i, a);
                    case "--poll-ms" -> poll = intValue(args, ++i, a);
                    case "--server-pids" -> {
                        String v = value(args, ++i, a);
                        try {
                            serverPids = java.util.Arrays.stream(v.split(",")).map(String::trim)
                                    .filter(x -> !x.isEmpty()).map(Long::valueOf).toList();
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(a + " needs comma-separated process ids: " + v);
                        }
                    }
                    case "--settle" -> settle = intValue(args, ++i, a);
                    case "--quiet" -> quiet = true;
                    default -> throw new IllegalArgumentException("unknown option " + a);
                }
            }
            if (url == null) {
                throw new IllegalArgumentException("--url is required");
            }
            if (publish && file == null) {
                throw new IllegalArgumentException("--mode publish needs --file");
            }
            if (connections < 1 || threads < 1 || rate < 1 || duration < 0 || step < 0 || settle < 0 || poll < 0) {
                throw new IllegalArgumentException("counts must be positive");
            }
            RtmpUrl parsed = RtmpUrl.parse(url);
            if (parsed.streamName() == null || parsed.streamName().isEmpty()) {
                throw new IllegalArgumentException("the URL needs a stream name: rtmp://host:port/app/stream");
            }
            return new Options(parsed, publish, connections, threads, rate, duration, kind, file, step, max, maxLag,
                    poll, serverPids, settle, quiet);
        }

        private static String value(String[] args, int i, String name) {
            if (i >= args.length) {
                throw new IllegalArgumentException(name + " needs a value");
            }
            return args[i];
        }

        private static int intValue(String[] args, int i, String name) {
            try {
                return Integer.parseInt(value(args, i, name));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(name + " needs a number: " + args[i]);
            }
        }
    }

    public static void main(String[] args) throws Exception {
        if (args.length == 0 || List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(USAGE);
            return;
        }
        Options o;
        try {
            o = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("error: " + e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
            return;
        }
        System.exit(run(o, System.out, System.err));
    }

    static int run(Options o, PrintStream out, PrintStream err) throws Exception {
        FlvSource source = null;
        if (o.publish()) {
            source = FlvSource.read(o.file());
            err.printf("source %s: %d tags, %.1f s per loop, %.0f kbit/s%n", o.file(), source.size(),
                    source.loopMillis() / 1000.0, source.bitsPerSecond() / 1000);
        }
        List<IoLoop> loops = new ArrayList<>();
        for (int i = 0; i < o.threads(); i++) {
            IoLoop loop = new IoLoop("rtmp-load-" + i, o.pollMillis());
            loop.startThread();
            loops.add(loop);
        }
        MessageCodec codec = new MessageCodec();
        long t0 = System.nanoTime();
        int opened = 0;
        int target = o.connections();
        int lastKeptUp = -1;
        Report report;
        double windowSeconds;
        long windowBytes;
        long windowTicks;
        for (;;) {
            // open connections up to target, at the connect rate
            long rateStart = System.nanoTime();
            int base = opened;
            while (opened < target) {
                long due = rateStart + (long) ((opened - base) * 1e9 / o.connectRate());
                long wait = due - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                Connection c;
                if (o.publish()) {
                    String name = o.connections() > 1 ? o.url().streamName() + "-" + opened : o.url().streamName();
                    c = new PublisherConnection(opened, o.url(), name, o.handshake(), codec, source);
                } else {
                    c = new PlayerConnection(opened, o.url(), o.handshake(), codec);
                }
                loops.get(opened % loops.size()).add(c);
                opened++;
            }
            // settle, then open the measuring window
            progress(o, loops, err, t0, o.settleSeconds());
            long ticks0 = ProcessCpu.ticks(o.serverPids());
            long w0 = System.nanoTime();
            Report open = new Report(sample(loops));
            progress(o, loops, err, t0, o.durationSeconds());
            report = new Report(sample(loops));
            long ticks1 = ProcessCpu.ticks(o.serverPids());
            windowSeconds = (System.nanoTime() - w0) / 1e9;
            windowBytes = o.publish() ? report.bytesOut - open.bytesOut : report.bytesIn - open.bytesIn;
            windowTicks = ticks0 < 0 || ticks1 < 0 ? -1 : ticks1 - ticks0;
            boolean ok = report.keepsUp(o.maxLagMs() * 1000);
            if (o.step() == 0) {
                break;
            }
            err.printf("step %d %s: receiving %d, lag %s%n", target, ok ? "keeps up" : "DOES NOT keep up",
                    report.receiving, report.lagNow.formatMillis());
            out.printf("STEP connections=%d keeps_up=%s %s win_s=%.1f win_bytes=%d srv_ticks_win=%d%n", target, ok,
                    fields(report), windowSeconds, windowBytes, windowTicks);
            if (!ok) {
                break;
            }
            lastKeptUp = target;
            if (target + o.step() > o.maxConnections()) {
                break;
            }
            target += o.step();
        }
        double seconds = (System.nanoTime() - t0) / 1e9;
        out.print(report.text(seconds));
        String extra = o.step() > 0 ? " max_keeping_up=" + Math.max(lastKeptUp, 0) : "";
        out.printf("RESULT mode=%s elapsed_s=%.1f keeps_up=%s %s win_s=%.1f win_bytes=%d srv_ticks_win=%d%s%n",
                o.publish() ? "publish" : "play", seconds, report.keepsUp(o.maxLagMs() * 1000), fields(report),
                windowSeconds, windowBytes, windowTicks, extra);
        out.flush();
        for (IoLoop loop : loops) {
            loop.shutdown();
        }
        return 0;
    }

    private static String fields(Report r) {
        return r.fields().entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(" "));
    }

    /** Samples every connection on its own thread. */
    static List<Sample> sample(List<IoLoop> loops) throws InterruptedException, ExecutionException, TimeoutException {
        List<CompletableFuture<List<Sample>>> parts = new ArrayList<>();
        for (IoLoop loop : loops) {
            parts.add(loop.query(cs -> {
                long now = Connection.nowUs();
                List<Sample> s = new ArrayList<>(cs.size());
                for (Connection c : cs) {
                    s.add(Sample.of(c, now));
                }
                return s;
            }));
        }
        List<Sample> all = new ArrayList<>();
        for (CompletableFuture<List<Sample>> p : parts) {
            all.addAll(p.get(30, TimeUnit.SECONDS));
        }
        return all;
    }

    /** Waits {@code seconds}, printing one progress line per second unless quiet. */
    private static void progress(Options o, List<IoLoop> loops, PrintStream err, long t0, int seconds)
            throws InterruptedException, ExecutionException, TimeoutException {
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        long lastBytes = -1;
        long lastTime = System.nanoTime();
        while (System.nanoTime() < end) {
            TimeUnit.MILLISECONDS.sleep(Math.min(1000, Math.max(1, (end - System.nanoTime()) / 1_000_000)));
            if (o.quiet()) {
                continue;
            }
            long[] agg = aggregate(loops);
            long now = System.nanoTime();
            long bytes = o.publish() ? agg[4] : agg[3];
            double rate = lastBytes < 0 ? 0 : (bytes - lastBytes) * 8 / 1e6 / ((now - lastTime) / 1e9);
            lastBytes = bytes;
            lastTime = now;
            err.printf("[%5.1f s] connections %d, active %d, receiving %d, failed %d, %.0f Mbit/s%n",
                    (now - t0) / 1e9, agg[0], agg[1], agg[2], agg[5], rate);
        }
    }

    /** {connections, active, receiving, bytesIn, bytesOut, failed} without resetting lag windows. */
    private static long[] aggregate(List<IoLoop> loops) throws InterruptedException, ExecutionException, TimeoutException {
        long[] total = new long[6];
        List<CompletableFuture<long[]>> parts = new ArrayList<>();
        for (IoLoop loop : loops) {
            parts.add(loop.query(cs -> {
                long now = Connection.nowUs();
                long[] a = new long[6];
                for (Connection c : cs) {
                    a[0]++;
                    if (c.state == Connection.State.ACTIVE) {
                        a[1]++;
                    }
                    if (c instanceof PlayerConnection p ? !p.ended() && p.media.receiving(now, Sample.RECEIVING_WINDOW_US)
                            : ((PublisherConnection) c).publishing()) {
                        a[2]++;
                    }
                    a[3] += c.bytesIn;
                    a[4] += c.bytesOut;
                    if (c.state == Connection.State.FAILED) {
                        a[5]++;
                    }
                }
                return a;
            }));
        }
        for (CompletableFuture<long[]> p : parts) {
            long[] a = p.get(30, TimeUnit.SECONDS);
            for (int i = 0; i < total.length; i++) {
                total[i] += a[i];
            }
        }
        return total;
    }

    /** For tests: the report fields as a map. */
    static Map<String, String> fieldsOf(Report r) {
        return r.fields();
    }
}
