package kiosk.shared.aws;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class PrimingSandboxTest {

    private static final String KETTLE = "{\"id\":{\"S\":\"kettle\"},\"name\":{\"S\":\"Kettle\"},\"stock\":{\"N\":\"7\"}}";
    private static final String CART_LINE = "{\"userId\":{\"S\":\"u1\"},\"productId\":{\"S\":\"kettle\"},\"quantity\":{\"N\":\"2\"}}";

    @AfterEach
    void empty() {
        PrimingSandbox.clear();
    }

    @Test
    void aGetItemFindsWhatWasPutUnderItsKeyInItsTableOnly() {
        put("Products", KETTLE);

        assertEquals(Optional.of("{\"Item\":" + KETTLE + "}"), answer("GetItem", "{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}"));
        assertEquals(Optional.empty(), answer("GetItem", "{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"teapot\"}}}"));
        assertEquals(Optional.empty(), answer("GetItem", "{\"TableName\":\"Carts\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}"));
    }

    @Test
    void theNewestPutOfAKeyIsTheOneFound() {
        put("Products", KETTLE);
        String restocked = KETTLE.replace("\"7\"", "\"9\"");
        put("Products", restocked);

        assertEquals(Optional.of("{\"Item\":" + restocked + "}"), answer("GetItem", "{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}"));
    }

    @Test
    void theItemsATransactionPutsAreFoundAndItsOtherStepsAreNot() {
        PrimingSandbox.putTransaction(("{\"TransactItems\":[{\"Put\":{\"TableName\":\"Carts\",\"Item\":" + CART_LINE + "}},"
                + "{\"Update\":{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}}]}").getBytes(StandardCharsets.UTF_8));

        assertTrue(answer("GetItem", "{\"TableName\":\"Carts\",\"Key\":{\"userId\":{\"S\":\"u1\"},\"productId\":{\"S\":\"kettle\"}}}").isPresent());
        assertEquals(Optional.empty(), answer("GetItem", "{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}"));
    }

    @Test
    void aCompositeKeyMatchesOnlyWhenEveryPartDoes() {
        put("Carts", CART_LINE);

        assertTrue(answer("GetItem", "{\"TableName\":\"Carts\",\"Key\":{\"userId\":{\"S\":\"u1\"},\"productId\":{\"S\":\"kettle\"}}}").isPresent());
        assertEquals(Optional.empty(), answer("GetItem", "{\"TableName\":\"Carts\",\"Key\":{\"userId\":{\"S\":\"u2\"},\"productId\":{\"S\":\"kettle\"}}}"));
        assertEquals(Optional.empty(), answer("GetItem", "{\"TableName\":\"Carts\",\"Key\":{}}"));
    }

    @Test
    void aBatchGetAnswersWhatItFindsAndNothingUnprocessed() {
        put("Products", KETTLE);

        assertEquals(Optional.of("{\"Responses\":{\"Products\":[" + KETTLE + "]},\"UnprocessedKeys\":{}}"),
                answer("BatchGetItem", "{\"RequestItems\":{\"Products\":{\"Keys\":[{\"id\":{\"S\":\"kettle\"}},{\"id\":{\"S\":\"teapot\"}}]}}}"));
        assertEquals(Optional.empty(), answer("BatchGetItem", "{\"RequestItems\":{\"Products\":{\"Keys\":[{\"id\":{\"S\":\"teapot\"}}]}}}"));
    }

    @Test
    void aQueryOrScanOfATableWrittenToAnswersEveryItemPutThere() {
        put("Carts", CART_LINE);
        put("Carts", CART_LINE);
        put("Products", KETTLE);

        assertEquals(Optional.of("{\"Items\":[" + CART_LINE + "],\"Count\":1,\"ScannedCount\":1}"),
                answer("Query", "{\"TableName\":\"Carts\",\"KeyConditionExpression\":\"userId = :u\"}"));
        assertEquals(Optional.empty(), answer("Scan", "{\"TableName\":\"Orders\"}"));
    }

    @Test
    void anUpdateOrDeleteOfAnItemPutHereSucceedsAndAnswersItAsPut() {
        put("Products", KETTLE);
        String update = "{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}},"
                + "\"ConditionExpression\":\"version = :v\",\"ReturnValues\":\"ALL_NEW\"}";

        assertEquals(Optional.of("{\"Attributes\":" + KETTLE + "}"), change(update));
        assertEquals(Optional.of("{}"), change("{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}"));
        assertEquals(Optional.empty(), change("{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"teapot\"}},\"ReturnValues\":\"ALL_NEW\"}"));
    }

    @Test
    void clearedItFindsNothingAndOtherOperationsAreNeverAnsweredHere() {
        put("Products", KETTLE);
        assertEquals(Optional.empty(), answer("GetSecretValue", "{\"SecretId\":\"kettle\"}"));

        PrimingSandbox.clear();

        assertTrue(PrimingSandbox.isEmpty());
        assertEquals(Optional.empty(), answer("GetItem", "{\"TableName\":\"Products\",\"Key\":{\"id\":{\"S\":\"kettle\"}}}"));
    }

    private static void put(String table, String item) {
        PrimingSandbox.put(("{\"TableName\":\"" + table + "\",\"Item\":" + item + "}").getBytes(StandardCharsets.UTF_8));
    }

    private static Optional<String> change(String request) {
        return PrimingSandbox.change(request.getBytes(StandardCharsets.UTF_8)).map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }

    private static Optional<String> answer(String operation, String request) {
        return PrimingSandbox.answer(operation, request.getBytes(StandardCharsets.UTF_8))
                .map(bytes -> new String(bytes, StandardCharsets.UTF_8));
    }
}
