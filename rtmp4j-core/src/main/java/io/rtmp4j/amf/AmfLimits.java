package io.rtmp4j.amf;

/**
 * Limits that every AMF0 / AMF3 decode call enforces (docs/ARCHITECTURE.md "Limits", "fail closed").
 *
 * <p>Independently of these limits, a declared count or length is always checked against the bytes
 * that remain in the input <em>before</em> anything is allocated: a strict array that claims 2³²−1
 * elements, or a string that claims more bytes than remain, is refused at once.
 *
 * <p>Example: {@code Amf0.decodeAll(buf, AmfLimits.DEFAULT.withMaxDepth(16))}.
 *
 * @param maxDepth           maximum nesting of complex values (objects, arrays, typed objects, AMF3
 *                           vectors / dictionaries / externalizable bodies). A top-level scalar has
 *                           depth 0, a top-level object depth 1, and so on. Default {@value #DEFAULT_MAX_DEPTH}
 *                           (issue 2, "Limits"): deep enough for any real command or metadata, shallow
 *                           enough that recursion can never overflow the thread stack.
 * @param maxStringBytes     maximum UTF-8 byte length of one string, XML text or AMF3 byte array.
 *                           Default {@value #DEFAULT_MAX_STRING_BYTES} (1 MiB): RTMP command and
 *                           metadata strings are short; this leaves room for embedded XMP / XML.
 * @param maxCollectionCount maximum number of entries of one collection (strict array, ECMA array,
 *                           object properties, AMF3 dense/associative arrays, vectors, dictionaries).
 *                           Default {@value #DEFAULT_MAX_COLLECTION_COUNT} (2²⁰): room for the
 *                           {@code keyframes.times} / {@code filepositions} arrays that FLV indexers
 *                           (yamdi, flvmeta) put in the onMetaData of day-long recordings (one entry
 *                           per keyframe: 86400 at one keyframe a second), while bounding the memory
 *                           one message can make the decoder hold. The AMF3 → AMF0 bridge
 *                           ({@link Amf3#toAmf0(Amf3Value, AmfLimits)}) also uses it, as the number of
 *                           AMF0 values it makes in all.
 * @param maxTotalBytes      maximum number of input bytes one decode call reads, and maximum
 *                           <em>expanded</em> size of the result (the size it would have if every
 *                           reference were written out inline), which defeats "billion laughs"
 *                           reference bombs. Default {@value #DEFAULT_MAX_TOTAL_BYTES}: the largest
 *                           RTMP message, whose length is a 24-bit field (rtmp-1.0.txt §6.1.1).
 */
public record AmfLimits(int maxDepth, int maxStringBytes, int maxCollectionCount, int maxTotalBytes) {

    /** Default nesting depth. */
    public static final int DEFAULT_MAX_DEPTH = 64;
    /** Default maximum string / byte array length in bytes (1 MiB). */
    public static final int DEFAULT_MAX_STRING_BYTES = 1 << 20;
    /** Default maximum entries per collection. */
    public static final int DEFAULT_MAX_COLLECTION_COUNT = 1 << 20;
    /** Default maximum bytes per decode call: 2²⁴−1, the largest RTMP message body. */
    public static final int DEFAULT_MAX_TOTAL_BYTES = 0xFF_FFFF;

    /** The documented defaults. */
    public static final AmfLimits DEFAULT = new AmfLimits(DEFAULT_MAX_DEPTH, DEFAULT_MAX_STRING_BYTES,
            DEFAULT_MAX_COLLECTION_COUNT, DEFAULT_MAX_TOTAL_BYTES);

    /**
     * Checks that no limit is negative and that {@code maxDepth} is at least 1.
     *
     * @param maxDepth maximum nesting of complex values (objects, arrays, typed objects, AMF3 vectors /
     *     dictionaries / externalizable bodies)
     * @param maxStringBytes maximum UTF-8 byte length of one string, XML text or AMF3 byte array
     * @param maxCollectionCount maximum number of entries of one collection (strict array, ECMA array,
     *     object properties, AMF3 dense/associative arrays, vectors, dictionaries)
     * @param maxTotalBytes maximum number of input bytes one decode call reads, and maximum
     *     <em>expanded</em> size of the result (the size it would have if every reference were written out
     *     inline), which defeats "billion laughs" reference bombs
     * @throws IllegalArgumentException if a value is out of its range
     */
    public AmfLimits {
        if (maxDepth < 1 || maxStringBytes < 0 || maxCollectionCount < 0 || maxTotalBytes < 0) {
            throw new IllegalArgumentException("limits must be non-negative (maxDepth >= 1): maxDepth="
                    + maxDepth + ", maxStringBytes=" + maxStringBytes + ", maxCollectionCount="
                    + maxCollectionCount + ", maxTotalBytes=" + maxTotalBytes);
        }
    }

    /**
     * A copy with another nesting depth limit.
     *
     * @param value the new limit (at least 1)
     * @return the new limits
     */
    public AmfLimits withMaxDepth(int value) {
        return new AmfLimits(value, maxStringBytes, maxCollectionCount, maxTotalBytes);
    }

    /**
     * A copy with another string / byte array length limit.
     *
     * @param value the new limit in bytes
     * @return the new limits
     */
    public AmfLimits withMaxStringBytes(int value) {
        return new AmfLimits(maxDepth, value, maxCollectionCount, maxTotalBytes);
    }

    /**
     * A copy with another collection size limit.
     *
     * @param value the new limit in entries
     * @return the new limits
     */
    public AmfLimits withMaxCollectionCount(int value) {
        return new AmfLimits(maxDepth, maxStringBytes, value, maxTotalBytes);
    }

    /**
     * A copy with another total size limit.
     *
     * @param value the new limit in bytes
     * @return the new limits
     */
    public AmfLimits withMaxTotalBytes(int value) {
        return new AmfLimits(maxDepth, maxStringBytes, maxCollectionCount, value);
    }
}
