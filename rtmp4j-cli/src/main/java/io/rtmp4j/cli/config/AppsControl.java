package io.rtmp4j.cli.config;

import io.rtmp4j.server.AccessControl;
import io.rtmp4j.server.ClientInfo;
import io.rtmp4j.server.Decision;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.server.StreamRequestInfo;
import io.rtmp4j.server.auth.AccessChain;
import io.rtmp4j.server.auth.HttpHooks;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * The server's access control and hook notifications from the {@code apps} section, replaceable while
 * the server runs ({@link #replace}, on SIGHUP or {@code POST /api/v1/reload}): the rules and hooks in
 * force decide each new request; a decision already asked of the old ones completes with them, and the
 * old hooks' client is closed once their requests can no longer be pending.
 */
public final class AppsControl implements AccessControl, ServerEvents, AutoCloseable {

    /** What is in force: the rules, then the hooks. */
    private record State(AppsConfig apps, AccessControl access, HttpHooks hooks) {
        static State of(AppsConfig apps) {
            HttpHooks hooks = apps.hooks().isEmpty() ? null : new HttpHooks(apps.hooks());
            AccessControl access = hooks == null ? apps.accessRules() : AccessChain.of(apps.accessRules(), hooks);
            return new State(apps, access, hooks);
        }
    }

    private volatile State state;
    private final ScheduledExecutorService retire = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "rtmp4j-config-retire");
        t.setDaemon(true);
        return t;
    });

    /**
     * Puts {@code apps} in force.
     *
     * @param apps the section read from the file
     */
    public AppsControl(AppsConfig apps) {
        this.state = State.of(apps);
    }

    /**
     * Puts {@code apps} in force for the requests from now on.
     *
     * @param apps the section read again
     */
    public void replace(AppsConfig apps) {
        State old = state;
        state = State.of(apps);
        if (old.hooks() != null) {
            // a hook request started just before the swap still completes with the old client
            long grace = old.apps().hooks().values().stream().mapToLong(h -> h.timeout().toMillis()).max().orElse(0);
            retire.schedule(old.hooks()::close, grace + 1000, TimeUnit.MILLISECONDS);
        }
    }

    /**
     * Reads {@code file} again and puts its {@code apps} section in force; a bad file changes nothing.
     *
     * @param file  the configuration file
     * @param serve the {@code serve} command's spec, for checking the file's other keys
     * @return what is in force now, for the log
     * @throws ConfigException when the file is refused (the configuration in force stays)
     */
    public String reload(Path file, picocli.CommandLine.Model.CommandSpec serve) {
        ServeConfig c = ServeConfig.load(file, serve);
        replace(c.apps());
        return file + ": " + c.apps().rules().size() + " app(s) with rules, " + c.apps().hooks().size()
                + " with hooks (options other than apps take effect on restart)";
    }

    /**
     * The section in force.
     *
     * @return the apps configuration
     */
    public AppsConfig apps() {
        return state.apps();
    }

    @Override
    public CompletionStage<Decision> connect(ClientInfo client) {
        return state.access().connect(client);
    }

    @Override
    public CompletionStage<Decision> publish(StreamRequestInfo request) {
        return state.access().publish(request);
    }

    @Override
    public CompletionStage<Decision> play(StreamRequestInfo request) {
        return state.access().play(request);
    }

    @Override
    public void onPublishStop(StreamRequestInfo publish) {
        HttpHooks h = state.hooks();
        if (h != null) {
            h.onPublishStop(publish);
        }
    }

    @Override
    public void onPlayStop(StreamRequestInfo play) {
        HttpHooks h = state.hooks();
        if (h != null) {
            h.onPlayStop(play);
        }
    }

    @Override
    public void onRecordDone(StreamRequestInfo publish, Path file, Duration duration) {
        HttpHooks h = state.hooks();
        if (h != null) {
            h.onRecordDone(publish, file, duration);
        }
    }

    /** Closes the hooks' HTTP client. */
    @Override
    public void close() {
        retire.shutdownNow();
        HttpHooks h = state.hooks();
        if (h != null) {
            h.close();
        }
    }
}
