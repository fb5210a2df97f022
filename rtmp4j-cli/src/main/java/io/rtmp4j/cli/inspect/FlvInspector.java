package io.rtmp4j.cli.inspect;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.AmfJson;
import io.rtmp4j.flv.FlvFormatException;
import io.rtmp4j.flv.FlvHeader;
import io.rtmp4j.flv.FlvReader;
import io.rtmp4j.flv.FlvTag;
import io.rtmp4j.flv.ScriptTag;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Renders FLV tags as one line of text each, for {@code rtmp4j inspect}: in the spirit of
 * {@code ffprobe -show_packets}, with the specifications' own names (flv-10.1.txt Annex E,
 * enhanced-rtmp-v1.md, enhanced-rtmp-v2.md).
 *
 * <p>{@link Format#JSON} gives one JSON object per line, keys in a fixed order:
 * <pre>
 * {"tag":0,"type":"script","timestamp":0,"size":397,"name":"onMetaData","value":{"duration":20.0,...}}
 * {"tag":1,"type":"video","timestamp":0,"size":48,"enhanced":false,"codec":"avc","frameType":"key","packetType":"SequenceStart","compositionTime":0}
 * </pre>
 * {@link Format#TEXT} gives the same fields as {@code key=value} pairs. A tag whose body does not
 * parse gets an {@code "error"} field (and is counted as malformed); a fault in the file structure
 * that {@link FlvReader} can step over gets its own line and reading goes on.
 *
 * <p>The inspector builds strings and never prints: the caller decides where lines go.
 */
public final class FlvInspector {

    /** Output format. */
    public enum Format {
        /** {@code key=value} pairs, one tag per line. */
        TEXT,
        /** One JSON object per line. */
        JSON
    }

    /**
     * What an inspection saw.
     *
     * @param tags      tags read (including malformed ones)
     * @param malformed tags (or file-structure faults) reported with an {@code error}
     * @param completed whether the file was read to its end (false when a fault stopped the reading)
     */
    public record Summary(long tags, long malformed, boolean completed) {

        /**
         * True when every tag was well formed and the file was read to its end.
         *
         * @return true if the file was read without a fault
         */
        public boolean ok() {
            return malformed == 0 && completed;
        }
    }

    private final Format format;

    /**
     * An inspector producing the given format.
     *
     * @param format text or JSON lines
     */
    public FlvInspector(Format format) {
        this.format = Objects.requireNonNull(format, "format");
    }

    /**
     * Reads a whole FLV file and hands each line to {@code sink}.
     *
     * @param in the file
     * @param limits the largest tag body accepted
     * @param sink receives each line
     * @return counts of tags and malformed tags; {@link Summary#ok()} is false if any tag was malformed
     * @throws IOException if the stream fails (bad content is reported in lines, not thrown)
     */
    public Summary inspect(InputStream in, FlvReader.Limits limits, Consumer<String> sink) throws IOException {
        FlvReader reader;
        try {
            reader = FlvReader.open(in, limits);
        } catch (FlvFormatException e) {
            sink.accept(render(structureFault(e)));
            return new Summary(0, 1, false);
        }
        if (format == Format.TEXT) {
            FlvHeader h = reader.header();
            sink.accept(render(new InspectLine().put("header", "FLV").put("version", h.version())
                    .put("audio", h.hasAudio()).put("video", h.hasVideo()).put("dataOffset", h.dataOffset())));
        }
        long malformed = 0;
        while (true) {
            long index = reader.tagCount();
            FlvTag tag;
            try {
                tag = reader.next();
            } catch (FlvFormatException e) {
                malformed++;
                InspectLine line = e.tag().isPresent() ? describe(e.tagIndex(), e.tag().get()) : structureFault(e);
                if (e.tag().isPresent()) {
                    line.put("offset", e.offset()).error(e.getMessage());
                }
                sink.accept(render(line));
                if (e.resumable()) {
                    continue;
                }
                return new Summary(reader.tagCount(), malformed, false);
            }
            if (tag == null) {
                return new Summary(reader.tagCount(), malformed, true);
            }
            InspectLine line = describe(index, tag);
            if (line.has("error")) {
                malformed++;
            }
            sink.accept(render(line));
        }
    }

    /**
     * {@link #inspect(InputStream, FlvReader.Limits, Consumer)} with the default limits.
     *
     * @param in the file
     * @param sink receives each line
     * @return counts of tags and malformed tags
     * @throws IOException if reading fails
     */
    public Summary inspect(InputStream in, Consumer<String> sink) throws IOException {
        return inspect(in, FlvReader.Limits.DEFAULT, sink);
    }

    /**
     * The line for one tag (the {@code index} is printed as {@code "tag"}).
     *
     * @param index the tag's index in the file
     * @param tag the tag
     * @return the line, without a line break
     */
    public String line(long index, FlvTag tag) {
        return render(describe(index, tag));
    }

    private String render(InspectLine line) {
        return format == Format.JSON ? line.toJson() : line.toText();
    }

    static InspectLine describe(long index, FlvTag tag) {
        InspectLine line = new InspectLine()
                .put("tag", index)
                .put("type", FlvTag.typeName(tag.tagType()))
                .put("timestamp", tag.timestamp())
                .put("size", tag.dataSize());
        try {
            switch (tag.tagType()) {
                case FlvTag.TYPE_SCRIPT -> script(line, tag);
                case FlvTag.TYPE_VIDEO -> TagRendering.video(line, tag);
                case FlvTag.TYPE_AUDIO -> TagRendering.audio(line, tag);
                default -> { }
            }
        } catch (RtmpProtocolException e) {
            line.error(e.getMessage());
        }
        return line;
    }

    private static void script(InspectLine line, FlvTag tag) {
        ScriptTag s = ScriptTag.decode(tag.body());
        line.put("name", s.name());
        List<Amf0Value> args = s.arguments();
        if (args.size() == 1) {
            line.json("value", AmfJson.toJson(args.get(0)));
        } else if (args.size() > 1) {
            line.json("values", AmfJson.toJson(args));
        }
    }

    private static InspectLine structureFault(FlvFormatException e) {
        InspectLine line = new InspectLine();
        if (e.tagIndex() >= 0) {
            line.put("tag", e.tagIndex());
        }
        e.header().ifPresent(h -> line.put("type", FlvTag.typeName(h.tagType()))
                .put("timestamp", h.timestamp()).put("size", h.dataSize()));
        line.put("offset", e.offset());
        line.error(e.getMessage());
        return line;
    }
}
