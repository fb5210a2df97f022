package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.List;
import java.util.Objects;

/**
 * The body of an audio MultichannelConfig packet (enhanced-rtmp-v2.md "ExAudioTagBody"):
 * {@code audioChannelOrder UI8}, {@code channelCount UI8}, then for Custom order one
 * {@code AudioChannel UI8} per channel, for Native order the {@code audioChannelFlags UI32}
 * (bits of {@link AudioChannel#mask()}), for Unspecified order nothing.
 *
 * <p>Examples: {@code 01 02 00 00 00 03} is {@code MultichannelConfig.nativeOrder(2, 0x3)} (front
 * left + front right); {@code 02 02 01 00} is {@code MultichannelConfig.custom(List.of(FRONT_RIGHT,
 * FRONT_LEFT))}.
 *
 * @param channelOrder the order
 * @param channelCount 0..255
 * @param mapping      for Custom: the speaker of each channel (size = channelCount); else empty
 * @param channelFlags for Native: the UI32 flag word (0..2³²−1); else 0
 */
public record MultichannelConfig(AudioChannelOrder channelOrder, int channelCount, List<AudioChannel> mapping,
                                 long channelFlags) {

    /**
     * Checks the configuration (enhanced-rtmp-v2 "Multichannel"): the channel order is present, the
     * channel count fits in one byte, a mapping is given only for Custom order with one entry per
     * channel, and channel flags (32 bits) only for Native order; copies the mapping.
     *
     * @param channelOrder the order
     * @param channelCount 0..255
     * @param mapping for Custom: the speaker of each channel (size = channelCount)
     * @param channelFlags for Native: the UI32 flag word (0..2³²−1)
     * @throws IllegalArgumentException if a value is out of its range
     * @throws NullPointerException if a required value is null
     */
    public MultichannelConfig {
        Objects.requireNonNull(channelOrder, "channelOrder");
        mapping = List.copyOf(mapping);
        if (channelCount < 0 || channelCount > 255) {
            throw new IllegalArgumentException("channelCount must be 0..255: " + channelCount);
        }
        if (channelOrder == AudioChannelOrder.CUSTOM ? mapping.size() != channelCount : !mapping.isEmpty()) {
            throw new IllegalArgumentException("a mapping exists only for Custom order, one entry per channel");
        }
        if (channelFlags < 0 || channelFlags > 0xFFFF_FFFFL
                || (channelOrder != AudioChannelOrder.NATIVE && channelFlags != 0)) {
            throw new IllegalArgumentException("channel flags are a UI32 and exist only for Native order");
        }
    }

    /**
     * Unspecified order: only the count.
     *
     * @param channelCount the number of channels
     * @return the configuration
     */
    public static MultichannelConfig unspecified(int channelCount) {
        return new MultichannelConfig(AudioChannelOrder.UNSPECIFIED, channelCount, List.of(), 0);
    }

    /**
     * Native order with the flag word (OR of {@link AudioChannel#mask()}).
     *
     * @param channelCount the number of channels
     * @param channelFlags the flag word
     * @return the configuration
     */
    public static MultichannelConfig nativeOrder(int channelCount, long channelFlags) {
        return new MultichannelConfig(AudioChannelOrder.NATIVE, channelCount, List.of(), channelFlags);
    }

    /**
     * Custom order: one speaker per channel.
     *
     * @param mapping the speaker of each channel, in order
     * @return the configuration
     */
    public static MultichannelConfig custom(List<AudioChannel> mapping) {
        return new MultichannelConfig(AudioChannelOrder.CUSTOM, mapping.size(), mapping, 0);
    }

    /**
     * For Native order, whether the flags include {@code channel}.
     *
     * @param channel a speaker position
     * @return true if the Native-order flags include it
     */
    public boolean hasChannel(AudioChannel channel) {
        return channelOrder == AudioChannelOrder.NATIVE ? channel.isPresentIn(channelFlags)
                : mapping.contains(channel);
    }

    /**
     * Reads a MultichannelConfig body.
     *
     * @param data the body
     * @return the configuration
     * @throws RtmpProtocolException if it is truncated, has a reserved order or channel, or has bytes left over
     */
    public static MultichannelConfig parse(byte[] data) {
        TagBodyReader r = new TagBodyReader(data, "MultichannelConfig");
        AudioChannelOrder order = AudioChannelOrder.require(r.u8("audioChannelOrder"));
        int count = r.u8("channelCount");
        MultichannelConfig config;
        switch (order) {
            case CUSTOM -> {
                AudioChannel[] map = new AudioChannel[count];
                for (int i = 0; i < count; i++) {
                    map[i] = AudioChannel.require(r.u8("audioChannelMapping"));
                }
                config = new MultichannelConfig(order, count, List.of(map), 0);
            }
            case NATIVE -> config = new MultichannelConfig(order, count, List.of(),
                    r.u32("audioChannelFlags") & 0xFFFF_FFFFL);
            default -> config = unspecified(count);
        }
        if (r.hasRemaining()) {
            throw new RtmpProtocolException("MultichannelConfig has " + r.remaining() + " unexpected trailing byte(s)");
        }
        return config;
    }

    /**
     * The wire bytes.
     *
     * @return the body bytes
     */
    public byte[] toBytes() {
        TagBodyWriter w = new TagBodyWriter(6 + mapping.size());
        w.u8(channelOrder.value()).u8(channelCount);
        if (channelOrder == AudioChannelOrder.CUSTOM) {
            for (AudioChannel c : mapping) {
                w.u8(c.value());
            }
        } else if (channelOrder == AudioChannelOrder.NATIVE) {
            w.u32((int) channelFlags);
        }
        return w.toByteArray();
    }
}
