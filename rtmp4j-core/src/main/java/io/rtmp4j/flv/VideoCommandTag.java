package io.rtmp4j.flv;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * A video command frame, frame type 5 (flv-10.1.txt E.4.3.1 VideoTagBody; enhanced-rtmp-v2.md
 * VideoCommand): the header byte, then {@code videoCommand UI8} (StartSeek / EndSeek).
 *
 * <p>Legacy form: {@code 0101 | CodecID}, then the command (the layout enhanced-rtmp-v2.md gives for
 * non-enhanced tags). Enhanced form: {@code 1 101 | PacketType} (any packet type but Metadata, whose
 * frame type is ignored), the optional ModEx chain, then the command; no FourCC. Bytes after the
 * command (none are defined) are kept in {@link #trailing} so the tag is rebuilt unchanged.
 *
 * <p>Example: {@code 57 00} is {@code VideoCommandTag.legacy(VideoCodecId.AVC, START_SEEK)}.
 *
 * @param enhanced   whether the IsExHeader bit is set
 * @param lowNibble  the low nibble of the first byte: legacy codec id, or enhanced packet type, uninterpreted
 * @param modEx      the ModEx chain (enhanced only), empty if none
 * @param command    the command
 * @param trailing   bytes after the command, normally empty (owned by this value; do not modify)
 */
public record VideoCommandTag(boolean enhanced, int lowNibble, List<ModEx> modEx, VideoCommand command,
                              byte[] trailing) implements VideoTag {

    /**
     * Checks a command frame (flv-10.1.txt E.4.3.1, enhanced-rtmp-v1 "VideoCommand"): command and
     * trailing bytes present, the low nibble 0..15, ModEx only on an enhanced frame, and on an enhanced
     * frame a packet type that is neither Metadata (not a command) nor ModEx; copies the ModEx list.
     *
     * @param enhanced whether the IsExHeader bit is set
     * @param lowNibble the low nibble of the first byte: legacy codec id, or enhanced packet type,
     *     uninterpreted
     * @param modEx the ModEx chain (enhanced only), empty if none
     * @param command the command
     * @param trailing bytes after the command, normally empty (owned by this value
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public VideoCommandTag {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(trailing, "trailing");
        modEx = List.copyOf(modEx);
        if (lowNibble < 0 || lowNibble > 15) {
            throw new IllegalArgumentException("low nibble must be 0..15: " + lowNibble);
        }
        if (!enhanced && !modEx.isEmpty()) {
            throw new IllegalArgumentException("legacy command frames have no ModEx");
        }
        if (enhanced && lowNibble == VideoPacketType.METADATA.value()) {
            throw new IllegalArgumentException("frame type is ignored for Metadata: not a command");
        }
        if (enhanced && lowNibble == VideoPacketType.MOD_EX.value()) {
            // the packet type nibble of the first byte becomes ModEx when a chain is written, and the
            // nibble after a chain cannot be ModEx again
            throw new IllegalArgumentException("the packet type of a command frame cannot be ModEx");
        }
    }

    /**
     * A legacy command frame for {@code codecId}.
     *
     * @param codecId the codec of the stream
     * @param command the command
     * @return the tag
     */
    public static VideoCommandTag legacy(VideoCodecId codecId, VideoCommand command) {
        return new VideoCommandTag(false, codecId.value(), List.of(), command, new byte[0]);
    }

    /**
     * An enhanced command frame; the packet type nibble is written as CodedFrames (1).
     *
     * @param command the command
     * @return the tag
     */
    public static VideoCommandTag enhanced(VideoCommand command) {
        return new VideoCommandTag(true, VideoPacketType.CODED_FRAMES.value(), List.of(), command, new byte[0]);
    }

    @Override
    public VideoFrameType frameType() {
        return VideoFrameType.COMMAND;
    }

    @Override
    public boolean isKeyframe() {
        return false;
    }

    @Override
    public boolean isSequenceHeader() {
        return false;
    }

    @Override
    public byte[] toBytes() {
        TagBodyWriter w = new TagBodyWriter(2 + ModEx.chainLength(modEx) + trailing.length);
        if (enhanced) {
            VideoTagCodec.writeExHeader(w, VideoFrameType.COMMAND, modEx, lowNibble);
        } else {
            w.u8(VideoFrameType.COMMAND.value() << 4 | lowNibble);
        }
        return w.u8(command.value()).bytes(trailing).toByteArray();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof VideoCommandTag t && enhanced == t.enhanced && lowNibble == t.lowNibble
                && modEx.equals(t.modEx) && command == t.command && Arrays.equals(trailing, t.trailing);
    }

    @Override
    public int hashCode() {
        return Objects.hash(enhanced, lowNibble, modEx, command) * 31 + Arrays.hashCode(trailing);
    }

    @Override
    public String toString() {
        return "VideoCommandTag[" + (enhanced ? "enhanced" : "legacy") + ", " + command.specName()
                + (trailing.length > 0 ? ", trailing=" + trailing.length + " bytes" : "") + "]";
    }
}
