package kiosk.testkit.contract;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * The hook {@code kiosk.shared.http.Http} calls with every response a handler builds in a test
 * (the build names this class in the system property {@code kiosk.contract}): checks it against
 * the project's api/openapi.yaml and throws an AssertionError that says how it breaks it. Routes
 * the document does not have (the test routes of a module's own tests) are let through: the
 * document's parity with template.yaml is a test of its own. One document for the whole JVM,
 * also when the local runtime's functions, each in its own class loader, reach this class through
 * the system class loader.
 */
public final class ContractCheck implements Consumer<Map<String, Object>> {

    private static final AtomicInteger SEEN = new AtomicInteger();
    private static final AtomicInteger VALIDATED = new AtomicInteger();

    /** Loaded on first use, so that a document that does not load fails the responses, not class loading. */
    private static final class Document {
        static final OpenApiContract CONTRACT;
        static final RuntimeException FAILURE;

        static {
            OpenApiContract contract = null;
            RuntimeException failure = null;
            try {
                contract = OpenApiContract.project();
            } catch (RuntimeException e) {
                failure = e;
            }
            CONTRACT = contract;
            FAILURE = failure;
        }
    }

    @Override
    @SuppressWarnings("unchecked")
    public void accept(Map<String, Object> response) {
        SEEN.incrementAndGet();
        if (Document.FAILURE != null) {
            throw new AssertionError("api/openapi.yaml cannot check responses: " + Document.FAILURE.getMessage(), Document.FAILURE);
        }
        String routeKey = String.valueOf(response.get("routeKey"));
        if (!Document.CONTRACT.covers(routeKey)) {
            return;
        }
        OpenApiContract.Verdict verdict = Document.CONTRACT.check(routeKey, (Integer) response.get("status"),
                (Map<String, String>) response.get("headers"), (String) response.get("body"));
        VALIDATED.incrementAndGet();
        if (!verdict.passed()) {
            throw new AssertionError(verdict.report());
        }
    }

    /** Responses validated against the document in this JVM so far. */
    public static int validated() {
        return VALIDATED.get();
    }

    /** Responses the hook saw in this JVM so far, validated or let through. */
    public static int seen() {
        return SEEN.get();
    }
}
