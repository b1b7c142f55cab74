package kiosk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The hook as Http calls it, on the project's api/openapi.yaml. */
class ContractCheckTest {

    private static Map<String, Object> answer(String routeKey, int status) {
        return Map.of("routeKey", routeKey, "status", status, "headers", Map.of("content-type", "application/problem+json"),
                "body", "{}");
    }

    @Test
    void routesTheDocumentLacksAreLetThroughAndNotCounted() {
        int seen = ContractCheck.seen();
        int validated = ContractCheck.validated();
        new ContractCheck().accept(answer("GET /echo/{id}", 200));
        new ContractCheck().accept(answer("null", 500));
        assertEquals(seen + 2, ContractCheck.seen());
        assertEquals(validated, ContractCheck.validated());
    }

    @Test
    void anAnswerThatBreaksTheDocumentFailsWithItsReport() {
        int validated = ContractCheck.validated();
        AssertionError breach = assertThrows(AssertionError.class, () -> new ContractCheck().accept(answer("GET /products/{id}", 299)));
        assertTrue(breach.getMessage().startsWith("GET /products/{id} answered 299, against api/openapi.yaml:"), breach.getMessage());
        assertTrue(breach.getMessage().contains("status 299 is not declared"), breach.getMessage());
        assertEquals(validated + 1, ContractCheck.validated());
    }
}
