package kiosk.jobs.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.HttpURLConnection;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import kiosk.shared.json.Json;

/**
 * Stripe, over its HTTP API: a charge is a PaymentIntent created and confirmed in one call with the
 * order's payment-method token, amount and currency, off session (the shopper is not there to pass
 * a 3-D Secure challenge, so one that needs it is a decline, not a wait); a refund is a Refund of
 * that PaymentIntent. Both carry the idempotency key derived from the order, so Stripe answers a
 * repeat with the first outcome instead of charging again (for 24 hours, longer than the payment
 * job ever retries).
 *
 * <p>Three calls, written against one pinned API version, rather than stripe-java: its models,
 * parameter classes and Gson were 6.9 MB of the payment job's 16 MB package (issue 17 budgets
 * 9 MB) and a reflective Gson pass on its first answer, for three form posts and a JSON read.
 *
 * <p>What Stripe answers maps onto the gateway's three outcomes, as Stripe documents its errors:
 * a 402 card error is a decline with its decline code; no answer, a 429 or a 5xx is "unavailable,
 * try again" (under the same key, so a charge that did happen is answered, not repeated); a key
 * reused with other parameters (idempotency_error) or any other 4xx is a programming error
 * (IllegalStateException), as in the simulator.
 */
public final class StripeGateway implements PaymentGateway {

    /** The version these requests and this parsing are written against; Stripe's changes reach us by choice. */
    static final String API_VERSION = "2025-11-17.clover";
    /** No retries of its own and 5 s at most a call (PayOrdersHandler.TIME_PER_MESSAGE counts on it). */
    private static final int CONNECT_TIMEOUT_MS = 2_000;
    private static final int READ_TIMEOUT_MS = 3_000;
    /**
     * The whole call's: a read timeout counts from the last byte read, so a server answering a
     * byte a second held a call for as long as its answer was long (130 s, measured).
     */
    private static final long CALL_DEADLINE_MS = 5_000;
    /** Far above any answer of these three calls: a larger one is not Stripe's, and is not read whole. */
    private static final int MAX_ANSWER_BYTES = 1 << 20;

    /** Where and as whom the gateway calls Stripe. The key is never part of a message or a log line. */
    public record Api(String apiKey, URI base) {

        @Override
        public String toString() {
            return "Api[" + base + "]";
        }
    }

    private final Api api;
    private final long deadlineMs;

    public StripeGateway(Api api) {
        this(api, CALL_DEADLINE_MS);
    }

    /** A shorter deadline than Lambda's, for a test that waits for it (three 5 s waits were 15 s of the test command). */
    StripeGateway(Api api, long deadlineMs) {
        this.api = api;
        this.deadlineMs = deadlineMs;
    }

    /** The API for this key; {@code apiBase} empty for Stripe itself (set for stripe-mock). */
    public static Api client(String apiKey, String apiBase) {
        String base = apiBase == null || apiBase.isBlank() ? "https://api.stripe.com" : apiBase.strip();
        return new Api(apiKey, URI.create(base.endsWith("/") ? base.substring(0, base.length() - 1) : base));
    }

    @Override
    public Charge charge(ChargeRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("amount", Long.toString(request.amount()));
        form.put("currency", request.currency().toLowerCase(Locale.ROOT));
        form.put("payment_method", request.paymentMethod());
        form.put("confirm", "true");
        form.put("off_session", "true");
        form.put("metadata[order_id]", request.orderId());
        form.put("metadata[idempotency_key]", request.idempotencyKey());
        Answer answer = call("POST", "/v1/payment_intents", form, request.idempotencyKey());
        if (answer.status() == 402) {
            JsonNode error = answer.body().path("error");
            if (!"card_error".equals(text(error, "type"))) {
                // Not Stripe's card error (an empty body, a proxy's page): whether money moved is unknown.
                throw new GatewayUnavailableException("Stripe answered 402 without a card error");
            }
            JsonNode intent = error.path("payment_intent");
            if (intent.isObject()) {
                // The PaymentIntent as the card error left it: its own status decides, as on a 200.
                return outcome(intent, declineCode(error));
            }
            String code = declineCode(error);
            return Charge.declined(text(error, "charge"), code != null ? code : "card_declined");
        }
        return outcome(succeeded(answer), null);
    }

    /**
     * The PaymentIntent an earlier charge under this key created, found by the key recorded in its
     * metadata. Stripe's search is eventually consistent (seconds behind); the payment job asks
     * only about orders that ended minutes after the charge, and a refund reaches Stripe under its
     * own key, so a late answer delays a refund, never doubles one.
     */
    @Override
    public Optional<Charge> findCharge(String idempotencyKey) {
        // Stripe's search syntax: a quoted value escapes its quotes and backslashes with a backslash.
        String query = "metadata['idempotency_key']:'" + idempotencyKey.replace("\\", "\\\\").replace("'", "\\'") + "'";
        Map<String, String> search = new LinkedHashMap<>();
        search.put("query", query);
        search.put("limit", "1");
        JsonNode result = succeeded(call("GET", "/v1/payment_intents/search?" + encode(search), Map.of(), null));
        JsonNode found = result.path("data");
        if (!"search_result".equals(text(result, "object")) || !found.isArray()) {
            // "No charge" must be Stripe's search saying so: anything else would let a refund be skipped.
            throw new GatewayUnavailableException("Stripe's search answered without a result list");
        }
        for (JsonNode intent : found) {
            if (idempotencyKey.equals(intent.path("metadata").path("idempotency_key").asText(null))) {
                return Optional.of(outcome(intent, null));
            }
        }
        return Optional.empty();
    }

    @Override
    public String refund(RefundRequest request) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("payment_intent", request.chargeId());
        form.put("amount", Long.toString(request.amount()));
        form.put("metadata[order_id]", request.orderId());
        JsonNode refund = succeeded(call("POST", "/v1/refunds", form, request.idempotencyKey()));
        String id = text(refund, "id");
        if (id == null || !"refund".equals(text(refund, "object"))) {
            throw new GatewayUnavailableException("Stripe answered a refund without a refund's id");
        }
        String status = String.valueOf(text(refund, "status"));
        if (status.equals("failed") || status.equals("canceled")) {
            // The money did not go back: for a person to see (dead-letter queue), never recorded as refunded.
            throw new IllegalStateException("Stripe's refund " + id + " is " + status);
        }
        return id;
    }

    /**
     * A confirmed PaymentIntent: succeeded, or declined with why (an authentication it cannot pass
     * here). Only the statuses Stripe documents as final for a confirm decide; any other (a
     * capture still pending, a status this code does not know, none at all) is not an outcome to
     * record, so the same key asks again later.
     */
    private static Charge outcome(JsonNode intent, String cardErrorCode) {
        String id = text(intent, "id");
        if (id == null || !"payment_intent".equals(text(intent, "object"))) {
            throw new GatewayUnavailableException("Stripe answered without a PaymentIntent");
        }
        String status = String.valueOf(text(intent, "status"));
        return switch (status) {
            case "succeeded" -> Charge.succeeded(id);
            case "requires_payment_method", "requires_action", "requires_confirmation", "canceled" -> {
                String code = cardErrorCode != null ? cardErrorCode : declineCode(intent.path("last_payment_error"));
                yield Charge.declined(id, code != null ? code
                        : status.equals("requires_action") ? "authentication_required" : status);
            }
            // Not final yet (a bank transfer), or not one this code knows: ask again later under the same key.
            default -> throw new GatewayUnavailableException("Stripe's PaymentIntent " + id + " is " + status);
        };
    }

    private static String declineCode(JsonNode error) {
        String declineCode = text(error, "decline_code");
        return declineCode != null ? declineCode : text(error, "code");
    }

    /** The answer's body when Stripe did what was asked; what to make of it otherwise. */
    private static JsonNode succeeded(Answer answer) {
        int status = answer.status();
        if (status >= 200 && status < 300) {
            return answer.body();
        }
        // 409: another request under the same key is still in flight; Stripe keeps no answer for it.
        if (status == 409 || status == 429 || status >= 500) {
            throw new GatewayUnavailableException("Stripe did not answer: " + status);
        }
        JsonNode error = answer.body().path("error");
        if ("idempotency_error".equals(text(error, "type"))) {
            throw new IllegalStateException("Stripe refused a reused idempotency key: " + text(error, "message"));
        }
        throw new IllegalStateException("Stripe refused the request (" + status + " " + text(error, "code") + "): "
                + text(error, "message"));
    }

    /** What Stripe answered: its status and its JSON (a missing node when the body was not JSON). */
    private record Answer(int status, JsonNode body) {
    }

    /**
     * One call; a connection refused, a timeout, or an answer that is not Stripe's JSON is
     * "unavailable" (whether a charge happened is then unknown, and the same key finds out).
     */
    private Answer call(String method, String path, Map<String, String> form, String idempotencyKey) {
        long started = System.nanoTime();
        HttpURLConnection connection = null;
        ScheduledFuture<?> deadline = null;
        try {
            HttpURLConnection open = (HttpURLConnection) URI.create(api.base() + path).toURL().openConnection();
            connection = open;
            // At the deadline the connection is closed under the call, which then fails like any lost answer.
            deadline = Deadlines.TIMER.schedule(open::disconnect, deadlineMs, TimeUnit.MILLISECONDS);
            connection.setRequestMethod(method);
            connection.setConnectTimeout(CONNECT_TIMEOUT_MS);
            connection.setReadTimeout(READ_TIMEOUT_MS);
            connection.setInstanceFollowRedirects(false);
            connection.setUseCaches(false);
            connection.setRequestProperty("Authorization", "Bearer " + api.apiKey());
            connection.setRequestProperty("Stripe-Version", API_VERSION);
            connection.setRequestProperty("User-Agent", "Kiosk");
            connection.setRequestProperty("Accept", "application/json");
            if (idempotencyKey != null) {
                connection.setRequestProperty("Idempotency-Key", idempotencyKey);
            }
            if (method.equals("POST")) {
                byte[] body = encode(form).getBytes(StandardCharsets.UTF_8);
                connection.setDoOutput(true);
                connection.setFixedLengthStreamingMode(body.length);
                connection.setRequestProperty("Content-Type", "application/x-www-form-urlencoded;charset=UTF-8");
                try (OutputStream out = connection.getOutputStream()) {
                    out.write(body);
                }
            }
            int status = connection.getResponseCode();
            InputStream stream = status >= 400 ? connection.getErrorStream() : connection.getInputStream();
            byte[] bytes = stream == null ? new byte[0] : read(stream);
            JsonNode body;
            try {
                body = bytes.length == 0 ? Json.MAPPER.missingNode() : Json.MAPPER.readTree(bytes);
            } catch (IOException notJson) {
                body = Json.MAPPER.missingNode();
            }
            if (status >= 200 && status < 300 && !body.isObject()) {
                throw new GatewayUnavailableException("Stripe answered " + status + " without a JSON object");
            }
            return new Answer(status, body);
        } catch (IOException e) {
            if (connection != null) {
                // A connection in an unknown state is not one to hand back to the keep-alive pool.
                connection.disconnect();
            }
            if (System.nanoTime() - started >= TimeUnit.MILLISECONDS.toNanos(deadlineMs)) {
                throw new GatewayUnavailableException("Stripe did not answer within " + deadlineMs + " ms");
            }
            throw new GatewayUnavailableException("Stripe did not answer: " + e.getClass().getSimpleName());
        } finally {
            if (deadline != null) {
                deadline.cancel(false);
            }
        }
    }

    /**
     * One daemon thread for every call's deadline, started by the first call. Closing a call's
     * connection also ends HttpURLConnection's own second try of a GET whose first connection
     * failed, which would otherwise start the timeouts over (a search took 5.8 s).
     */
    private static final class Deadlines {
        static final ScheduledExecutorService TIMER = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "stripe-deadline");
            thread.setDaemon(true);
            return thread;
        });
    }

    private static byte[] read(InputStream stream) throws IOException {
        try (InputStream in = stream) {
            byte[] bytes = in.readNBytes(MAX_ANSWER_BYTES + 1);
            if (bytes.length > MAX_ANSWER_BYTES) {
                throw new IOException("an answer past " + MAX_ANSWER_BYTES + " bytes");
            }
            return bytes;
        }
    }

    /**
     * Form encoding as Stripe's own clients write it: each key and value percent-encoded, with the
     * brackets of nested keys ({@code metadata[order_id]}) left literal, which Stripe reads the same.
     */
    static String encode(Map<String, String> fields) {
        StringBuilder out = new StringBuilder();
        for (Map.Entry<String, String> field : fields.entrySet()) {
            if (field.getValue() == null) {
                continue; // as Stripe's clients do: a parameter with no value is not sent
            }
            if (out.length() > 0) {
                out.append('&');
            }
            out.append(URLEncoder.encode(field.getKey(), StandardCharsets.UTF_8).replace("%5B", "[").replace("%5D", "]"))
                    .append('=').append(URLEncoder.encode(field.getValue(), StandardCharsets.UTF_8));
        }
        return out.toString();
    }

    private static String text(JsonNode node, String field) {
        JsonNode value = node.path(field);
        return value.isTextual() && !value.asText().isEmpty() ? value.asText() : null;
    }
}
