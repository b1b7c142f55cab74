package kiosk.shared.json;

import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;

/**
 * Writes response bodies: records (null components left out), maps, iterables, strings, whole
 * numbers, booleans and enums. Responses are written with this rather than Jackson because building
 * an ObjectMapper and introspecting a record costs about 400 classes and 70 ms on a cold start,
 * and a GET never needs Jackson otherwise. Request bodies are read by JsonRecords, also without databind.
 */
public final class JsonWriter {

    private static final ClassValue<Component[]> COMPONENTS = new ClassValue<>() {
        @Override
        protected Component[] computeValue(Class<?> type) {
            RecordComponent[] components = type.getRecordComponents();
            Component[] out = new Component[components.length];
            for (int i = 0; i < components.length; i++) {
                try {
                    var accessor = components[i].getAccessor();
                    accessor.setAccessible(true);
                    out[i] = new Component(components[i].getName(), MethodHandles.lookup().unreflect(accessor));
                } catch (IllegalAccessException e) {
                    throw new IllegalStateException("cannot read " + type.getName() + "." + components[i].getName(), e);
                }
            }
            return out;
        }
    };

    private JsonWriter() {
    }

    public static String write(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, false);
        return out.toString();
    }

    /**
     * As {@link #write}, but with null components and map values written as null, as Jackson
     * databind writes them by default: the same bytes as {@code Json.MAPPER.writeValueAsString} for
     * text without control characters, for a hash that must not change when the writer does.
     */
    public static String writeWithNulls(Object value) {
        StringBuilder out = new StringBuilder(256);
        write(out, value, true);
        return out.toString();
    }

    private static void write(StringBuilder out, Object value, boolean nulls) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof CharSequence text) {
            string(out, text.toString());
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte
                || value instanceof BigInteger || value instanceof Boolean) {
            out.append(value);
        } else if (value instanceof BigDecimal decimal) {
            out.append(decimal.toPlainString());
        } else if (value instanceof Double || value instanceof Float) {
            throw new IllegalArgumentException("floating-point values are not written: use integer minor units");
        } else if (value instanceof Enum<?> constant) {
            string(out, constant.name());
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                if (nulls || entry.getValue() != null) {
                    first = member(out, first, String.valueOf(entry.getKey()), entry.getValue(), nulls);
                }
            }
            out.append('}');
        } else if (value instanceof Iterable<?> items) {
            out.append('[');
            boolean first = true;
            for (Object item : items) {
                if (!first) {
                    out.append(',');
                }
                write(out, item, nulls);
                first = false;
            }
            out.append(']');
        } else if (value.getClass().isRecord()) {
            out.append('{');
            boolean first = true;
            for (Component component : COMPONENTS.get(value.getClass())) {
                Object member = component.read(value);
                if (nulls || member != null) {
                    first = member(out, first, component.name(), member, nulls);
                }
            }
            out.append('}');
        } else {
            throw new IllegalArgumentException("cannot write " + value.getClass().getName() + " as JSON");
        }
    }

    private static boolean member(StringBuilder out, boolean first, String name, Object value, boolean nulls) {
        if (!first) {
            out.append(',');
        }
        string(out, name);
        out.append(':');
        write(out, value, nulls);
        return false;
    }

    /** RFC 8259 escaping, plus U+2028/U+2029 so the output is also safe inside a script. */
    public static void string(StringBuilder out, String value) {
        out.append('"');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                case '\b' -> out.append("\\b");
                case '\f' -> out.append("\\f");
                default -> {
                    if (c < 0x20 || c == 0x2028 || c == 0x2029) {
                        out.append("\\u");
                        String hex = Integer.toHexString(c);
                        out.append("0".repeat(4 - hex.length())).append(hex);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private record Component(String name, MethodHandle accessor) {
        Object read(Object record) {
            try {
                return accessor.invoke(record);
            } catch (Throwable e) {
                throw new IllegalStateException("cannot read " + name, e);
            }
        }
    }
}
