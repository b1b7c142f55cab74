package kiosk.accounts.privacy;

import com.fasterxml.jackson.core.JsonGenerator;
import java.io.IOException;
import java.math.BigDecimal;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * A DynamoDB item as plain JSON, every attribute as stored: strings, numbers, booleans, null,
 * lists and maps as themselves, sets as arrays, binary as base64. Members in name order, so two
 * exports of the same data are the same text.
 */
final class ItemJson {

    private ItemJson() {
    }

    static void write(Map<String, AttributeValue> item, JsonGenerator json) throws IOException {
        json.writeStartObject();
        for (Map.Entry<String, AttributeValue> attribute : new TreeMap<>(item).entrySet()) {
            json.writeFieldName(attribute.getKey());
            value(attribute.getValue(), json);
        }
        json.writeEndObject();
    }

    private static void value(AttributeValue value, JsonGenerator json) throws IOException {
        switch (value.type()) {
            case S -> json.writeString(value.s());
            case N -> json.writeNumber(new BigDecimal(value.n()));
            case BOOL -> json.writeBoolean(value.bool());
            case NUL -> json.writeNull();
            case B -> json.writeString(Base64.getEncoder().encodeToString(value.b().asByteArray()));
            case L -> {
                json.writeStartArray();
                for (AttributeValue element : value.l()) {
                    value(element, json);
                }
                json.writeEndArray();
            }
            case M -> write(value.m(), json);
            case SS -> {
                json.writeStartArray();
                for (String element : value.ss()) {
                    json.writeString(element);
                }
                json.writeEndArray();
            }
            case NS -> {
                json.writeStartArray();
                for (String element : value.ns()) {
                    json.writeNumber(new BigDecimal(element));
                }
                json.writeEndArray();
            }
            case BS -> {
                json.writeStartArray();
                for (var element : value.bs()) {
                    json.writeString(Base64.getEncoder().encodeToString(element.asByteArray()));
                }
                json.writeEndArray();
            }
            default -> json.writeNull();
        }
    }
}
