package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import java.util.Arrays;
import java.util.Optional;
import java.util.function.ToIntFunction;

/**
 * Reverse lookup from a small wire value (a UB[n] or UI8 field) to the enum constant that names it,
 * shared by this package's value enums ({@link AudioPacketType}, {@link VideoFrameType},
 * {@link SoundFormat}, ...): one bounds-checked array index per lookup, and one form for the error
 * about a reserved value.
 *
 * @param <E> the enum
 */
final class WireValues<E extends Enum<E>> {

    private final E[] byValue;
    private final String field;
    private final String reference;

    /**
     * @param constants the enum's constants ({@code values()})
     * @param valueOf   a constant's wire value; must be in {@code 0..size-1}
     * @param size      the number of values the field can hold (16 for UB[4], 256 for UI8, ...)
     * @param field     the field's name in error messages, e.g. {@code "audio packet type"}
     * @param reference where the field is defined, e.g. {@code "flv-10.1.txt E.4.2.1"}
     */
    WireValues(E[] constants, ToIntFunction<E> valueOf, int size, String field, String reference) {
        E[] table = Arrays.copyOf(constants, size);
        Arrays.fill(table, null);
        for (E c : constants) {
            table[valueOf.applyAsInt(c)] = c;
        }
        this.byValue = table;
        this.field = field;
        this.reference = reference;
    }

    /** The constant with this wire value, or null for a reserved or out-of-range value. */
    E get(int value) {
        return value >= 0 && value < byValue.length ? byValue[value] : null;
    }

    /** The constant with this wire value; empty for a reserved or out-of-range value. */
    Optional<E> find(int value) {
        return Optional.ofNullable(get(value));
    }

    /** The constant with this wire value; a reserved value is a protocol error. */
    E require(int value) {
        E e = get(value);
        if (e == null) {
            throw new RtmpProtocolException("reserved " + field + " " + value + " (" + reference + ")");
        }
        return e;
    }
}
