package io.rtmp4j.flv;

/** Audio and video tag fields for the inspector, on the tag-body model of this package. */
final class TagRendering {

    private TagRendering() {
    }

    static void video(InspectLine line, FlvTag tag) {
        // filled in on top of the VideoTag parser
    }

    static void audio(InspectLine line, FlvTag tag) {
        // filled in on top of the AudioTag parser
    }
}
