package io.rtmp4j.server;

/**
 * What the hub needs to know about a published audio or video payload, read from its header bytes
 * only. A payload whose header cannot be read is an ordinary droppable frame.
 */
interface FrameClassifier {

    /**
     * Whether a video payload is a coded keyframe a decoder can start from, of the default track
     * (track 0). In a multitrack stream the GOP cache and a waiting player start at track 0's
     * keyframes: a keyframe of another track must not cut track 0's GOP short.
     */
    boolean isKeyframe(byte[] video);

    /**
     * For a decoder configuration (sequence header / SequenceStart) the identity of what it configures
     * (type, codec, track ids: a later one with the same identity replaces it); null for anything else.
     */
    String configKey(int typeId, byte[] payload);
}
