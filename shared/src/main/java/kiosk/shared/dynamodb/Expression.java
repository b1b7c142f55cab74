package kiosk.shared.dynamodb;

import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Placeholders for one request's update, condition and key expressions: every attribute name
 * becomes {@code #n} and every value {@code :v}, so expressions are written from an item
 * mapping's constants, never with a name spelled inline (reserved words such as {@code name} and
 * {@code status} need it anyway) and never with a value in the text.
 */
public final class Expression {

    private final Map<String, String> names = new LinkedHashMap<>();
    private final Map<String, AttributeValue> values = new LinkedHashMap<>();

    /** The placeholder of an attribute name; the same name gets the same placeholder. */
    public String name(String attribute) {
        return names.entrySet().stream().filter(e -> e.getValue().equals(attribute)).map(Map.Entry::getKey).findFirst()
                .orElseGet(() -> {
                    String placeholder = "#n" + names.size();
                    names.put(placeholder, attribute);
                    return placeholder;
                });
    }

    /** The placeholder of a value. */
    public String value(AttributeValue value) {
        String placeholder = ":v" + values.size();
        values.put(placeholder, value);
        return placeholder;
    }

    /**
     * For the request's ExpressionAttributeNames; null when there are none, which the SDK leaves
     * out of the request (DynamoDB refuses an empty map).
     */
    public Map<String, String> names() {
        return names.isEmpty() ? null : Map.copyOf(names);
    }

    /** For the request's ExpressionAttributeValues; null when there are none, as for names. */
    public Map<String, AttributeValue> values() {
        return values.isEmpty() ? null : Map.copyOf(values);
    }
}
