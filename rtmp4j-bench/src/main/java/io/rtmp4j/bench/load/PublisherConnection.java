package io.rtmp4j.bench.load;

import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.SetChunkSize;
import io.rtmp4j.session.RtmpUrl;

import java.io.IOException;

/**
 * A publisher: {@code connect}, {@code releaseStream}, {@code FCPublish}, {@code createStream},
 * {@code publish live} (the sequence ffmpeg and OBS send), then Set Chunk Size 4096 (rtmp-1.0.txt
 * §5.4.1), {@code @setDataFrame onMetaData} and the file's tags in a loop, paced in real time: the tag
 * at media time t is sent at (publish start + t). Timestamps keep increasing from one loop to the next.
 * If the socket does not take the bytes, tags queue up (to {@link Connection#MAX_PENDING}) and the
 * publisher falls behind; {@link #behindUs(long)} says by how much.
 */
final class PublisherConnection extends Connection {

    private static final int OUT_CHUNK_SIZE = 4096;
    private final FlvSource source;
    private int streamId = -1;
    private long publishStartUs = -1;
    private int next;
    private long loop;
    long tagsSent;
    long mediaBytesSent;

    PublisherConnection(int index, RtmpUrl url, String streamName, Handshake.Kind kind, MessageCodec codec,
                        FlvSource source) {
        super(index, url, streamName, kind, codec);
        this.source = source;
    }

    @Override
    void onHandshakeDone() {
        send(Commands.connect(url.app()).type("nonprivate").flashVer("FMLE/3.0 (compatible; rtmp4j-bench)")
                .tcUrl(url.tcUrl()).build());
    }

    @Override
    void onCommand(CommandMessage c) {
        switch (c.name()) {
            case Commands.RESULT -> {
                if (c.transactionId() == 1) {
                    send(Commands.releaseStream(2, streamName));
                    send(Commands.fcPublish(3, streamName));
                    send(Commands.createStream(4));
                } else if (c.transactionId() == 4) {
                    streamId = firstNumber(c);
                    if (streamId < 0) {
                        fail("createStream _result without a stream id");
                        return;
                    }
                    send(Commands.publish(streamId, streamName, Commands.PublishType.LIVE));
                }
            }
            case Commands.ERROR -> fail("_error: " + statusCode(c));
            case Commands.ON_STATUS -> {
                String code = statusCode(c);
                if (code.equals("NetStream.Publish.Start") && publishStartUs < 0) {
                    startPublishing();
                } else if (code.endsWith(".BadName") || code.endsWith(".Failed") || code.endsWith(".Rejected")) {
                    fail("onStatus " + code);
                }
            }
            default -> {
                // onFCPublish, onBWDone: nothing to do
            }
        }
    }

    private void startPublishing() {
        send(new SetChunkSize(OUT_CHUNK_SIZE));
        encoder.setChunkSize(OUT_CHUNK_SIZE);
        if (source.metadata() != null) {
            send(DataMessage.setDataFrame(streamId, source.metadata()));
        }
        publishStartUs = nowUs();
        state = State.ACTIVE;
    }

    @Override
    void onMessage(RawMessage message) {
        // publishers receive only control messages and commands
    }

    /** Due time (µs) of the next tag, or Long.MAX_VALUE when not publishing. */
    long nextDueUs() {
        if (publishStartUs < 0 || ended()) {
            return Long.MAX_VALUE;
        }
        return publishStartUs + (loop * source.loopMillis() + source.times()[next]) * 1000;
    }

    /** Queues and writes every tag that is due at {@code nowUs}, as far as the socket takes them. */
    void pump(long nowUs) throws IOException {
        if (publishStartUs < 0 || ended()) {
            return;
        }
        while (pending() < MAX_PENDING) {
            long mediaMs = loop * source.loopMillis() + source.times()[next];
            if (publishStartUs + mediaMs * 1000 > nowUs) {
                break;
            }
            int type = source.types()[next];
            byte[] body = source.bodies()[next];
            sendRaw(type == 8 ? MessageCodec.CSID_AUDIO : MessageCodec.CSID_VIDEO, type, mediaMs & 0xFFFF_FFFFL,
                    streamId, body);
            tagsSent++;
            mediaBytesSent += body.length;
            if (++next == source.size()) {
                next = 0;
                loop++;
            }
        }
        flush();
    }

    /** How far behind its schedule this publisher is at {@code nowUs} (0 when on time). */
    long behindUs(long nowUs) {
        long due = nextDueUs();
        return due == Long.MAX_VALUE ? 0 : Math.max(0, nowUs - due);
    }

    boolean publishing() {
        return publishStartUs >= 0 && !ended();
    }
}
