package io.rtmp4j.server.client;

import io.rtmp4j.amf.Amf0EcmaArray;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.FlvWriter;
import io.rtmp4j.flv.ScriptTag;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** FLV files for the client command tests: written by the core's FlvWriter, read back by its FlvReader. */
final class FlvTestFiles {

    private FlvTestFiles() {
    }

    /**
     * Writes {@code f}: onMetaData, AVC + AAC sequence headers, then {@code n} video frames of
     * {@code videoBytes} bytes (a key frame every 10, 40 ms apart, byte 6 = the frame's number) each
     * followed 10 ms later by an AAC frame (last byte = the number).
     */
    static Path numbered(Path f, int n, int videoBytes) throws Exception {
        try (OutputStream out = Files.newOutputStream(f); FlvWriter w = FlvWriter.open(out, true, true)) {
            w.write(FlvTag.script(0, ScriptTag.onMetaData(Amf0EcmaArray.builder().put("width", 320.0).build())
                    .encode()));
            w.write(FlvTag.video(0, new byte[] {0x17, 0, 0, 0, 0, 1, 0x42, 0, 0x1E}));
            w.write(FlvTag.audio(0, new byte[] {(byte) 0xAF, 0, 0x12, 0x10}));
            for (int i = 0; i < n; i++) {
                byte[] v = new byte[videoBytes];
                v[0] = (byte) (i % 10 == 0 ? 0x17 : 0x27);
                v[1] = 1;
                v[6] = (byte) i;
                w.write(FlvTag.video(40L * i, v));
                w.write(FlvTag.audio(40L * i + 10, new byte[] {(byte) 0xAF, 1, 0, 0, 0, 0, (byte) i}));
            }
        }
        return f;
    }

    /** Every tag of {@code f}, in order. */
    static List<FlvTag> tags(Path f) throws Exception {
        List<FlvTag> tags = new ArrayList<>();
        try (InputStream in = Files.newInputStream(f); FlvReader r = FlvReader.open(in)) {
            for (FlvTag t; (t = r.next()) != null; ) {
                tags.add(t);
            }
        }
        return tags;
    }
}
