package io.rtmp4j.amf;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds arbitrary AMF0 / AMF3 values from fuzzer data, for the encode → decode fuzz tests. Complex
 * AMF3 values already built may be reused (same instance), which exercises the reference tables;
 * the depth is bounded so the values stay within {@link AmfLimits#DEFAULT}.
 */
final class AmfValueGenerator {

    private static final int MAX_DEPTH = 6;

    private final FuzzedDataProvider data;
    private final List<Amf3Value> built = new ArrayList<>();

    AmfValueGenerator(FuzzedDataProvider data) {
        this.data = data;
    }

    /** Text as it survives UTF-8 (unpaired surrogates are not representable). */
    private String text(int max) {
        return new String(data.consumeString(max).getBytes(StandardCharsets.UTF_8), StandardCharsets.UTF_8);
    }

    private String name() {
        String s = text(6);
        return s.isEmpty() ? "k" : s;
    }

    private int count() {
        return data.consumeInt(0, 4);
    }

    Amf0Value amf0(int depth) {
        int kind = data.consumeInt(0, depth >= MAX_DEPTH ? 8 : 13);
        switch (kind) {
            case 0: return new Amf0Number(data.consumeDouble());
            case 1: return Amf0Boolean.of(data.consumeBoolean());
            case 2: return Amf0String.of(text(12));
            case 3: return new Amf0String(text(12), true);
            case 4: return Amf0Null.INSTANCE;
            case 5: return Amf0Undefined.INSTANCE;
            case 6: return Amf0Unsupported.INSTANCE;
            case 7: return new Amf0Date(data.consumeDouble(), data.consumeShort());
            case 8: return new Amf0XmlDocument(text(12));
            case 9: return new Amf0Object(props0(depth));
            case 10: return new Amf0EcmaArray(data.consumeLong(0, 0xFFFF_FFFFL), props0(depth));
            case 11: {
                List<Amf0Value> values = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    values.add(amf0(depth + 1));
                }
                return new Amf0StrictArray(values);
            }
            case 12: return new Amf0TypedObject(text(8), props0(depth));
            default: return new Amf0Avmplus(amf3(depth + 1));
        }
    }

    private List<Amf0Property> props0(int depth) {
        List<Amf0Property> props = new ArrayList<>();
        for (int i = count(); i > 0; i--) {
            props.add(new Amf0Property(text(6), amf0(depth + 1)));
        }
        return props;
    }

    Amf3Value amf3(int depth) {
        int kind = data.consumeInt(0, depth >= MAX_DEPTH ? 11 : 19);
        Amf3Value v;
        switch (kind) {
            case 0: return Amf3Undefined.INSTANCE;
            case 1: return Amf3Null.INSTANCE;
            case 2: return Amf3Boolean.of(data.consumeBoolean());
            case 3: return new Amf3Integer(data.consumeInt(Amf3Integer.MIN_VALUE, Amf3Integer.MAX_VALUE));
            case 4: return new Amf3Double(data.consumeDouble());
            case 5: return Amf3Value.of(text(8));
            case 6: v = new Amf3XmlDocument(text(8)); break;
            case 7: v = new Amf3Date(data.consumeDouble()); break;
            case 8: v = new Amf3Xml(text(8)); break;
            case 9: v = new Amf3ByteArray(data.consumeBytes(8)); break;
            case 10: v = new Amf3VectorDouble(data.consumeBoolean(), List.of(data.consumeDouble(), data.consumeDouble())); break;
            case 11:
                if (built.isEmpty()) {
                    return Amf3Null.INSTANCE;
                }
                return built.get(data.consumeInt(0, built.size() - 1)); // same instance again: a reference
            case 12: {
                List<Amf3Property> assoc = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    assoc.add(new Amf3Property(name(), amf3(depth + 1)));
                }
                List<Amf3Value> dense = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    dense.add(amf3(depth + 1));
                }
                v = new Amf3Array(assoc, dense);
                break;
            }
            case 13: {
                int sealed = data.consumeInt(0, 2);
                List<String> names = new ArrayList<>();
                List<Amf3Value> values = new ArrayList<>();
                for (int i = 0; i < sealed; i++) {
                    names.add(text(4));
                    values.add(amf3(depth + 1));
                }
                boolean dynamic = data.consumeBoolean();
                List<Amf3Property> members = new ArrayList<>();
                if (dynamic) {
                    for (int i = count(); i > 0; i--) {
                        members.add(new Amf3Property(name(), amf3(depth + 1)));
                    }
                }
                String cls = data.consumeBoolean() ? "" : (data.consumeBoolean() ? "Point" : text(6));
                v = new Amf3Object(new Amf3Traits(cls, dynamic, names), values, members);
                break;
            }
            case 14: {
                List<Integer> ints = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    ints.add(data.consumeInt());
                }
                v = new Amf3VectorInt(data.consumeBoolean(), ints);
                break;
            }
            case 15: {
                List<Long> uints = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    uints.add(data.consumeLong(0, 0xFFFF_FFFFL));
                }
                v = new Amf3VectorUint(data.consumeBoolean(), uints);
                break;
            }
            case 16: {
                List<Amf3Value> values = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    values.add(amf3(depth + 1));
                }
                v = new Amf3VectorObject(data.consumeBoolean(), data.consumeBoolean() ? "*" : text(6), values);
                break;
            }
            case 17: {
                List<Amf3Dictionary.Entry> entries = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    entries.add(new Amf3Dictionary.Entry(amf3(depth + 1), amf3(depth + 1)));
                }
                v = new Amf3Dictionary(data.consumeBoolean(), entries);
                break;
            }
            case 18: {
                List<Amf3Value> dense = new ArrayList<>();
                for (int i = count(); i > 0; i--) {
                    dense.add(amf3(depth + 1));
                }
                v = new Amf3Externalizable(Amf3ExternalizableRegistry.ARRAY_COLLECTION, Amf3Array.dense(dense));
                break;
            }
            default:
                v = new Amf3Externalizable(Amf3ExternalizableRegistry.OBJECT_PROXY,
                        Amf3Object.builder().put(name(), amf3(depth + 1)).build());
                break;
        }
        built.add(v);
        return v;
    }
}
