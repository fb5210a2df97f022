package io.rtmp4j.amf;

import java.util.Arrays;
import java.util.HexFormat;

/**
 * AMF3 ByteArray (marker 0x0C, amf3.txt §3.14): raw bytes. The array is copied on construction and
 * on {@link #bytes()}; {@link #equals} compares contents.
 *
 * @param bytes the bytes
 */
public record Amf3ByteArray(byte[] bytes) implements Amf3Value {

    /**
     * Copies the bytes, so that the value cannot change afterwards.
     *
     * @param bytes the bytes
     */
    public Amf3ByteArray {
        bytes = bytes.clone();
    }

    /**
     * A copy of the bytes.
     *
     * @return a new array with the bytes
     */
    @Override
    public byte[] bytes() {
        return bytes.clone();
    }

    /**
     * Number of bytes.
     *
     * @return the number of bytes
     */
    public int length() {
        return bytes.length;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Amf3ByteArray b && Arrays.equals(bytes, b.bytes);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(bytes);
    }

    @Override
    public String toString() {
        return "Amf3ByteArray[" + (bytes.length <= 64 ? HexFormat.of().formatHex(bytes) : bytes.length + " bytes") + "]";
    }

    byte[] unsafeBytes() {
        return bytes;
    }
}
