package io.rtmp4j.server.http;

import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.MultiCollector;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.CounterSnapshot;
import io.prometheus.metrics.model.snapshots.CounterSnapshot.CounterDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot;
import io.prometheus.metrics.model.snapshots.GaugeSnapshot.GaugeDataPointSnapshot;
import io.prometheus.metrics.model.snapshots.Labels;
import io.prometheus.metrics.model.snapshots.MetricSnapshots;
import io.rtmp4j.server.ClientInfo;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.server.StreamRequestInfo;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

/**
 * Prometheus metrics of a {@link LiveServer}, in a registry of their own (not the client's default
 * registry, so two servers in one JVM, or a test, do not mix). It is a {@link ServerEvents} listener:
 * give it to the server's builder (with {@link ServerEvents#all} next to other listeners); it reads the
 * server itself once told which with {@link #observe(LiveServer)}, which {@link HttpApiServer} does when it
 * starts:
 *
 * <pre>{@code
 * ServerMetrics metrics = new ServerMetrics();
 * LiveServer server = LiveServer.builder().port(1935).events(ServerEvents.all(metrics, hooks)).start();
 * HttpApiServer api = HttpApiServer.builder(server).metrics(metrics).port(8080).start(); // observes server
 * }</pre>
 *
 * <p>The metrics, in the names the text exposition format shows:
 * <ul>
 * <li>counted from the events, as they happen: {@value #CONNECTIONS_ACCEPTED}{@code _total} (every
 *     accepted TCP connection), {@value #PUBLISHES}{@code _total{app}} and {@value #PLAYS}{@code _total{app}}
 *     (publications and playbacks started, that is answered with {@code Publish.Start} / {@code Play.Start}),
 *     {@value #RECORDINGS}{@code _total{app}} (recordings closed);</li>
 * <li>read from the server's registry ({@link LiveServer#connections()}, {@link LiveServer#streams()}) once
 *     per scrape, so they cannot drift from what the JSON API shows: the gauges
 *     {@value #CONNECTIONS_OPEN}, {@value #STREAMS_LIVE}{@code {app}} (streams with a publisher) and
 *     {@value #PLAYERS}{@code {app}}; and, per published stream, the counters
 *     {@value #STREAM_MESSAGES}{@code _total{app,stream}} and {@value #STREAM_BYTES}{@code _total{app,stream}}
 *     (audio, video and data messages and their payload bytes received from the current publisher; they
 *     start again at 0 with a new publication, which Prometheus' {@code rate()} takes as a counter
 *     reset, and the series goes away when the publication ends).</li>
 * </ul>
 *
 * <p>Label cardinality is bounded, since clients choose app and stream names. The {@code app} label takes
 * at most {@code maxApps} distinct values over the life of this object (the first ones seen); any later
 * application is counted under {@value #OTHER}. The {@code stream} label appears only on the two
 * per-stream counters, for at most {@code maxStreamSeries} published streams per scrape (the first by app
 * and name); {@value #STREAM_SERIES_OMITTED} tells how many published streams were left out of a scrape.
 * No JVM metrics are registered (add the client's JVM instrumentation to {@link #registry()} if wanted).
 *
 * <p>Threading: the events are counted without locks on the connections' event loops; {@link #writeTo}
 * may be called from any thread but the server's event loops.
 */
public final class ServerMetrics implements ServerEvents {

    /** Gauge: the RTMP connections open now. */
    public static final String CONNECTIONS_OPEN = "rtmp4j_connections_open";
    /** Counter (exposed with {@code _total}): TCP connections accepted since the start. */
    public static final String CONNECTIONS_ACCEPTED = "rtmp4j_connections_accepted";
    /** Counter (exposed with {@code _total}), by app: publications started. */
    public static final String PUBLISHES = "rtmp4j_publishes";
    /** Counter (exposed with {@code _total}), by app: playbacks started. */
    public static final String PLAYS = "rtmp4j_plays";
    /** Counter (exposed with {@code _total}), by app: recordings closed. */
    public static final String RECORDINGS = "rtmp4j_recordings";
    /** Gauge, by app: streams that have a publisher now. */
    public static final String STREAMS_LIVE = "rtmp4j_streams_live";
    /** Gauge, by app: players now (of published streams and of streams waited for). */
    public static final String PLAYERS = "rtmp4j_players";
    /** Counter (exposed with {@code _total}), by app and stream: messages received from the publisher. */
    public static final String STREAM_MESSAGES = "rtmp4j_stream_received_messages";
    /** Counter (exposed with {@code _total}), by app and stream: payload bytes received from the publisher. */
    public static final String STREAM_BYTES = "rtmp4j_stream_received_bytes";
    /** Gauge: published streams left out of the per-stream counters by the series limit. */
    public static final String STREAM_SERIES_OMITTED = "rtmp4j_stream_series_omitted";
    /** The {@code app} label of every application past the limit. */
    public static final String OTHER = "_other";
    /** The default limit of distinct {@code app} label values. */
    public static final int DEFAULT_MAX_APPS = 100;
    /** The default limit of streams with per-stream series in one scrape. */
    public static final int DEFAULT_MAX_STREAM_SERIES = 200;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter text = PrometheusTextFormatWriter.create();
    private final AppLabels apps;
    private final int maxStreamSeries;
    private final Counter accepted;
    private final Counter publishes;
    private final Counter plays;
    private final Counter recordings;
    private volatile LiveServer server;

    /** Metrics with the default limits ({@value #DEFAULT_MAX_APPS} apps, {@value #DEFAULT_MAX_STREAM_SERIES} streams). */
    public ServerMetrics() {
        this(DEFAULT_MAX_APPS, DEFAULT_MAX_STREAM_SERIES);
    }

    /**
     * Metrics with the given label limits.
     *
     * @param maxApps         distinct {@code app} label values before {@value #OTHER} is used, at least 1
     * @param maxStreamSeries published streams with per-stream series in one scrape, 0 for none
     * @throws IllegalArgumentException if a limit is out of range
     */
    public ServerMetrics(int maxApps, int maxStreamSeries) {
        if (maxApps < 1 || maxStreamSeries < 0) {
            throw new IllegalArgumentException("maxApps must be >= 1 and maxStreamSeries >= 0: " + maxApps
                    + ", " + maxStreamSeries);
        }
        this.apps = new AppLabels(maxApps);
        this.maxStreamSeries = maxStreamSeries;
        accepted = Counter.builder().name(CONNECTIONS_ACCEPTED).help("RTMP connections accepted").register(registry);
        publishes = Counter.builder().name(PUBLISHES).help("Publications started").labelNames("app")
                .register(registry);
        plays = Counter.builder().name(PLAYS).help("Playbacks started").labelNames("app").register(registry);
        recordings = Counter.builder().name(RECORDINGS).help("Recordings closed").labelNames("app")
                .register(registry);
        registry.register((MultiCollector) this::collectLive);
    }

    /**
     * The server whose connections and streams the scrape-time metrics read; until this is called they
     * are not reported.
     *
     * @param liveServer the server this object is the events listener of
     * @return this
     */
    public ServerMetrics observe(LiveServer liveServer) {
        this.server = Objects.requireNonNull(liveServer, "liveServer");
        return this;
    }

    /**
     * The registry holding every metric here, for another exporter or for metrics of your own.
     *
     * @return this object's registry
     */
    public PrometheusRegistry registry() {
        return registry;
    }

    /**
     * The Content-Type of what {@link #writeTo} writes.
     *
     * @return the client's type for the Prometheus text format ({@code text/plain; version=0.0.4; charset=utf-8})
     */
    public String contentType() {
        return text.getContentType();
    }

    /**
     * Scrapes the registry and writes it in the Prometheus text exposition format.
     *
     * @param out where to write; not closed
     * @throws IOException if {@code out} fails
     */
    public void writeTo(OutputStream out) throws IOException {
        text.write(out, registry.scrape());
    }

    @Override
    public void onConnect(ClientInfo client) {
        accepted.inc();
    }

    @Override
    public void onPublishStart(StreamRequestInfo publish) {
        publishes.labelValues(apps.label(publish.app())).inc();
    }

    @Override
    public void onPlayStart(StreamRequestInfo play) {
        plays.labelValues(apps.label(play.app())).inc();
    }

    @Override
    public void onRecordDone(StreamRequestInfo publish, Path file, Duration duration) {
        recordings.labelValues(apps.label(publish.app())).inc();
    }

    /** The metrics read from the server: one snapshot of its connections and of its streams per scrape. */
    private MetricSnapshots collectLive() {
        LiveServer s = server;
        if (s == null) {
            return new MetricSnapshots();
        }
        int connections = s.connections().size();
        List<LiveServer.StreamInfo> streams = s.streams(); // sorted by app and name
        Map<String, long[]> byApp = new TreeMap<>(); // app label -> {live streams, players}
        CounterSnapshot.Builder messages = CounterSnapshot.builder().name(STREAM_MESSAGES)
                .help("Messages received from the current publisher of the stream");
        CounterSnapshot.Builder bytes = CounterSnapshot.builder().name(STREAM_BYTES)
                .help("Payload bytes received from the current publisher of the stream");
        int series = 0;
        int omitted = 0;
        for (LiveServer.StreamInfo info : streams) {
            String app = apps.label(info.app());
            long[] counts = byApp.computeIfAbsent(app, a -> new long[2]);
            counts[1] += info.players();
            if (info.publisher().isEmpty()) {
                continue;
            }
            counts[0]++;
            if (series < maxStreamSeries) {
                series++;
                Labels labels = Labels.of("app", app, "stream", info.stream());
                messages.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(info.messagesIn()).build());
                bytes.dataPoint(CounterDataPointSnapshot.builder().labels(labels).value(info.bytesIn()).build());
            } else {
                omitted++;
            }
        }
        GaugeSnapshot.Builder live = GaugeSnapshot.builder().name(STREAMS_LIVE).help("Streams with a publisher");
        GaugeSnapshot.Builder players = GaugeSnapshot.builder().name(PLAYERS).help("Players connected to streams");
        for (Map.Entry<String, long[]> e : byApp.entrySet()) {
            Labels labels = Labels.of("app", e.getKey());
            live.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(e.getValue()[0]).build());
            players.dataPoint(GaugeDataPointSnapshot.builder().labels(labels).value(e.getValue()[1]).build());
        }
        return MetricSnapshots.of(
                GaugeSnapshot.builder().name(CONNECTIONS_OPEN).help("RTMP connections open")
                        .dataPoint(GaugeDataPointSnapshot.builder().value(connections).build()).build(),
                live.build(), players.build(), messages.build(), bytes.build(),
                GaugeSnapshot.builder().name(STREAM_SERIES_OMITTED)
                        .help("Published streams left out of the per-stream series by the limit")
                        .dataPoint(GaugeDataPointSnapshot.builder().value(omitted).build()).build());
    }

    /** The values the {@code app} label may take: the first {@code max} applications seen, then {@value #OTHER}. */
    private static final class AppLabels {
        private final int max;
        private final Set<String> known = new HashSet<>();

        AppLabels(int max) {
            this.max = max;
        }

        synchronized String label(String app) {
            if (known.contains(app)) {
                return app;
            }
            if (known.size() < max) {
                known.add(app);
                return app;
            }
            return OTHER;
        }
    }
}
