package io.rtmp4j.examples;

import io.rtmp4j.server.AccessControl;
import io.rtmp4j.server.Decision;
import io.rtmp4j.server.LiveServer;
import io.rtmp4j.server.ServerEvents;
import io.rtmp4j.server.StreamRequestInfo;
import java.util.concurrent.CompletableFuture;

/**
 * A live server that lets only publishers with the right stream key in:
 * {@code ffmpeg -re -i in.mp4 -c copy -f flv "rtmp://localhost/live/cam?key=s3cret"}, then
 * {@code ffplay rtmp://localhost/live/cam}. The check runs asynchronously, as an HTTP or database call
 * would; nothing of the publisher reaches players before it allows it.
 */
public final class KeyCheckedServer {

    private KeyCheckedServer() {
    }

    /** Starts the server on {@code port} (0: any free one) accepting publishers that send {@code key}. */
    public static LiveServer start(int port, String key) {
        return LiveServer.builder()
                .port(port)
                .access(AccessControl.forPublish(r -> CompletableFuture.supplyAsync(() ->
                        key.equals(r.params().get("key")) ? Decision.allow() : Decision.deny("bad stream key"))))
                .events(new ServerEvents() {
                    @Override
                    public void onPublishStart(StreamRequestInfo p) {
                        System.out.println("live: " + p.app() + "/" + p.stream() + " from " + p.client().address());
                    }
                })
                .start();
    }

    /** {@code java KeyCheckedServer [KEY [PORT]]}: serves until the JVM is stopped (Ctrl-C closes it gracefully). */
    public static void main(String[] args) throws InterruptedException {
        LiveServer server = start(args.length > 1 ? Integer.parseInt(args[1]) : 1935, args.length > 0 ? args[0] : "s3cret");
        Runtime.getRuntime().addShutdownHook(new Thread(server::close));
        server.awaitClose();
    }
}
