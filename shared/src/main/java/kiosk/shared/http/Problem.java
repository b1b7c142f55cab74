package kiosk.shared.http;

import java.util.List;
import kiosk.shared.error.FieldError;
import kiosk.shared.error.ProblemType;

/** An RFC 9457 problem details body. {@code requestId} lets support find the logs of one call. */
public record Problem(String type, String title, int status, String detail, String instance,
                      String requestId, List<FieldError> errors) {

    public static Problem of(ProblemType type, String detail, String instance, String requestId,
                             List<FieldError> errors) {
        return new Problem(type.uri(), type.title(), type.status(), detail, instance, requestId,
                errors.isEmpty() ? null : errors);
    }
}
