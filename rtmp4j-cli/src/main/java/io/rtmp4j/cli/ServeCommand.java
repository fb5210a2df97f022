package io.rtmp4j.cli;

import io.rtmp4j.chunk.ChunkLimits;
import io.rtmp4j.cli.config.AppsConfig;
import io.rtmp4j.cli.config.AppsControl;
import io.rtmp4j.cli.config.ConfigException;
import io.rtmp4j.cli.config.ServeConfig;
import io.rtmp4j.netty.RtmpServer;
import io.rtmp4j.server.HubConfig;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.server.http.HttpApiServer;
import io.rtmp4j.server.http.ServerMetrics;
import io.rtmp4j.session.ServerSessionConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code rtmp4j serve}: runs the live server until interrupted (SIGINT / SIGTERM). */
@Command(name = "serve", mixinStandardHelpOptions = true, sortOptions = false,
        description = {"Run the live RTMP server: encoders publish to rtmp://HOST:PORT/APP/STREAM, players play the same URL.",
            "Ctrl-C or SIGTERM ends every publication (closing recordings) and stops."})
public final class ServeCommand implements Callable<Integer> {

    @Option(names = "--config", paramLabel = "FILE",
            description = "Read the settings from this YAML file: every option is a key (rtmp-port: 1935), plus "
                    + "per-application sections; options given here override the file. 'rtmp4j config example' "
                    + "prints one.")
    Path config;

    /** The file given with {@code --config}, read by {@link Main} before the options are parsed. */
    ServeConfig loaded;

    @Option(names = "--bind", paramLabel = "ADDR", defaultValue = "0.0.0.0",
            description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String bind;

    @Option(names = "--rtmp-port", paramLabel = "PORT", defaultValue = "1935",
            description = "RTMP port; 0 picks a free one (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--rtmps-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Also serve RTMPS (RTMP inside TLS) on this port, e.g. 1936 or 443; needs --tls-cert and "
                    + "--tls-key; -1 = off (default: ${DEFAULT-VALUE}).")
    int rtmpsPort;

    @Option(names = "--tls-cert", paramLabel = "FILE",
            description = "The RTMPS certificate chain, PEM (e.g. Let's Encrypt's fullchain.pem).")
    Path tlsCert;

    @Option(names = "--tls-key", paramLabel = "FILE",
            description = "The RTMPS private key, PEM, PKCS#8 unencrypted (e.g. Let's Encrypt's privkey.pem).")
    Path tlsKey;

    @Option(names = "--http-port", paramLabel = "PORT", defaultValue = "-1",
            description = "Serve the HTTP API (/api/v1/...) and Prometheus metrics (/metrics) on this port, e.g. "
                    + "8080; 0 picks a free one; -1 = off (default: ${DEFAULT-VALUE}).")
    int httpPort;

    @Option(names = "--http-bind", paramLabel = "ADDR",
            description = "Address of the HTTP listener (default: the --bind address).")
    String httpBind;

    @Option(names = "--api-token", paramLabel = "TOKEN",
            description = "Require 'Authorization: Bearer TOKEN' on every /api request (default: the API is open; "
                    + "/metrics stays open).")
    String apiToken;

    @Option(names = "--record", paramLabel = "DIR",
            description = "Record each publication to DIR/<app>/<stream>-<UTC time>.flv (default: off).")
    Path record;

    @Option(names = "--no-gop-cache", description = "Do not send late joiners the frames since the last keyframe "
            + "(they then wait for the next one). Default: the GOP cache is on.")
    boolean noGopCache;

    @Option(names = "--max-gop-bytes", paramLabel = "BYTES", defaultValue = "" + HubConfig.DEFAULT_MAX_GOP_BYTES,
            description = "Largest GOP kept for late joiners (default: ${DEFAULT-VALUE}).")
    long maxGopBytes;

    @Option(names = "--handshake-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Time allowed for the handshake and connect (default: ${DEFAULT-VALUE}).")
    double handshakeTimeout;

    @Option(names = "--idle-timeout", paramLabel = "SECONDS", defaultValue = "60",
            description = "Close a connection that sends nothing (answers no ping) for this long (default: ${DEFAULT-VALUE}).")
    double idleTimeout;

    @Option(names = "--publisher-timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "Drop a publisher that sends no media for this long, freeing its stream name "
                    + "(default: ${DEFAULT-VALUE}).")
    double publisherTimeout;

    @Option(names = "--player-queue-bytes", paramLabel = "BYTES", defaultValue = "" + HubConfig.DEFAULT_PLAYER_QUEUE_BYTES,
            description = "Bytes queued to a player before its frames are dropped down to the next keyframe "
                    + "(default: ${DEFAULT-VALUE}).")
    int playerQueueBytes;

    @Option(names = "--player-max-lag", paramLabel = "SECONDS", defaultValue = "10",
            description = "Disconnect a player that has been losing frames for this long (default: ${DEFAULT-VALUE}).")
    double playerMaxLag;

    @Option(names = "--flush-delay-ms", paramLabel = "MS", defaultValue = "" + HubConfig.DEFAULT_FLUSH_DELAY_MS,
            description = "Let a player's frames wait up to this long to be written together (fewer system calls; "
                    + "0 = write at once) (default: ${DEFAULT-VALUE}).")
    int flushDelayMs;

    @Option(names = "--max-frame-age-ms", paramLabel = "MS", defaultValue = "" + HubConfig.DEFAULT_MAX_FRAME_AGE_MS,
            description = "Drop a live audio or video frame that waited longer than this inside the server (the "
                    + "machine overloaded), down to the next keyframe, so players stay near the live edge; a "
                    + "player that gets only such frames for --player-max-lag is disconnected. Sequence "
                    + "headers, metadata and a joiner's cached GOP are never dropped (default: ${DEFAULT-VALUE}).")
    int maxFrameAgeMs;

    @Option(names = "--chunk-size", paramLabel = "BYTES",
            defaultValue = "" + ServerSessionConfig.DEFAULT_CHUNK_SIZE,
            description = "Outbound chunk size (default: ${DEFAULT-VALUE}).")
    int chunkSize;

    @Option(names = "--max-input-buffer", paramLabel = "BYTES", defaultValue = "8388608",
            description = "Most bytes of partly received messages one connection may make the server hold; also "
                    + "the largest message accepted. 8 MiB holds the largest keyframes of 4K encoders "
                    + "(nginx-rtmp's 1 MB max_message drops them) (default: ${DEFAULT-VALUE}).")
    int maxInputBuffer;

    @Option(names = "--max-connections", paramLabel = "N",
            defaultValue = "" + RtmpServer.Settings.DEFAULT_MAX_CONNECTIONS,
            description = "Connections beyond this are closed at once (default: ${DEFAULT-VALUE}).")
    int maxConnections;

    @Option(names = "--io-threads", paramLabel = "N", defaultValue = "0",
            description = "Event loop threads; 0 = one per core (default: ${DEFAULT-VALUE}).")
    int ioThreads;

    @Option(names = "--io-period-ms", paramLabel = "MS",
            defaultValue = "" + RtmpServer.Settings.DEFAULT_IO_PERIOD_MS,
            description = "While busy, each event loop polls its sockets at most once per this period: fewer "
                    + "system calls per byte, at most this much added latency per hop; 0 = poll at once "
                    + "(default: ${DEFAULT-VALUE}).")
    int ioPeriodMs;

    private static Duration seconds(double s) {
        return Duration.ofMillis(Math.round(s * 1000));
    }

    /** The hub settings the options give. */
    HubConfig hubConfig() {
        return HubConfig.defaults().withGopCache(!noGopCache).withMaxGopBytes(maxGopBytes)
                .withPublisherSilenceTimeout(seconds(publisherTimeout)).withPlayerMaxLag(seconds(playerMaxLag))
                .withPlayerQueueBytes(playerQueueBytes).withFlushDelay(Duration.ofMillis(flushDelayMs))
                .withMaxFrameAge(Duration.ofMillis(maxFrameAgeMs));
    }

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(ServeCommand.class);

    /** Reads the config file again and puts its apps section in force (SIGHUP, POST /api/v1/reload). */
    private String reload(AppsControl apps) {
        String result = apps.reload(config, ConfigCommand.serveSpec());
        LOG.info("reloaded {}", result);
        return result;
    }

    /** Runs {@code action} on each SIGHUP (where the JVM lets a program handle it). */
    private static void onSighup(Runnable action) {
        try {
            sun.misc.Signal.handle(new sun.misc.Signal("HUP"), signal -> action.run());
        } catch (IllegalArgumentException | UnsupportedOperationException | LinkageError e) {
            LOG.warn("SIGHUP cannot be handled here ({}); use POST /api/v1/reload", e.toString());
        }
    }

    @Override
    public Integer call() throws Exception {
        RtmpServer.Settings d = RtmpServer.Settings.defaults();
        RtmpServer.Settings transport = new RtmpServer.Settings(bind, port,
                ServerSessionConfig.defaults().withChunkSize(chunkSize).withChunkLimits(ChunkLimits.defaults()
                        .withMaxBufferedBytes(maxInputBuffer)
                        .withMaxMessageSize(Math.min(maxInputBuffer, ChunkLimits.DEFAULT_MAX_MESSAGE_SIZE))),
                seconds(handshakeTimeout),
                seconds(idleTimeout), d.closeTimeout(), d.writeLowWaterMark(), d.writeHighWaterMark(),
                maxConnections, ioThreads, Duration.ofMillis(ioPeriodMs));
        HubConfig hub = hubConfig();
        ServerMetrics metrics = new ServerMetrics();
        AppsControl apps = new AppsControl(loaded != null ? loaded.apps() : AppsConfig.NONE);
        LiveServer.Builder builder = LiveServer.builder().transport(transport).hub(hub).recordTo(record)
                .access(apps).events(ServerEvents.all(metrics, apps));
        if (rtmpsPort >= 0) {
            if (tlsCert == null || tlsKey == null) {
                System.err.println("rtmp4j: --rtmps-port needs --tls-cert and --tls-key");
                return 2;
            }
            try {
                builder.tls(RtmpServer.Tls.fromPem(rtmpsPort, tlsCert, tlsKey));
            } catch (IllegalArgumentException e) {
                System.err.println("rtmp4j: " + e.getMessage());
                return 1;
            }
        }
        LiveServer server = builder.start();
        HttpApiServer api = null;
        if (httpPort >= 0) {
            try {
                HttpApiServer.Builder b = HttpApiServer.builder(server).bind(httpBind != null ? httpBind : bind)
                        .port(httpPort).bearerToken(apiToken).metrics(metrics);
                if (config != null) {
                    b.onReload(() -> reload(apps));
                }
                api = b.start();
            } catch (RuntimeException e) {
                server.close();
                System.err.println("rtmp4j: cannot serve HTTP: " + e.getMessage());
                return 1;
            }
        }
        HttpApiServer http = api;
        if (config != null) {
            onSighup(() -> {
                try {
                    reload(apps);
                } catch (ConfigException e) {
                    LOG.warn("reload refused, the configuration in force stays: {}", e.getMessage());
                }
            });
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (http != null) {
                http.close();
            }
            server.close();
            apps.close();
            stopped.countDown();
        }, "rtmp4j-shutdown"));
        System.out.println("rtmp4j: serving rtmp://" + bind + ":" + server.port() + "/<app>/<stream>"
                + (rtmpsPort >= 0 ? " and rtmps://" + bind + ":" + server.tlsPort() + "/<app>/<stream>" : "")
                + (http != null ? ", HTTP API and metrics on http://" + (httpBind != null ? httpBind : bind) + ":"
                        + http.port() + "/" : "")
                + (record != null ? ", recording to " + record.toAbsolutePath() : ""));
        System.out.flush();
        stopped.await();
        return 0;
    }
}
