package io.rtmp4j.session;

import io.rtmp4j.amf.Amf0Object;
import io.rtmp4j.amf.Amf0Properties;
import io.rtmp4j.amf.Amf0Property;
import io.rtmp4j.amf.Amf0StrictArray;
import io.rtmp4j.amf.Amf0Value;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The Enhanced RTMP capability block of a {@code connect} command object or of a connect
 * {@code _result} (enhanced-rtmp-v2.md "Enhancing NetConnection connect Command"):
 * {@code fourCcList}, {@code videoFourCcInfoMap}, {@code audioFourCcInfoMap} and {@code capsEx}.
 *
 * <p>Each part is optional; an absent part is not written at all, so {@link #NONE} adds no byte to a
 * command and the command is exactly the legacy one. Parts are written in the order
 * fourCcList, videoFourCcInfoMap, audioFourCcInfoMap, capsEx, after the legacy properties.
 *
 * <pre>{@code
 * EnhancedCapabilities caps = EnhancedCapabilities.NONE
 *         .withFourCcList(List.of("av01", "vp09", "hvc1", "Opus"))            // what ffmpeg sends
 *         .withVideoFourCc("*", EnhancedCapabilities.CAN_FORWARD)
 *         .withVideoFourCc("vp09", EnhancedCapabilities.CAN_DECODE | EnhancedCapabilities.CAN_ENCODE)
 *         .withCapsEx(EnhancedCapabilities.CAPS_RECONNECT | EnhancedCapabilities.CAPS_MULTITRACK);
 * }</pre>
 *
 * @param fourCcList         declared codecs ("*" = any), or empty when not sent
 * @param videoFourCcInfoMap video FourCC (or "*") to FourCcInfoMask flags, insertion-ordered; empty when not sent
 * @param audioFourCcInfoMap audio FourCC (or "*") to FourCcInfoMask flags, insertion-ordered; empty when not sent
 * @param capsEx             CapsExMask flags, or -1 when not sent
 */
public record EnhancedCapabilities(Optional<List<String>> fourCcList, Map<String, Integer> videoFourCcInfoMap,
                                   Map<String, Integer> audioFourCcInfoMap, int capsEx) {

    /** FourCcInfoMask.CanDecode. */
    public static final int CAN_DECODE = 0x01;
    /** FourCcInfoMask.CanEncode. */
    public static final int CAN_ENCODE = 0x02;
    /** FourCcInfoMask.CanForward. */
    public static final int CAN_FORWARD = 0x04;

    /** CapsExMask.Reconnect: support for the Reconnect Request. */
    public static final int CAPS_RECONNECT = 0x01;
    /** CapsExMask.Multitrack. */
    public static final int CAPS_MULTITRACK = 0x02;
    /** CapsExMask.ModEx: can parse the ModEx signal. */
    public static final int CAPS_MODEX = 0x04;
    /** CapsExMask.TimestampNanoOffset. */
    public static final int CAPS_TIMESTAMP_NANO_OFFSET = 0x08;

    /** The wildcard FourCC key ("any codec"). */
    public static final String WILDCARD = "*";

    /** Property names (enhanced-rtmp-v2.md). */
    static final String FOURCC_LIST = "fourCcList";
    static final String VIDEO_INFO_MAP = "videoFourCcInfoMap";
    static final String AUDIO_INFO_MAP = "audioFourCcInfoMap";
    static final String CAPS_EX = "capsEx";

    /** No enhanced capabilities: legacy RTMP. */
    public static final EnhancedCapabilities NONE = new EnhancedCapabilities(Optional.empty(), Map.of(), Map.of(), -1);

    /**
     * Copies the collections (keeping their order).
     *
     * @param fourCcList declared codecs ("*" = any), or empty when not sent
     * @param videoFourCcInfoMap video FourCC (or "*") to FourCcInfoMask flags, insertion-ordered
     * @param audioFourCcInfoMap audio FourCC (or "*") to FourCcInfoMask flags, insertion-ordered
     * @param capsEx CapsExMask flags, or -1 when not sent
     */
    public EnhancedCapabilities {
        Objects.requireNonNull(fourCcList, "fourCcList");
        fourCcList = fourCcList.map(List::copyOf);
        videoFourCcInfoMap = Collections.unmodifiableMap(new LinkedHashMap<>(videoFourCcInfoMap));
        audioFourCcInfoMap = Collections.unmodifiableMap(new LinkedHashMap<>(audioFourCcInfoMap));
        if (capsEx < -1) {
            throw new IllegalArgumentException("capsEx must be -1 (absent) or a non-negative mask: " + capsEx);
        }
    }

    /**
     * True when nothing would be written (legacy RTMP).
     *
     * @return true if empty
     */
    public boolean isEmpty() {
        return fourCcList.isEmpty() && videoFourCcInfoMap.isEmpty() && audioFourCcInfoMap.isEmpty() && capsEx < 0;
    }

    /**
     * A copy with this fourCcList (ffmpeg's {@code -rtmp_enhanced_codecs} sends only this).
     *
     * @param list the FourCCs (or "*")
     * @return the new block
     */
    public EnhancedCapabilities withFourCcList(List<String> list) {
        return new EnhancedCapabilities(Optional.of(list), videoFourCcInfoMap, audioFourCcInfoMap, capsEx);
    }

    /**
     * A copy with {@code fourCc} (or "*") set to {@code flags} in videoFourCcInfoMap.
     *
     * @param fourCc a FourCC or "*"
     * @param flags the FourCcInfoMask flags
     * @return the new block
     */
    public EnhancedCapabilities withVideoFourCc(String fourCc, int flags) {
        Map<String, Integer> m = new LinkedHashMap<>(videoFourCcInfoMap);
        m.put(Objects.requireNonNull(fourCc), flags);
        return new EnhancedCapabilities(fourCcList, m, audioFourCcInfoMap, capsEx);
    }

    /**
     * A copy with {@code fourCc} (or "*") set to {@code flags} in audioFourCcInfoMap.
     *
     * @param fourCc a FourCC or "*"
     * @param flags the FourCcInfoMask flags
     * @return the new block
     */
    public EnhancedCapabilities withAudioFourCc(String fourCc, int flags) {
        Map<String, Integer> m = new LinkedHashMap<>(audioFourCcInfoMap);
        m.put(Objects.requireNonNull(fourCc), flags);
        return new EnhancedCapabilities(fourCcList, videoFourCcInfoMap, m, capsEx);
    }

    /**
     * A copy with this capsEx mask (-1 = not sent).
     *
     * @param mask the capsEx bits, or −1
     * @return the new block
     */
    public EnhancedCapabilities withCapsEx(int mask) {
        return new EnhancedCapabilities(fourCcList, videoFourCcInfoMap, audioFourCcInfoMap, mask);
    }

    /**
     * Whether capsEx was sent and has all of {@code mask}'s bits.
     *
     * @param mask the bits to test
     * @return true if all are set
     */
    public boolean hasCapsEx(int mask) {
        return capsEx >= 0 && (capsEx & mask) == mask;
    }

    /**
     * The effective FourCcInfoMask flags for a video codec: its own entry OR the "*" entry (the
     * wildcard "overrides the flags set on properties for specific codecs", so its flags apply to every
     * codec; the spec's example reads "vp09: CanDecode | CanEncode" + "*: CanForward" as decode, encode
     * and forward).
     *
     * @param fourCc a video FourCC
     * @return the flags
     */
    public int videoFlags(String fourCc) {
        return flags(videoFourCcInfoMap, fourCc);
    }

    /**
     * As {@link #videoFlags(String)}, for audio.
     *
     * @param fourCc an audio FourCC
     * @return the flags
     */
    public int audioFlags(String fourCc) {
        return flags(audioFourCcInfoMap, fourCc);
    }

    /**
     * Whether {@code fourCc} is in fourCcList, directly or through "*".
     *
     * @param fourCc a FourCC
     * @return true if listed
     */
    public boolean listed(String fourCc) {
        return fourCcList.map(l -> l.contains(fourCc) || l.contains(WILDCARD)).orElse(false);
    }

    private static int flags(Map<String, Integer> map, String fourCc) {
        return map.getOrDefault(fourCc, 0) | map.getOrDefault(WILDCARD, 0);
    }

    /**
     * Reads the block from a connect command object or connect {@code _result} properties. Malformed
     * parts (wrong AMF type, non-string list entries, non-number flags) are skipped rather than refused:
     * the block is advisory.
     *
     * @param properties the command object or result properties
     * @return the block (empty parts where absent or malformed)
     */
    public static EnhancedCapabilities from(Amf0Properties properties) {
        Optional<List<String>> list = Optional.empty();
        Optional<Amf0Value> l = properties.get(FOURCC_LIST);
        if (l.isPresent() && l.get() instanceof Amf0StrictArray array) {
            List<String> out = new ArrayList<>();
            for (Amf0Value v : array.values()) {
                String s = v.asString();
                if (s != null) {
                    out.add(s);
                }
            }
            list = Optional.of(out);
        }
        Map<String, Integer> video = readMap(properties, VIDEO_INFO_MAP);
        Map<String, Integer> audio = readMap(properties, AUDIO_INFO_MAP);
        int caps = properties.get(CAPS_EX).map(Amf0Value::asNumber)
                .map(d -> d >= 0 && d <= Integer.MAX_VALUE ? (int) (double) d : -1).orElse(-1);
        return new EnhancedCapabilities(list, video, audio, caps);
    }

    private static Map<String, Integer> readMap(Amf0Properties properties, String name) {
        Map<String, Integer> out = new LinkedHashMap<>();
        Optional<Amf0Value> v = properties.get(name);
        if (v.isPresent() && v.get() instanceof Amf0Properties map) {
            for (Amf0Property p : map.properties()) {
                Double d = p.value().asNumber();
                if (d != null && d >= 0 && d <= Integer.MAX_VALUE) {
                    out.put(p.name(), (int) (double) d);
                }
            }
        }
        return out;
    }

    /**
     * Appends the present parts to {@code builder}, in the documented order.
     *
     * @param builder the object being built
     */
    public void writeTo(Amf0Object.Builder builder) {
        fourCcList.ifPresent(list -> {
            List<Amf0Value> values = new ArrayList<>(list.size());
            for (String s : list) {
                values.add(Amf0Value.of(s));
            }
            builder.put(FOURCC_LIST, new Amf0StrictArray(values));
        });
        if (!videoFourCcInfoMap.isEmpty()) {
            builder.put(VIDEO_INFO_MAP, mapObject(videoFourCcInfoMap));
        }
        if (!audioFourCcInfoMap.isEmpty()) {
            builder.put(AUDIO_INFO_MAP, mapObject(audioFourCcInfoMap));
        }
        if (capsEx >= 0) {
            builder.put(CAPS_EX, (double) capsEx);
        }
    }

    private static Amf0Object mapObject(Map<String, Integer> map) {
        Amf0Object.Builder b = Amf0Object.builder();
        map.forEach((k, v) -> b.put(k, (double) v));
        return b.build();
    }
}
