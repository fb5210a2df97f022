package io.rtmp4j.session;

import io.rtmp4j.message.CommandMessage;
import java.util.ArrayList;
import java.util.List;

/** Records every listener event of both sides as a readable line, in order. */
final class Recorder {

    final List<String> events = new ArrayList<>();
    final List<ConnectRequest> connects = new ArrayList<>();
    final List<PublishRequest> publishes = new ArrayList<>();
    final List<PlayRequest> plays = new ArrayList<>();
    final List<byte[]> payloads = new ArrayList<>();
    final List<Metadata> metadata = new ArrayList<>();
    final List<StatusEvent> statuses = new ArrayList<>();
    final List<CommandResult> results = new ArrayList<>();
    final List<ReconnectRequest> reconnects = new ArrayList<>();
    boolean autoAccept = true;

    /** A server listener that records and, when {@link #autoAccept}, accepts at once. */
    ServerSessionListener server() {
        return new ServerSessionListener() {
            @Override public void onConnect(ConnectRequest r) {
                events.add("connect " + r.app());
                connects.add(r);
                if (autoAccept) {
                    r.accept();
                }
            }
            @Override public void onCreateStream(int id) { events.add("createStream " + id); }
            @Override public void onReleaseStream(String n) { events.add("releaseStream " + n); }
            @Override public void onFcPublish(String n) { events.add("FCPublish " + n); }
            @Override public void onPublish(PublishRequest r) {
                events.add("publish " + r.streamId() + " " + r.streamName());
                publishes.add(r);
                if (autoAccept) {
                    r.accept();
                }
            }
            @Override public void onPlay(PlayRequest r) {
                events.add("play " + r.streamId() + " " + r.streamName());
                plays.add(r);
                if (autoAccept) {
                    r.accept();
                }
            }
            @Override public void onMedia(MediaKind k, int s, long ts, byte[] p) {
                events.add(k + " " + s + " " + ts + " " + p.length);
                payloads.add(p);
            }
            @Override public void onMetadata(Metadata m) {
                events.add("metadata " + m.streamId());
                metadata.add(m);
            }
            @Override public void onUnpublish(int s, String n) { events.add("unpublish " + s + " " + n); }
            @Override public void onPlayStop(int s, String n) { events.add("playStop " + s + " " + n); }
            @Override public void onDeleteStream(int s) { events.add("deleteStream " + s); }
            @Override public void onCloseStream(int s) { events.add("closeStream " + s); }
            @Override public void onReceiveAudio(int s, boolean b) { events.add("receiveAudio " + s + " " + b); }
            @Override public void onReceiveVideo(int s, boolean b) { events.add("receiveVideo " + s + " " + b); }
            @Override public void onPause(int s, boolean p, double ms) { events.add("pause " + s + " " + p); }
            @Override public void onSetBufferLength(int s, long ms) { events.add("setBufferLength " + s + " " + ms); }
            @Override public void onPingResponse(long t) { events.add("pingResponse " + t); }
            @Override public void onAcknowledgement(long n) { events.add("ack " + n); }
            @Override public void onCommand(CommandMessage c) { events.add("command " + c.name()); }
            @Override public void onClose(String reason) { events.add("close"); }
        };
    }

    /** A client listener that records. */
    ClientSessionListener client() {
        return new ClientSessionListener() {
            @Override public void onConnected(ConnectResult r) { events.add("connected"); }
            @Override public void onConnectFailed(CommandResult e) { events.add("connectFailed " + e.code().orElse("")); }
            @Override public void onResult(CommandResult r) {
                events.add("_result " + r.commandName());
                results.add(r);
            }
            @Override public void onError(CommandResult r) {
                events.add("_error " + r.commandName());
                results.add(r);
            }
            @Override public void onStreamCreated(int id) { events.add("streamCreated " + id); }
            @Override public void onStatus(StatusEvent s) {
                events.add("status " + s.streamId() + " " + s.code());
                statuses.add(s);
            }
            @Override public void onReconnectRequest(ReconnectRequest r) {
                events.add("reconnect " + r.tcUrl());
                reconnects.add(r);
            }
            @Override public void onStreamBegin(int s) { events.add("streamBegin " + s); }
            @Override public void onStreamEof(int s) { events.add("streamEof " + s); }
            @Override public void onStreamDry(int s) { events.add("streamDry " + s); }
            @Override public void onStreamIsRecorded(int s) { events.add("streamIsRecorded " + s); }
            @Override public void onPingRequest(long t) { events.add("pingRequest " + t); }
            @Override public void onPingResponse(long t) { events.add("pingResponse " + t); }
            @Override public void onMedia(MediaKind k, int s, long ts, byte[] p) {
                events.add(k + " " + s + " " + ts + " " + p.length);
                payloads.add(p);
            }
            @Override public void onMetadata(Metadata m) {
                events.add("metadata " + m.streamId());
                metadata.add(m);
            }
            @Override public void onAcknowledgement(long n) { events.add("ack " + n); }
            @Override public void onCommand(CommandMessage c) { events.add("command " + c.name()); }
            @Override public void onClose(String reason) { events.add("close"); }
        };
    }
}
