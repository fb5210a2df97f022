package io.rtmp4j.flv;

import io.rtmp4j.RtmpProtocolException;
import io.rtmp4j.amf.Amf0Null;
import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Undefined;
import io.rtmp4j.amf.Amf0Value;

/**
 * The {@code colorInfo} object of a video Metadata packet (enhanced-rtmp-v2.md "Metadata Frame"):
 * HDR signalling outside the codec bitstream.
 *
 * <p>Every property is optional ("Not all properties are guaranteed to be present"), so every
 * group and every number is nullable; numbers are the AMF0 doubles exactly as sent (no rounding, no
 * range clamping). A {@code colorInfo} of Undefined or an empty object means "reset to the original
 * color state"; both read as {@link #RESET} ({@link #isReset()}), and {@link #RESET} is written as
 * Undefined, the recommended form. An AMF0 null is read as a reset too (a lenient reading; the spec
 * names only Undefined and {}).
 *
 * <p>Example:
 * <pre>{@code
 * ColorInfo hdr10 = ColorInfo.builder()
 *         .bitDepth(10).colorPrimaries(9).transferCharacteristics(16).matrixCoefficients(9)
 *         .maxFall(400).maxCll(1000)
 *         .build();
 * ExVideoTag tag = ExVideoTag.metadata(VideoFourCc.HEVC, hdr10);
 * }</pre>
 *
 * @param colorConfig the {@code colorConfig} object, or null if absent
 * @param hdrCll      the {@code hdrCll} object, or null if absent
 * @param hdrMdcv     the {@code hdrMdcv} object, or null if absent
 */
public record ColorInfo(ColorConfig colorConfig, HdrCll hdrCll, HdrMdcv hdrMdcv) {

    /** The reset signal: no property at all. */
    public static final ColorInfo RESET = new ColorInfo(null, null, null);

    /**
     * {@code colorConfig}: bit depth and the ISO/IEC 23091-4 (H.273) code points. Each may be null.
     *
     * @param bitDepth                bits per color channel (SHOULD be 8, 10 or 12)
     * @param colorPrimaries          H.273 ColourPrimaries, 0..255
     * @param transferCharacteristics H.273 TransferCharacteristics, 0..255
     * @param matrixCoefficients      H.273 MatrixCoefficients, 0..255
     */
    public record ColorConfig(Double bitDepth, Double colorPrimaries, Double transferCharacteristics,
                              Double matrixCoefficients) {
    }

    /**
     * {@code hdrCll}: content light levels in cd/m². Each may be null.
     *
     * @param maxFall maximum frame-average light level
     * @param maxCll  maximum light level of any pixel (wire name {@code maxCLL})
     */
    public record HdrCll(Double maxFall, Double maxCll) {
    }

    /**
     * {@code hdrMdcv}: mastering display colour volume (SMPTE ST 2086): CIE 1931 xy chromaticities and
     * luminance in cd/m². Each may be null.
     */
    public record HdrMdcv(Double redX, Double redY, Double greenX, Double greenY, Double blueX, Double blueY,
                          Double whitePointX, Double whitePointY, Double maxLuminance, Double minLuminance) {
    }

    /**
     * True for the reset signal (no property).
     *
     * @return true for the reset signal
     */
    public boolean isReset() {
        return colorConfig == null && hdrCll == null && hdrMdcv == null;
    }

    /**
     * A new builder; groups are only written if one of their properties is set.
     *
     * @return an empty builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Reads a {@code colorInfo} AMF0 value: Undefined, null or an empty object/ECMA array is a reset;
     * an object or ECMA array is read property by property, unknown properties ignored. An AVM+
     * (AMF3) value is read through its AMF0 form.
     *
     * @param value the AMF0 value of {@code colorInfo}
     * @return the color information
     * @throws RtmpProtocolException if the value is of another type or a known property is not a number / object
     */
    public static ColorInfo fromAmf0(Amf0Value value) {
        // a writer that switched to AMF3 (AVM+ marker, amf0.txt §3.1): read the AMF3 value's AMF0 form
        value = io.rtmp4j.amf.Amf0.withoutAvmplus(value);
        if (value instanceof Amf0Undefined || value instanceof Amf0Null) {
            return RESET;
        }
        Amf0Properties obj = props(value, "colorInfo");
        if (obj.size() == 0) {
            return RESET;
        }
        ColorConfig cc = null;
        HdrCll cll = null;
        HdrMdcv mdcv = null;
        if (obj.has("colorConfig")) {
            Amf0Properties o = props(obj.get("colorConfig").orElseThrow(), "colorInfo.colorConfig");
            cc = new ColorConfig(num(o, "colorConfig", "bitDepth"), num(o, "colorConfig", "colorPrimaries"),
                    num(o, "colorConfig", "transferCharacteristics"), num(o, "colorConfig", "matrixCoefficients"));
        }
        if (obj.has("hdrCll")) {
            Amf0Properties o = props(obj.get("hdrCll").orElseThrow(), "colorInfo.hdrCll");
            cll = new HdrCll(num(o, "hdrCll", "maxFall"), num(o, "hdrCll", "maxCLL"));
        }
        if (obj.has("hdrMdcv")) {
            Amf0Properties o = props(obj.get("hdrMdcv").orElseThrow(), "colorInfo.hdrMdcv");
            mdcv = new HdrMdcv(num(o, "hdrMdcv", "redX"), num(o, "hdrMdcv", "redY"), num(o, "hdrMdcv", "greenX"),
                    num(o, "hdrMdcv", "greenY"), num(o, "hdrMdcv", "blueX"), num(o, "hdrMdcv", "blueY"),
                    num(o, "hdrMdcv", "whitePointX"), num(o, "hdrMdcv", "whitePointY"),
                    num(o, "hdrMdcv", "maxLuminance"), num(o, "hdrMdcv", "minLuminance"));
        }
        return new ColorInfo(cc, cll, mdcv);
    }

    /**
     * This value as AMF0: Undefined for {@link #RESET}, else an anonymous object with the present
     * groups (each an object) in spec order, each with its present numbers in spec order.
     *
     * @return the AMF0 value
     */
    public Amf0Value toAmf0() {
        if (isReset()) {
            return Amf0Undefined.INSTANCE;
        }
        Amf0Object.Builder b = Amf0Object.builder();
        if (colorConfig != null) {
            Amf0Object.Builder o = Amf0Object.builder();
            put(o, "bitDepth", colorConfig.bitDepth());
            put(o, "colorPrimaries", colorConfig.colorPrimaries());
            put(o, "transferCharacteristics", colorConfig.transferCharacteristics());
            put(o, "matrixCoefficients", colorConfig.matrixCoefficients());
            b.put("colorConfig", o.build());
        }
        if (hdrCll != null) {
            Amf0Object.Builder o = Amf0Object.builder();
            put(o, "maxFall", hdrCll.maxFall());
            put(o, "maxCLL", hdrCll.maxCll());
            b.put("hdrCll", o.build());
        }
        if (hdrMdcv != null) {
            Amf0Object.Builder o = Amf0Object.builder();
            put(o, "redX", hdrMdcv.redX());
            put(o, "redY", hdrMdcv.redY());
            put(o, "greenX", hdrMdcv.greenX());
            put(o, "greenY", hdrMdcv.greenY());
            put(o, "blueX", hdrMdcv.blueX());
            put(o, "blueY", hdrMdcv.blueY());
            put(o, "whitePointX", hdrMdcv.whitePointX());
            put(o, "whitePointY", hdrMdcv.whitePointY());
            put(o, "maxLuminance", hdrMdcv.maxLuminance());
            put(o, "minLuminance", hdrMdcv.minLuminance());
            b.put("hdrMdcv", o.build());
        }
        return b.build();
    }

    private static void put(Amf0Object.Builder b, String name, Double v) {
        if (v != null) {
            b.put(name, v.doubleValue());
        }
    }

    private static Amf0Properties props(Amf0Value v, String where) {
        if (v instanceof Amf0Object || v instanceof io.rtmp4j.amf.Amf0EcmaArray) {
            return (Amf0Properties) v;
        }
        throw new RtmpProtocolException(where + " must be an object, got " + v.getClass().getSimpleName()
                + " (enhanced-rtmp-v2.md \"Metadata Frame\")");
    }

    private static Double num(Amf0Properties o, String group, String name) {
        Amf0Value v = o.get(name).orElse(null);
        if (v == null || v.isNullOrUndefined()) {
            return null;
        }
        Double d = v.asNumber();
        if (d == null) {
            throw new RtmpProtocolException("colorInfo." + group + "." + name + " must be a number, got "
                    + v.getClass().getSimpleName() + " (enhanced-rtmp-v2.md \"Metadata Frame\")");
        }
        return d;
    }

    /** Builds a {@link ColorInfo}; a group is present if any of its properties was set. */
    public static final class Builder {
        private Double bitDepth;
        private Double colorPrimaries;
        private Double transferCharacteristics;
        private Double matrixCoefficients;
        private Double maxFall;
        private Double maxCll;
        private Double redX;
        private Double redY;
        private Double greenX;
        private Double greenY;
        private Double blueX;
        private Double blueY;
        private Double whitePointX;
        private Double whitePointY;
        private Double maxLuminance;
        private Double minLuminance;

        Builder() {
        }

        /**
         * colorConfig.bitDepth.
         *
         * @param v bits per sample
         * @return this builder
         */
        public Builder bitDepth(double v) {
            bitDepth = v;
            return this;
        }

        /**
         * colorConfig.colorPrimaries (H.273 code point).
         *
         * @param v the code point
         * @return this builder
         */
        public Builder colorPrimaries(double v) {
            colorPrimaries = v;
            return this;
        }

        /**
         * colorConfig.transferCharacteristics (H.273 code point).
         *
         * @param v the code point
         * @return this builder
         */
        public Builder transferCharacteristics(double v) {
            transferCharacteristics = v;
            return this;
        }

        /**
         * colorConfig.matrixCoefficients (H.273 code point).
         *
         * @param v the code point
         * @return this builder
         */
        public Builder matrixCoefficients(double v) {
            matrixCoefficients = v;
            return this;
        }

        /**
         * hdrCll.maxFall.
         *
         * @param v maximum frame-average light level, cd/m²
         * @return this builder
         */
        public Builder maxFall(double v) {
            maxFall = v;
            return this;
        }

        /**
         * hdrCll.maxCLL.
         *
         * @param v maximum content light level, cd/m²
         * @return this builder
         */
        public Builder maxCll(double v) {
            maxCll = v;
            return this;
        }

        /**
         * hdrMdcv red primary.
         *
         * @param x chromaticity x
         * @param y chromaticity y
         * @return this builder
         */
        public Builder red(double x, double y) {
            redX = x;
            redY = y;
            return this;
        }

        /**
         * hdrMdcv green primary.
         *
         * @param x chromaticity x
         * @param y chromaticity y
         * @return this builder
         */
        public Builder green(double x, double y) {
            greenX = x;
            greenY = y;
            return this;
        }

        /**
         * hdrMdcv blue primary.
         *
         * @param x chromaticity x
         * @param y chromaticity y
         * @return this builder
         */
        public Builder blue(double x, double y) {
            blueX = x;
            blueY = y;
            return this;
        }

        /**
         * hdrMdcv white point.
         *
         * @param x chromaticity x
         * @param y chromaticity y
         * @return this builder
         */
        public Builder whitePoint(double x, double y) {
            whitePointX = x;
            whitePointY = y;
            return this;
        }

        /**
         * hdrMdcv.maxLuminance.
         *
         * @param v maximum display luminance, cd/m²
         * @return this builder
         */
        public Builder maxLuminance(double v) {
            maxLuminance = v;
            return this;
        }

        /**
         * hdrMdcv.minLuminance.
         *
         * @param v minimum display luminance, cd/m²
         * @return this builder
         */
        public Builder minLuminance(double v) {
            minLuminance = v;
            return this;
        }

        /**
         * The value; with nothing set it is {@link #RESET}.
         *
         * @return the color information
         */
        public ColorInfo build() {
            ColorConfig cc = bitDepth == null && colorPrimaries == null && transferCharacteristics == null
                    && matrixCoefficients == null ? null
                    : new ColorConfig(bitDepth, colorPrimaries, transferCharacteristics, matrixCoefficients);
            HdrCll cll = maxFall == null && maxCll == null ? null : new HdrCll(maxFall, maxCll);
            HdrMdcv mdcv = redX == null && greenX == null && blueX == null && whitePointX == null
                    && maxLuminance == null && minLuminance == null ? null
                    : new HdrMdcv(redX, redY, greenX, greenY, blueX, blueY, whitePointX, whitePointY,
                    maxLuminance, minLuminance);
            return new ColorInfo(cc, cll, mdcv);
        }
    }
}
