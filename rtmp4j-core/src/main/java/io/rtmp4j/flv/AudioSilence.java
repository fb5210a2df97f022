package io.rtmp4j.flv;

/**
 * An audio message with an empty payload: the "audio silence" message (enhanced-rtmp-v2.md
 * AudioPacketType comment: "identified when an audio message contains a zero-length payload").
 * Not an error: players drain their audio buffer and follow the wall clock until audio resumes.
 */
public record AudioSilence() implements AudioTag {

    /** The one value. */
    public static final AudioSilence INSTANCE = new AudioSilence();

    @Override
    public byte[] toBytes() {
        return new byte[0];
    }

    @Override
    public boolean enhanced() {
        return false;
    }

    @Override
    public boolean isSequenceHeader() {
        return false;
    }
}
