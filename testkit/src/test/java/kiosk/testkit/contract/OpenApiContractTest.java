package kiosk.testkit.contract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import kiosk.testkit.contract.OpenApiContract.Verdict;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The contract on a small document (src/test/resources/contract/openapi.yaml): what passes, and each kind of breach. */
class OpenApiContractTest {

    private static final Map<String, String> JSON = Map.of("content-type", "application/json");
    private static final Map<String, String> PROBLEM = Map.of("content-type", "application/problem+json");
    private static final String THING = """
            {"id": "t-1", "price": {"amount": 3450, "currency": "EUR"}, "createdAt": "2026-01-02T03:04:05Z", "tags": ["a"]}""";

    private static final OpenApiContract CONTRACT = load();

    private static OpenApiContract load() {
        try {
            return OpenApiContract.load(Path.of(OpenApiContractTest.class.getResource("/contract/openapi.yaml").toURI()));
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void assertPasses(Verdict verdict) {
        assertTrue(verdict.passed(), verdict::report);
    }

    /** Fails unless the verdict has exactly one problem, containing each fragment. */
    private static void assertOneProblem(Verdict verdict, String... fragments) {
        assertEquals(1, verdict.problems().size(), verdict::report);
        for (String fragment : fragments) {
            assertTrue(verdict.problems().get(0).contains(fragment), "'" + fragment + "' in:\n" + verdict.report());
        }
    }

    @Test
    void aResponseAsDeclaredPassesWithItsReferencesResolvedAndExamplesIgnored() {
        assertPasses(CONTRACT.check("GET /things/{id}", 200, Map.of("content-type", "application/json; charset=utf-8"), THING));
        assertPasses(CONTRACT.check("GET /things/{id}", 404, PROBLEM, "{\"type\": \"urn:x\", \"status\": 404}"));
        assertPasses(CONTRACT.check("POST /things", 201, JSON, THING));
        assertPasses(CONTRACT.check("POST /things", 202, Map.of(), ""));
        assertPasses(CONTRACT.check("DELETE /things/{id}", 204, Map.of(), null));
        assertPasses(CONTRACT.check("GET /things/{id}", 304, Map.of("etag", "\"3\""), ""));
    }

    @Test
    void aStatusFallsBackToItsRangeThenToDefault() {
        assertPasses(CONTRACT.check("GET /things/{id}", 401, JSON, "{\"message\": \"Unauthorized\"}"));
        assertPasses(CONTRACT.check("GET /things/{id}", 503, PROBLEM, "{\"type\": \"urn:x\", \"status\": 503}"));
        assertOneProblem(CONTRACT.check("GET /things/{id}", 403, PROBLEM, "{\"type\": \"urn:x\", \"status\": 403}"),
                "application/problem+json", "application/json");
    }

    @Test
    void aMediaTypeWithoutSchemaTakesAnyBodyOrNone() {
        assertPasses(CONTRACT.check("GET /things", 200, Map.of("content-type", "text/plain"), "anything"));
        assertPasses(CONTRACT.check("GET /things", 200, Map.of(), ""));
    }

    @Test
    void aRouteTheDocumentLacksIsAViolationAndNotCovered() {
        assertFalse(CONTRACT.covers("GET /nothing"));
        assertFalse(CONTRACT.covers("PUT /things/{id}"));
        assertFalse(CONTRACT.covers("null"));
        assertTrue(CONTRACT.covers("GET /things/{id}"));
        assertOneProblem(CONTRACT.check("PUT /things/{id}", 200, JSON, THING), "not in openapi.yaml", "PUT /things/{id}");
    }

    @Test
    void aStatusNotDeclaredIsAViolation() {
        assertOneProblem(CONTRACT.check("DELETE /things/{id}", 200, JSON, THING), "status 200 is not declared", "204");
        assertOneProblem(CONTRACT.check("POST /things", 409, PROBLEM, "{}"), "status 409 is not declared");
    }

    @Test
    void aBodyWhereNoneIsDeclaredIsAViolation() {
        assertOneProblem(CONTRACT.check("POST /things", 202, JSON, "{}"), "declares no content");
        assertOneProblem(CONTRACT.check("DELETE /things/{id}", 204, JSON, "{}"), "a body on a 204");
        assertOneProblem(CONTRACT.check("GET /things/{id}", 304, JSON, THING), "a body on a 304");
    }

    @Test
    void noBodyWhereASchemaIsDeclaredIsAViolation() {
        assertOneProblem(CONTRACT.check("GET /things/{id}", 200, JSON, ""), "no body", "application/json");
    }

    @Test
    void aContentTypeNotDeclaredOrMissingIsAViolation() {
        assertOneProblem(CONTRACT.check("GET /things/{id}", 200, Map.of("content-type", "text/html"), THING),
                "content-type text/html is not among", "application/json");
        assertOneProblem(CONTRACT.check("GET /things/{id}", 404, JSON, "{\"type\": \"urn:x\", \"status\": 404}"),
                "content-type application/json is not among", "application/problem+json");
        assertOneProblem(CONTRACT.check("GET /things/{id}", 200, Map.of(), THING), "content-type missing");
    }

    @Test
    void aBodyFailingItsSchemaIsAViolationPerMessage() {
        Verdict verdict = CONTRACT.check("GET /things/{id}", 200, JSON, """
                {"id": "x-1", "price": {"amount": 34.5}, "createdAt": "yesterday", "extra": true}""");
        List<String> problems = verdict.problems();
        String report = verdict.report();
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/id") && p.contains("pattern")), report);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/price/amount") && p.contains("integer")), report);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/price") && p.contains("currency")), report);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("/createdAt") && p.contains("date-time")), report);
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("(root): ") && p.contains("extra")), report);
        assertEquals(5, problems.size(), report);
    }

    @Test
    void aBodyThatIsNotJsonIsAViolation() {
        assertOneProblem(CONTRACT.check("GET /things/{id}", 200, JSON, "{\"id\": "), "body is not JSON");
        assertOneProblem(CONTRACT.check("GET /things/{id}", 200, JSON, THING + " {}"), "body is not JSON");
    }

    @Test
    void theReportNamesTheRouteStatusEachProblemAndTheBodysFirstTwoKilobytes() {
        String longBody = "{\"id\": \"" + "9".repeat(5000) + "\"}";
        String report = CONTRACT.check("GET /things/{id}", 200, JSON, longBody).report();
        assertTrue(report.startsWith("GET /things/{id} answered 200, against api/openapi.yaml:\n  - "), report);
        assertTrue(report.contains("body: {\"id\": \"999"), report);
        assertTrue(report.endsWith("... (" + (longBody.length() - 2048) + " more characters)"), report);
        assertTrue(report.length() < 2048 + 1000, "truncated: " + report.length());
    }

    @Test
    void aDocumentThatIsNotOpenApi31IsRefused(@TempDir Path folder) throws Exception {
        Path swagger = Files.writeString(folder.resolve("old.yaml"), "swagger: '2.0'\npaths: {}\n");
        assertThrows(IllegalArgumentException.class, () -> OpenApiContract.load(swagger));
        Path broken = Files.writeString(folder.resolve("broken.yaml"), "openapi: 3.1.0\ninfo:\n  description: a: b\n");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> OpenApiContract.load(broken));
        assertTrue(e.getMessage().contains("line 3"), e.getMessage());
    }
}
