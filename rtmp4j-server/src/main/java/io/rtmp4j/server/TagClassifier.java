package io.rtmp4j.server;

import io.rtmp4j.flv.AudioTag;
import io.rtmp4j.flv.FlvCodec;
import io.rtmp4j.flv.VideoTag;
import java.util.Arrays;

/**
 * The {@link FrameClassifier} of the server: the header-only peeks of {@link VideoTag} and
 * {@link AudioTag} (legacy flv-10.1.txt E.4.2.1 / E.4.3.1 and Enhanced RTMP v1/v2, multitrack
 * included), which copy no payload. A sequence header is identified by type, codec and track ids, so a
 * legacy AVC header and an enhanced one, and every track of a multitrack stream, are all kept for late
 * joiners (INTEROP-NOTES "Media").
 */
final class TagClassifier implements FrameClassifier {

    @Override
    public boolean isKeyframe(byte[] video) {
        return VideoTag.isKeyframe(video);
    }

    @Override
    public String configKey(int typeId, byte[] payload) {
        if (typeId == Frame.VIDEO) {
            return VideoTag.isSequenceHeader(payload)
                    ? key("video", VideoTag.codec(payload), VideoTag.trackIds(payload)) : null;
        }
        if (typeId == Frame.AUDIO) {
            return AudioTag.isSequenceHeader(payload)
                    ? key("audio", AudioTag.codec(payload), AudioTag.trackIds(payload)) : null;
        }
        return null;
    }

    private static String key(String type, FlvCodec codec, int[] tracks) {
        return type + "/" + codec + "/" + Arrays.toString(tracks);
    }
}
