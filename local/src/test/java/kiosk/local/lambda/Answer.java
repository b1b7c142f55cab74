package kiosk.local.lambda;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.util.List;

/** What a runtime answered one invocation through the Runtime API. */
sealed interface Answer {

    /** The handler's result, as the runtime serialized it. */
    record Success(String payload) implements Answer {
    }

    /**
     * An invocation or init error, the body the runtime posts: {@code errorType} is the exception's
     * class for a handler's error, or a {@code Runtime.*} type for the runtime's own.
     */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record Failure(String errorType, String errorMessage, List<String> stackTrace) implements Answer {

        static Failure of(String errorType, String errorMessage) {
            return new Failure(errorType, errorMessage, List.of());
        }
    }
}
