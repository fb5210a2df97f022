package io.rtmp4j.cli;

import io.rtmp4j.flv.FlvFormatException;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.netty.client.FlvFileSender;
import io.rtmp4j.netty.client.RtmpClient;
import io.rtmp4j.netty.client.RtmpClientException;
import io.rtmp4j.netty.client.RtmpPublisher;
import io.rtmp4j.session.RtmpUrl;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code rtmp4j publish INPUT.flv rtmp://host[:port]/app/stream [--loop]}: sends an FLV file to any RTMP
 * server, paced in real time by its timestamps, then ends the publication gracefully (FCUnpublish,
 * deleteStream, flush, half-close). A Reconnect Request from the server (enhanced-rtmp-v2.md) moves the
 * publication to the server it names, unless {@code --no-reconnect}. Exit status 0 when the whole file was
 * sent, 1 when the server could not be reached or refused (the reason is printed), 2 when the file cannot
 * be read.
 */
@Command(
        name = "publish",
        mixinStandardHelpOptions = true,
        sortOptions = false,
        description = {
            "Publish an FLV file to an RTMP server, in real time (as an encoder would).",
            "onMetaData is sent as @setDataFrame, then every tag at its timestamp. Ctrl-C ends the publication cleanly.",
            "Follows Enhanced RTMP Reconnect Requests (see --no-reconnect).",
            "Exit status: 0 file sent, 1 server unreachable or refused (connect rejected, BadName...), 2 unreadable file."
        })
public final class PublishCommand implements Callable<Integer> {

    static final int EXIT_RTMP = 1;
    static final int EXIT_INPUT = 2;

    @Parameters(index = "0", paramLabel = "INPUT.flv", description = "the FLV file to send")
    Path input;

    @Parameters(index = "1", paramLabel = "URL", description = "rtmp://host[:port]/app/stream (port 1935 by default)")
    String url;

    @Option(names = "--loop", description = "Start over at the end of the file, forever, with timestamps that keep "
            + "increasing (stop with Ctrl-C).")
    boolean loop;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "10",
            description = "How long the server may take to answer connect and publish, and to take data "
                    + "(default: ${DEFAULT-VALUE}).")
    double timeout;

    @Option(names = "--insecure", description = "For rtmps:// URLs: do not check the server's certificate and "
            + "host name (self-signed test servers only). By default the JDK's trust store checks them.")
    boolean insecure;

    @Option(names = "--no-reconnect", description = "Ignore Enhanced RTMP Reconnect Requests. By default, when the "
            + "server asks the client to reconnect (NetConnection.Connect.ReconnectRequest), the publication moves "
            + "to the server it names (or reconnects to the same one) and the file goes on from where it is, "
            + "timestamps still increasing.")
    boolean noReconnect;

    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter err = spec.commandLine().getErr();
        ClientCommandSupport cli = new ClientCommandSupport("publish", err, timeout);
        RtmpUrl target = cli.streamUrl(url);
        if (target == null) {
            return EXIT_RTMP;
        }
        if (!Files.isReadable(input) || Files.isDirectory(input)) {
            err.println("publish: cannot read " + input);
            return EXIT_INPUT;
        }
        try (InputStream in = Files.newInputStream(input)) {
            FlvReader.open(in); // the header, before anything goes on the network (flv-10.1.txt E.2)
        } catch (FlvFormatException e) {
            err.println("publish: " + input + " is not an FLV file: " + e.getMessage());
            return EXIT_INPUT;
        }
        Duration t = cli.timeout();
        CountDownLatch done = new CountDownLatch(1);
        try (RtmpClient client = cli.client(!noReconnect, insecure)) {
            RtmpPublisher publisher = cli.open(client.publish(url), target);
            if (publisher == null) {
                return EXIT_RTMP;
            }
            err.println("publish: publishing " + input + " to " + target.tcUrl() + " stream '" + target.streamName()
                    + "'" + (loop ? " in a loop" : ""));
            err.flush();
            FlvFileSender sender = new FlvFileSender(input, publisher, loop, true, t.toMillis());
            Thread hook = cli.addStopHook(sender::stop, done);
            try {
                FlvFileSender.Result r = sender.run();
                String reason = publisher.closeAsync().get(cli.closeWaitMillis(), TimeUnit.MILLISECONDS);
                err.println("publish: sent " + r.tags() + " tags, " + r.lastTimestamp() + " ms"
                        + (r.passes() > 1 ? " in " + r.passes() + " passes" : "") + "; " + reason);
                return 0;
            } catch (RtmpClientException e) {
                err.println("publish: " + e.getMessage());
                return EXIT_RTMP;
            } catch (FlvFormatException e) {
                publisher.close();
                err.println("publish: " + input + " is not a readable FLV file: " + e.getMessage());
                return EXIT_INPUT;
            } catch (IOException e) {
                publisher.close();
                err.println("publish: cannot read " + input + ": " + e.getMessage());
                return EXIT_INPUT;
            } catch (TimeoutException e) {
                err.println("publish: the server did not close the connection in time");
                return 0;
            } finally {
                done.countDown();
                ClientCommandSupport.removeStopHook(hook);
            }
        } finally {
            err.flush();
        }
    }
}
