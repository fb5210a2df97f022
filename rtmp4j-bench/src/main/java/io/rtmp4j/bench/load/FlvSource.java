package io.rtmp4j.bench.load;

import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * An FLV file held in memory for publishers to send in a loop: its audio and video tags with
 * timestamps relative to the first one, and the {@code onMetaData} of its first script tag
 * (flv-10.1.txt E.5), all shared (read-only) by every publisher.
 *
 * @param types      tag type per tag (8 audio, 9 video)
 * @param times      timestamp per tag in ms, relative to the first audio/video tag
 * @param bodies     body per tag
 * @param metadata   the onMetaData object, or null if the file has none
 * @param loopMillis duration of one pass: last timestamp plus the last video frame interval
 */
record FlvSource(byte[] types, long[] times, byte[][] bodies, Amf0Value metadata, long loopMillis) {

    int size() {
        return types.length;
    }

    static FlvSource read(Path file) throws IOException {
        List<FlvTag> tags = new ArrayList<>();
        Amf0Value metadata = null;
        try (FlvReader reader = FlvReader.open(new BufferedInputStream(Files.newInputStream(file), 1 << 16))) {
            for (FlvTag tag; (tag = reader.next()) != null; ) {
                if (tag.tagType() == FlvTag.TYPE_SCRIPT) {
                    if (metadata == null) {
                        ScriptTag script = ScriptTag.decode(tag.body());
                        if (script.isOnMetaData() && !script.arguments().isEmpty()) {
                            metadata = script.arguments().get(0);
                        }
                    }
                } else if (tag.tagType() == FlvTag.TYPE_AUDIO || tag.tagType() == FlvTag.TYPE_VIDEO) {
                    tags.add(tag);
                }
            }
        }
        if (tags.isEmpty()) {
            throw new IOException(file + " has no audio or video tags");
        }
        int n = tags.size();
        byte[] types = new byte[n];
        long[] times = new long[n];
        byte[][] bodies = new byte[n][];
        long first = tags.get(0).timestamp();
        long lastVideo = -1;
        long videoInterval = 33;
        for (int i = 0; i < n; i++) {
            FlvTag t = tags.get(i);
            types[i] = (byte) t.tagType();
            times[i] = Math.max(0, t.timestamp() - first);
            bodies[i] = t.body();
            if (t.tagType() == FlvTag.TYPE_VIDEO) {
                if (lastVideo >= 0 && times[i] > lastVideo) {
                    videoInterval = times[i] - lastVideo;
                }
                lastVideo = times[i];
            }
        }
        long loop = times[n - 1] + videoInterval;
        return new FlvSource(types, times, bodies, metadata, loop);
    }

    /** Average bit rate of the tags' bodies, in bit/s. */
    double bitsPerSecond() {
        long bytes = 0;
        for (byte[] b : bodies) {
            bytes += b.length;
        }
        return bytes * 8.0 * 1000 / loopMillis;
    }
}
