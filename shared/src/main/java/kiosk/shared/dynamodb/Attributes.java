package kiosk.shared.dynamodb;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The AttributeValue conversions every DynamoDB store uses, one way each, so that an item mapping
 * reads as its attribute names and values. Reading a missing attribute is an error of the mapping
 * (the item was written by it), never a null passed on.
 */
public final class Attributes {

    private Attributes() {
    }

    public static AttributeValue s(String value) {
        return AttributeValue.fromS(value);
    }

    public static AttributeValue n(long value) {
        return AttributeValue.fromN(Long.toString(value));
    }

    /** A string set; DynamoDB has no empty set, so callers leave an empty one out of the item. */
    public static AttributeValue ss(Collection<String> values) {
        return AttributeValue.fromSs(List.copyOf(values));
    }

    public static String string(Map<String, AttributeValue> item, String name) {
        return required(item, name).s();
    }

    public static long number(Map<String, AttributeValue> item, String name) {
        return Long.parseLong(required(item, name).n());
    }

    private static AttributeValue required(Map<String, AttributeValue> item, String name) {
        AttributeValue value = item.get(name);
        if (value == null) {
            throw new IllegalStateException("stored item has no attribute " + name);
        }
        return value;
    }
}
