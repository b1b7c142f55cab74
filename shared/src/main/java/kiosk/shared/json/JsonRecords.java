package kiosk.shared.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import java.io.IOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads a client's JSON object into a record with jackson-core's streaming parser alone, as
 * strictly as {@link Json#MAPPER} would: a field the record lacks, a key twice, a number or
 * boolean where text belongs, text or a fraction where a whole number belongs, a number too large
 * for its field, anything after the object, each refused. Why not databind: it is some 450
 * classes a function loads on its first request, a fifth of a cold start's class loading for a
 * body of a few strings and numbers.
 *
 * <p>A record's components may be String, Integer, Long, Boolean, a List of any of these, or
 * another such record. A missing field is null, as is a JSON null; no primitives, which have no
 * null to tell a missing field by.
 */
public final class JsonRecords {

    /**
     * Deep nesting and huge strings are never legitimate in our bodies; refuse them early. Numbers
     * keep jackson-core's own limit (1,000 characters; a body is at most 16 KiB anyway): a tighter
     * one stopped the parser before the field was known, so a 40-digit quantity was "malformed"
     * instead of out of range at /quantity. A number is never converted before its field's type
     * is checked, and a fraction never.
     */
    static final StreamReadConstraints LIMITS = StreamReadConstraints.builder()
            .maxNestingDepth(32)
            .maxStringLength(64 * 1024)
            .maxNumberLength(1000)
            .build();

    private static final JsonFactory FACTORY = new JsonFactoryBuilder().streamReadConstraints(LIMITS)
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** Each record's shape, worked out once per class. */
    private static final ClassValue<Shape> SHAPES = new ClassValue<>() {
        @Override
        protected Shape computeValue(Class<?> type) {
            return Shape.of(type);
        }
    };

    private JsonRecords() {
    }

    /**
     * The record the bytes hold. Not JSON (or beyond the limits): jackson-core's exception.
     * JSON of another shape: {@link Mismatch}, saying where.
     */
    public static <T extends Record> T read(byte[] json, Class<T> type) throws IOException {
        Shape shape = SHAPES.get(type);
        try (JsonParser parser = FACTORY.createParser(json)) {
            JsonToken first = parser.nextToken();
            if (first != JsonToken.START_OBJECT) {
                throw new Mismatch(Mismatch.Kind.NOT_AN_OBJECT, List.of());
            }
            Object value = shape.read(parser, new ArrayList<>());
            if (parser.nextToken() != null) {
                throw new Mismatch(Mismatch.Kind.NOT_AN_OBJECT, List.of());
            }
            return type.cast(value);
        }
    }

    /** JSON of the wrong shape for the record, at a path of field names (String) and indexes (Integer). */
    public static final class Mismatch extends IOException {

        public enum Kind {
            /** The document is not one JSON object. */
            NOT_AN_OBJECT,
            /** A field the record does not have. */
            UNKNOWN_FIELD,
            /** A value of another JSON type than the field's, or a fraction for a whole number. */
            WRONG_TYPE,
            /** A whole number too large for its field. */
            OUT_OF_RANGE,
            /** The record refused the values (its constructor threw). */
            INVALID
        }

        private final Kind kind;
        private final List<Object> path;

        Mismatch(Kind kind, List<Object> path) {
            super(kind + " at " + path);
            this.kind = kind;
            this.path = List.copyOf(path);
        }

        public Kind kind() {
            return kind;
        }

        public List<Object> path() {
            return path;
        }
    }

    /** How one JSON value becomes one Java value. */
    private interface Reader {
        /** Reads the value at the parser's current token, leaving the parser on its last token. */
        Object read(JsonParser parser, List<Object> path) throws IOException;
    }

    private static Reader reader(Type type) {
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            return list(reader(generic.getActualTypeArguments()[0]));
        }
        if (!(type instanceof Class<?> raw)) {
            throw new IllegalArgumentException("JsonRecords reads no " + type);
        }
        if (raw == String.class) {
            return (parser, path) -> switch (parser.currentToken()) {
                case VALUE_STRING -> parser.getText();
                case VALUE_NULL -> null;
                default -> throw new Mismatch(Mismatch.Kind.WRONG_TYPE, path);
            };
        }
        if (raw == Integer.class) {
            return nullable((parser, path) -> {
                whole(parser, path);
                if (parser.getNumberType() != JsonParser.NumberType.INT) {
                    throw new Mismatch(Mismatch.Kind.OUT_OF_RANGE, path);
                }
                return parser.getIntValue();
            });
        }
        if (raw == Long.class) {
            return nullable((parser, path) -> {
                whole(parser, path);
                if (parser.getNumberType() == JsonParser.NumberType.BIG_INTEGER) {
                    throw new Mismatch(Mismatch.Kind.OUT_OF_RANGE, path);
                }
                return parser.getLongValue();
            });
        }
        if (raw == Boolean.class) {
            return nullable((parser, path) -> switch (parser.currentToken()) {
                case VALUE_TRUE -> Boolean.TRUE;
                case VALUE_FALSE -> Boolean.FALSE;
                default -> throw new Mismatch(Mismatch.Kind.WRONG_TYPE, path);
            });
        }
        if (raw.isRecord()) {
            // Looked up when first read, not now: a record may hold itself (a tree).
            return nullable((parser, path) -> SHAPES.get(raw).read(parser, path));
        }
        throw new IllegalArgumentException("JsonRecords reads no " + raw.getName());
    }

    private static void whole(JsonParser parser, List<Object> path) throws Mismatch {
        if (parser.currentToken() != JsonToken.VALUE_NUMBER_INT) {
            throw new Mismatch(Mismatch.Kind.WRONG_TYPE, path);
        }
    }

    /** Null for JSON null, otherwise the reader's value. */
    private static Reader nullable(Reader reader) {
        return (parser, path) -> parser.currentToken() == JsonToken.VALUE_NULL ? null : reader.read(parser, path);
    }

    private static Reader list(Reader element) {
        return nullable((parser, path) -> {
            if (parser.currentToken() != JsonToken.START_ARRAY) {
                throw new Mismatch(Mismatch.Kind.WRONG_TYPE, path);
            }
            List<Object> values = new ArrayList<>();
            while (parser.nextToken() != JsonToken.END_ARRAY) {
                path.add(values.size());
                values.add(element.read(parser, path));
                path.remove(path.size() - 1);
            }
            return values;
        });
    }

    /** A record's fields by name, in its constructor's order, and the constructor. */
    private record Shape(Class<?> type, Map<String, Integer> positions, Reader[] readers, Constructor<?> constructor) {

        static Shape of(Class<?> type) {
            if (!type.isRecord()) {
                throw new IllegalArgumentException("JsonRecords reads records, not " + type.getName());
            }
            RecordComponent[] components = type.getRecordComponents();
            Map<String, Integer> positions = new HashMap<>();
            Reader[] readers = new Reader[components.length];
            Class<?>[] types = new Class<?>[components.length];
            for (int i = 0; i < components.length; i++) {
                positions.put(components[i].getName(), i);
                readers[i] = reader(components[i].getGenericType());
                types[i] = components[i].getType();
            }
            try {
                Constructor<?> constructor = type.getDeclaredConstructor(types);
                constructor.setAccessible(true);
                return new Shape(type, positions, readers, constructor);
            } catch (NoSuchMethodException e) {
                throw new IllegalStateException(type.getName() + " has no canonical constructor", e);
            }
        }

        Object read(JsonParser parser, List<Object> path) throws IOException {
            if (parser.currentToken() != JsonToken.START_OBJECT) {
                throw new Mismatch(Mismatch.Kind.WRONG_TYPE, path);
            }
            Object[] values = new Object[readers.length];
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String name = parser.currentName();
                path.add(name);
                Integer position = positions.get(name);
                if (position == null) {
                    throw new Mismatch(Mismatch.Kind.UNKNOWN_FIELD, path);
                }
                parser.nextToken();
                values[position] = readers[position].read(parser, path);
                path.remove(path.size() - 1);
            }
            try {
                return constructor.newInstance(values);
            } catch (InvocationTargetException e) {
                throw new Mismatch(Mismatch.Kind.INVALID, path);
            } catch (ReflectiveOperationException e) {
                throw new IllegalStateException("cannot construct " + type.getName(), e);
            }
        }
    }
}
