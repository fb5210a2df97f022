package io.rtmp4j.media;

/** Audio or video: the FLV tag type / RTMP message type a {@link MediaPacket} came from. */
public enum MediaType {
    /** Tag type / message type 8 (flv-10.1.txt E.4.1; rtmp-1.0.txt §7.1.4). */
    AUDIO(8),
    /** Tag type / message type 9. */
    VIDEO(9);

    private final int tagType;

    MediaType(int tagType) {
        this.tagType = tagType;
    }

    /**
     * The FLV tag type / RTMP message type id.
     *
     * @return 8 for audio, 9 for video
     */
    public int tagType() {
        return tagType;
    }
}
