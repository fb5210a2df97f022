package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0;
import io.rtmp4j.amf.Amf0Property;
import io.rtmp4j.amf.Amf0String;
import io.rtmp4j.amf.Amf0Value;
import io.rtmp4j.amf.AmfLimits;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The body of a video Metadata packet (enhanced-rtmp-v2.md "ExVideoTagBody", packet type Metadata,
 * and "Metadata Frame"): AMF0-encoded {@code [name, value]} pairs, where the only defined pair is
 * {@code ["colorInfo", Object]}. Other pairs are kept as AMF0 values.
 *
 * <p>The pairs are read as AMF0: the spec lets the connect command's objectEncoding select AMF3, but
 * the publishers in use (FFmpeg, OBS) write AMF0; a value switched to AMF3 with the AVM+ marker is
 * read through its AMF0 form by {@link ColorInfo#fromAmf0}.
 *
 * @param entries the pairs in wire order
 */
public record VideoMetadata(List<Amf0Property> entries) {

    /**
     * Copies the entries into an unmodifiable list, keeping their order.
     *
     * @param entries the pairs in wire order
     */
    public VideoMetadata {
        entries = List.copyOf(entries);
    }

    /**
     * A body with the single pair {@code ["colorInfo", colorInfo]}.
     *
     * @param colorInfo the color information
     * @return the body
     */
    public static VideoMetadata of(ColorInfo colorInfo) {
        return new VideoMetadata(List.of(new Amf0Property("colorInfo", colorInfo.toAmf0())));
    }

    /**
     * Reads a Metadata body.
     *
     * @param data the body bytes
     * @return the pairs
     * @throws RtmpProtocolException if the AMF0 is malformed, a name is not a string, a name has no value,
     *                               or {@code colorInfo} is malformed
     */
    public static VideoMetadata parse(byte[] data) {
        return parse(data, AmfLimits.DEFAULT);
    }

    /**
     * Reads a Metadata body with explicit AMF limits ({@link VideoTag#parse} uses
     * {@link AmfLimits#DEFAULT}; the body itself is at most a tag body, so its size is bounded by the
     * caller's message or tag size limit).
     *
     * @param data the body bytes
     * @param limits the AMF limits
     * @return the pairs
     * @throws RtmpProtocolException as {@link #parse(byte[])}, or if a limit is exceeded
     */
    public static VideoMetadata parse(byte[] data, AmfLimits limits) {
        List<Amf0Value> values = Amf0.decodeAll(java.nio.ByteBuffer.wrap(data), limits);
        if (values.size() % 2 != 0) {
            throw new RtmpProtocolException("video Metadata has a name without a value (enhanced-rtmp-v2.md \"Metadata Frame\")");
        }
        List<Amf0Property> entries = new ArrayList<>(values.size() / 2);
        for (int i = 0; i < values.size(); i += 2) {
            if (!(values.get(i) instanceof Amf0String name)) {
                throw new RtmpProtocolException("video Metadata name is not a string but "
                        + values.get(i).getClass().getSimpleName());
            }
            entries.add(new Amf0Property(name.value(), values.get(i + 1)));
        }
        VideoMetadata m = new VideoMetadata(entries);
        m.colorInfo(); // validate
        return m;
    }

    /**
     * The {@code colorInfo} of the last such pair, typed; empty if there is none.
     *
     * @return the color information, or empty
     */
    public Optional<ColorInfo> colorInfo() {
        for (int i = entries.size() - 1; i >= 0; i--) {
            if (entries.get(i).name().equals("colorInfo")) {
                return Optional.of(ColorInfo.fromAmf0(entries.get(i).value()));
            }
        }
        return Optional.empty();
    }

    /**
     * The AMF0 bytes: each name as an AMF0 string, then its value.
     *
     * @return the body bytes
     */
    public byte[] toBytes() {
        List<Amf0Value> values = new ArrayList<>(entries.size() * 2);
        for (Amf0Property p : entries) {
            values.add(Amf0Value.of(p.name()));
            values.add(p.value());
        }
        return Amf0.encode(values);
    }
}
