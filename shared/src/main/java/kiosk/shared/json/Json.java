package kiosk.shared.json;

import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.JsonFactoryBuilder;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import com.fasterxml.jackson.databind.json.JsonMapper;

/**
 * Kiosk's one Jackson databind configuration, for what partners, queues and the payment gateway
 * send and for the canonical JSON it writes itself (client bodies are read by {@link JsonRecords},
 * to the same rules, without databind; responses are written by {@link JsonWriter}). Strict on
 * input because a sender whose field we ignore, whose float stands where money is an integer, or
 * whose key comes twice would otherwise be misled about what was stored.
 */
public final class Json {

    public static final ObjectMapper MAPPER = JsonMapper.builder(
                    new JsonFactoryBuilder().streamReadConstraints(JsonRecords.LIMITS).build())
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
            .disable(MapperFeature.ALLOW_COERCION_OF_SCALARS)
            // Jackson turns 5 and true into "5" and "true" for a String field even with scalar
            // coercion off: a client sending the wrong type is told so instead.
            .withCoercionConfig(LogicalType.Textual, config -> config
                    .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                    .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail))
            .build();

    private Json() {
    }
}
