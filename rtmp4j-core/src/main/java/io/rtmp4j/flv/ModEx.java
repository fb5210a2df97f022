package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One entry of a ModEx chain (enhanced-rtmp-v2.md "Enhanced Audio" / "Enhanced Video", packet type
 * ModEx = 7): a size-prefixed data block followed by a {@code modExType | next packetType} byte.
 *
 * <p>Wire form of one entry: {@code UI8 size-1}; if that byte is 0xFF the size is instead
 * {@code UI16 size-1} (so 1..65 536 bytes); then the data; then one byte whose high nibble is the
 * {@link #type()} and whose low nibble is the next packet type (ModEx again for another entry, else
 * the real packet type). {@link #wideSize()} records whether the UI16 escape was used, so a size
 * below 256 that a peer wrote in the long form is rebuilt byte for byte; {@link #of} picks the
 * canonical form. Unknown types are kept as their raw value.
 *
 * <p>Example: {@code ModEx.timestampOffsetNano(250_000)} encodes as
 * {@code 02 03 D0 90 0x}: size-1 = 2, UI24 250 000, then type 0 and the next packet type x.
 *
 * @param type     the ModEx type nibble, 0..15 ({@link ModExType#TIMESTAMP_OFFSET_NANO} = 0)
 * @param data     the ModEx data, 1..65 536 bytes (owned by this value; do not modify)
 * @param wideSize whether the size is written with the UI16 escape (required above 255 bytes)
 */
public record ModEx(int type, byte[] data, boolean wideSize) {

    /** Largest data size: UI16 + 1. */
    public static final int MAX_DATA_SIZE = 0x10000;
    /** Largest value of TimestampOffsetNano ("storing values up to 999,999 ns"). */
    public static final int MAX_TIMESTAMP_OFFSET_NANO = 999_999;

    /**
     * Checks a ModEx entry (enhanced-rtmp-v2 "ModEx"): type 0..15, data of 1..65536 bytes, more than 255
     * bytes only with the wide size form, and for TimestampOffsetNano at least 3 bytes holding at most
     * 999999.
     *
     * @param type the ModEx type nibble, 0..15 ({@link ModExType#TIMESTAMP_OFFSET_NANO} = 0)
     * @param data the ModEx data, 1..65 536 bytes (owned by this value
     * @param wideSize whether the size is written with the UI16 escape (required above 255 bytes)
     * @throws IllegalArgumentException if a value is out of its range
     */
    public ModEx {
        if (type < 0 || type > 15) {
            throw new IllegalArgumentException("ModEx type must be 0..15: " + type);
        }
        if (data.length < 1 || data.length > MAX_DATA_SIZE) {
            throw new IllegalArgumentException("ModEx data size must be 1..65536: " + data.length);
        }
        if (!wideSize && data.length > 255) {
            throw new IllegalArgumentException("ModEx data of " + data.length + " bytes needs the UI16 size form");
        }
        if (type == ModExType.TIMESTAMP_OFFSET_NANO.value()) {
            if (data.length < 3) {
                throw new IllegalArgumentException("TimestampOffsetNano needs at least 3 bytes");
            }
            int v = ui24(data);
            if (v > MAX_TIMESTAMP_OFFSET_NANO) {
                throw new IllegalArgumentException("TimestampOffsetNano out of range 0..999999: " + v);
            }
        }
    }

    /**
     * An entry with the canonical size form (UI8 up to 255 bytes, the UI16 escape above).
     *
     * @param type the ModEx type, 0..15
     * @param data 1..65536 bytes
     * @return the entry
     */
    public static ModEx of(int type, byte[] data) {
        return new ModEx(type, data, data.length > 255);
    }

    /**
     * A TimestampOffsetNano entry (3 bytes, UI24) for 0..999 999 ns.
     *
     * @param nanos the offset, 0..999999 ns
     * @return the entry
     */
    public static ModEx timestampOffsetNano(int nanos) {
        if (nanos < 0 || nanos > MAX_TIMESTAMP_OFFSET_NANO) {
            throw new IllegalArgumentException("TimestampOffsetNano out of range 0..999999: " + nanos);
        }
        return new ModEx(0, new byte[] {(byte) (nanos >>> 16), (byte) (nanos >>> 8), (byte) nanos}, false);
    }

    /**
     * The type as a known enum constant, empty for types this version does not know.
     *
     * @return the known type, or empty
     */
    public Optional<ModExType> knownType() {
        return ModExType.fromValue(type);
    }

    /**
     * The nanosecond offset if this is a TimestampOffsetNano entry (UI24 of the first 3 data bytes).
     *
     * @return the offset in nanoseconds, or empty
     */
    public OptionalInt timestampOffsetNano() {
        return type == ModExType.TIMESTAMP_OFFSET_NANO.value() ? OptionalInt.of(ui24(data)) : OptionalInt.empty();
    }

    /** Size of this entry on the wire, including size prefix and the type byte. */
    int encodedLength() {
        return (wideSize ? 3 : 1) + data.length + 1;
    }

    private static int ui24(byte[] d) {
        return (d[0] & 0xFF) << 16 | (d[1] & 0xFF) << 8 | (d[2] & 0xFF);
    }

    /**
     * The TimestampOffsetNano of a chain: the last such entry wins, as the spec's pseudocode
     * assigns {@code videoTimestampNanoOffset} once per entry; empty if there is none.
     */
    static OptionalInt timestampOffsetNano(List<ModEx> chain) {
        OptionalInt result = OptionalInt.empty();
        for (ModEx m : chain) {
            OptionalInt v = m.timestampOffsetNano();
            if (v.isPresent()) {
                result = v;
            }
        }
        return result;
    }

    /**
     * Reads a chain that starts right after a packet type nibble of ModEx (7). Returns the real packet
     * type nibble (the low nibble of the last entry's type byte) and fills {@code out}.
     */
    static int readChain(TagBodyReader r, List<ModEx> out, int modExValue) {
        int next = modExValue;
        while (next == modExValue) {
            int size = r.u8("ModEx size") + 1;
            boolean wide = false;
            if (size == 256) {
                size = r.u16("ModEx UI16 size") + 1;
                wide = true;
            }
            byte[] data = r.bytes(size, "ModEx data");
            int b = r.u8("ModEx type / packet type");
            int type = b >>> 4;
            next = b & 0x0F;
            if (type == ModExType.TIMESTAMP_OFFSET_NANO.value()) {
                if (size < 3) {
                    throw new RtmpProtocolException("TimestampOffsetNano ModEx data has " + size
                            + " byte(s), needs at least 3 (enhanced-rtmp-v2.md ModEx)");
                }
                int v = ui24(data);
                if (v > MAX_TIMESTAMP_OFFSET_NANO) {
                    throw new RtmpProtocolException("TimestampOffsetNano " + v + " out of range 0..999999");
                }
            }
            out.add(new ModEx(type, data, wide));
        }
        return next;
    }

    /**
     * Skips a chain without keeping or checking it (the header-only peeks): while {@code packetType}
     * is {@code modExValue}, skips one ModEx entry and reads the next packet type from the low nibble.
     *
     * @return the first packet type that is not {@code modExValue}
     */
    static int skipChain(TagBodyReader r, int packetType, int modExValue) {
        int pt = packetType;
        while (pt == modExValue) {
            int size = r.u8("ModEx size") + 1;
            if (size == 256) {
                size = r.u16("ModEx UI16 size") + 1;
            }
            r.skip(size, "ModEx data");
            pt = r.u8("ModEx type / packet type") & 0x0F;
        }
        return pt;
    }

    /** Writes a chain; the last entry's low nibble is {@code packetType}. */
    static void writeChain(TagBodyWriter w, List<ModEx> chain, int modExValue, int packetType) {
        for (int i = 0; i < chain.size(); i++) {
            ModEx m = chain.get(i);
            if (m.wideSize) {
                w.u8(0xFF).u16(m.data.length - 1);
            } else {
                w.u8(m.data.length - 1);
            }
            w.bytes(m.data);
            int next = i == chain.size() - 1 ? packetType : modExValue;
            w.u8(m.type << 4 | next);
        }
    }

    static int chainLength(List<ModEx> chain) {
        int n = 0;
        for (ModEx m : chain) {
            n += m.encodedLength();
        }
        return n;
    }

    static List<ModEx> copyOf(List<ModEx> chain) {
        return List.copyOf(new ArrayList<>(chain));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ModEx m && type == m.type && wideSize == m.wideSize && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * type + Boolean.hashCode(wideSize)) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        OptionalInt nano = timestampOffsetNano();
        return "ModEx[type=" + knownType().map(ModExType::specName).orElse(Integer.toString(type))
                + (nano.isPresent() ? ", value=" + nano.getAsInt() : "") + ", size=" + data.length
                + (wideSize ? ", wide" : "") + "]";
    }
}
