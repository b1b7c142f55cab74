package kiosk.local.http;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * What a Lambda authorizer decided for a request, as API Gateway acts on it: the route runs with
 * the authorizer's context, or the gateway answers 401 (an identity source is missing, so no
 * authorizer ran), 403 (refused) or 500 (the authorizer failed or answered nonsense).
 */
sealed interface AuthorizerOutcome {

    /** Allowed; {@code context} becomes requestContext.authorizer.lambda. */
    record Allow(JsonNode context) implements AuthorizerOutcome {
    }

    record Unauthorized() implements AuthorizerOutcome {
    }

    record Forbidden() implements AuthorizerOutcome {
    }

    record Error() implements AuthorizerOutcome {
    }
}
