package kiosk.shared.error;

/**
 * A stable problem type: the {@code type} URI clients switch on, its HTTP status and its title.
 * Contexts declare their own constants beside these general ones.
 */
public record ProblemType(String slug, int status, String title) {

    public static final ProblemType BAD_REQUEST = new ProblemType("bad-request", 400, "Bad request");
    public static final ProblemType MALFORMED_JSON = new ProblemType("malformed-json", 400, "Malformed JSON body");
    public static final ProblemType VALIDATION = new ProblemType("validation", 400, "Invalid request");
    public static final ProblemType UNAUTHORIZED = new ProblemType("unauthorized", 401, "Authentication required");
    public static final ProblemType FORBIDDEN = new ProblemType("forbidden", 403, "Forbidden");
    public static final ProblemType NOT_FOUND = new ProblemType("not-found", 404, "Not found");
    public static final ProblemType CONFLICT = new ProblemType("conflict", 409, "Conflict");
    public static final ProblemType PRECONDITION_FAILED =
            new ProblemType("precondition-failed", 412, "Precondition failed");
    public static final ProblemType PAYLOAD_TOO_LARGE = new ProblemType("payload-too-large", 413, "Payload too large");
    public static final ProblemType UNSUPPORTED_MEDIA_TYPE =
            new ProblemType("unsupported-media-type", 415, "Unsupported media type");
    public static final ProblemType PRECONDITION_REQUIRED =
            new ProblemType("precondition-required", 428, "Precondition required");
    public static final ProblemType INTERNAL = new ProblemType("internal", 500, "Internal error");

    private static final String PREFIX = "urn:kiosk:problem:";

    public ProblemType {
        if (slug == null || !slug.matches("[a-z0-9-]+")) {
            throw new IllegalArgumentException("problem slug must be lower-case words joined by '-': " + slug);
        }
        if (status < 400 || status > 599) {
            throw new IllegalArgumentException("a problem is a 4xx or 5xx status: " + status);
        }
    }

    /** The RFC 9457 {@code type} member: a URN we own, stable across releases. */
    public String uri() {
        return PREFIX + slug;
    }
}
