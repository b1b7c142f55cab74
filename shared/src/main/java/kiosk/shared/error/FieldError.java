package kiosk.shared.error;

/** One invalid member of a request: a JSON Pointer (RFC 6901) to it and what is wrong. */
public record FieldError(String pointer, String detail) {
}
