package io.rtmp4j.server;

/**
 * Interim {@link FrameClassifier} reading legacy FLV tag headers only (flv-10.1.txt E.4.2.1, E.4.3.1);
 * replaced by one built on {@code io.rtmp4j.flv.VideoTag} / {@code AudioTag} peeks.
 */
final class TagClassifier implements FrameClassifier {

    @Override
    public boolean isKeyframe(byte[] video) {
        return video.length > 0 && (video[0] >> 4 & 7) == 1;
    }

    @Override
    public String configKey(int typeId, byte[] payload) {
        if (payload.length < 2) {
            return null;
        }
        if (typeId == Frame.VIDEO && (payload[0] & 0x0F) == 7 && payload[1] == 0) {
            return "v";
        }
        if (typeId == Frame.AUDIO && (payload[0] >> 4 & 0x0F) == 10 && payload[1] == 0) {
            return "a";
        }
        return null;
    }
}
