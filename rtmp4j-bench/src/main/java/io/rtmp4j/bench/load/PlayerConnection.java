package io.rtmp4j.bench.load;

import io.rtmp4j.chunk.RawMessage;
import io.rtmp4j.handshake.Handshake;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.Commands;
import io.rtmp4j.message.MessageCodec;
import io.rtmp4j.message.MessageType;
import io.rtmp4j.message.UserControl;
import io.rtmp4j.session.RtmpUrl;

/**
 * A player: {@code connect} (as ffmpeg's player sends it), {@code createStream}, {@code play} plus
 * Set Buffer Length (rtmp-1.0.txt §7.2.1.1, §7.2.1.3, §7.2.2.1, §7.1.7), then receives and counts
 * everything. Media is classified with {@link MediaStats}.
 */
final class PlayerConnection extends Connection {

    private static final double TX_CONNECT = 1;
    private static final double TX_CREATE_STREAM = 2;

    final MediaStats media = new MediaStats();
    long playSentUs = -1;
    long playStartUs = -1;
    boolean playStarted;

    PlayerConnection(int index, RtmpUrl url, Handshake.Kind handshakeKind, MessageCodec codec) {
        super(index, url, url.streamName(), handshakeKind, codec);
    }

    @Override
    void onHandshakeDone() {
        // what ffmpeg's rtmp player sends (libavformat/rtmpproto.c gen_connect), in that order
        send(Commands.connect(url.app()).flashVer("LNX 9,0,124,2").tcUrl(url.tcUrl()).fpad(false)
                .capabilities(15).audioCodecs(4071).videoCodecs(252).videoFunction(1).build());
    }

    @Override
    void onCommand(CommandMessage c) {
        switch (c.name()) {
            case Commands.RESULT -> {
                if (c.transactionId() == TX_CONNECT) {
                    send(Commands.createStream(TX_CREATE_STREAM));
                } else if (c.transactionId() == TX_CREATE_STREAM) {
                    int streamId = firstNumber(c);
                    if (streamId < 0) {
                        fail("createStream _result without a stream id");
                        return;
                    }
                    send(Commands.play(streamId, streamName));
                    send(new UserControl.SetBufferLength(streamId, 3000));
                    playSentUs = nowUs();
                }
            }
            case Commands.ERROR -> fail("_error: " + statusCode(c));
            case Commands.ON_STATUS -> {
                String code = statusCode(c);
                if (code.equals("NetStream.Play.Start")) {
                    playStarted = true;
                    playStartUs = nowUs();
                    state = State.ACTIVE;
                } else if (code.endsWith(".Failed") || code.endsWith("StreamNotFound")
                        || code.endsWith(".Rejected") || code.endsWith("BadName")) {
                    fail("onStatus " + code);
                }
            }
            default -> {
                // onBWDone, onFCSubscribe, ...: nothing to do
            }
        }
    }

    @Override
    void onMessage(RawMessage m) {
        int type = m.typeId();
        if (type == MessageType.VIDEO.id() || type == MessageType.AUDIO.id() || type == MessageType.AGGREGATE.id()) {
            media.onMedia(nowUs(), type, m.timestamp(), m.payload());
        } else if (type == MessageType.DATA_AMF0.id() || type == MessageType.DATA_AMF3.id()) {
            media.dataMessages++;
        }
    }
}
