package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.message.Acknowledgement;
import io.rtmp4j.message.AggregateMessage;
import io.rtmp4j.message.AudioMessage;
import io.rtmp4j.message.CommandMessage;
import io.rtmp4j.message.DataMessage;
import io.rtmp4j.message.RtmpMessage;
import io.rtmp4j.message.SetChunkSize;
import io.rtmp4j.message.SetPeerBandwidth;
import io.rtmp4j.message.UserControl;
import io.rtmp4j.message.VideoMessage;
import io.rtmp4j.message.WindowAcknowledgementSize;
import java.util.ArrayList;
import java.util.List;

/** One-line descriptions of messages, so tests can assert whole sequences. */
final class Msgs {

    private Msgs() {
    }

    static List<String> describe(List<RtmpMessage> messages) {
        List<String> out = new ArrayList<>();
        for (RtmpMessage m : messages) {
            out.add(describe(m));
        }
        return out;
    }

    static String describe(RtmpMessage m) {
        if (m instanceof CommandMessage c) {
            String s = c.name() + "@" + c.messageStreamId();
            if (c.name().equals("onStatus") || c.isError() || c.name().equals("_result") && c.objectArgument(0).isPresent()) {
                s += " " + c.objectArgument(0).flatMap(i -> i.string("code")).orElse("-");
            }
            return s;
        } else if (m instanceof DataMessage d) {
            String s = "data " + d.name().orElse("?") + "@" + d.messageStreamId() + " t" + d.timestamp();
            if (d.name().filter("onStatus"::equals).isPresent()) {
                s += " " + d.properties(1).flatMap(i -> i.string("code")).orElse("-");
            }
            return s;
        } else if (m instanceof UserControl u) {
            return "uc " + u.getClass().getSimpleName() + " " + ucValue(u);
        } else if (m instanceof WindowAcknowledgementSize w) {
            return "winack " + w.windowSize();
        } else if (m instanceof SetPeerBandwidth b) {
            return "peerbw " + b.windowSize() + " " + b.limitType();
        } else if (m instanceof SetChunkSize s) {
            return "chunksize " + s.chunkSize();
        } else if (m instanceof Acknowledgement a) {
            return "ack " + a.sequenceNumber();
        } else if (m instanceof AudioMessage a) {
            return "audio@" + a.messageStreamId() + " " + a.timestamp() + " " + a.payload().length;
        } else if (m instanceof VideoMessage v) {
            return "video@" + v.messageStreamId() + " " + v.timestamp() + " " + v.payload().length;
        } else if (m instanceof AggregateMessage g) {
            return "aggregate@" + g.messageStreamId();
        }
        return m.toString();
    }

    private static String ucValue(UserControl u) {
        if (u instanceof UserControl.StreamBegin e) {
            return "" + e.streamId();
        } else if (u instanceof UserControl.StreamEof e) {
            return "" + e.streamId();
        } else if (u instanceof UserControl.StreamDry e) {
            return "" + e.streamId();
        } else if (u instanceof UserControl.StreamIsRecorded e) {
            return "" + e.streamId();
        } else if (u instanceof UserControl.PingRequest e) {
            return "" + e.pingTime();
        } else if (u instanceof UserControl.PingResponse e) {
            return "" + e.pingTime();
        } else if (u instanceof UserControl.SetBufferLength e) {
            return e.streamId() + " " + e.bufferLengthMs();
        }
        return "?";
    }

    static Amf0Properties info(RtmpMessage m) {
        return ((CommandMessage) m).objectArgument(0).orElseThrow();
    }
}
