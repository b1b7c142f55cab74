package kiosk.shared.http;

import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kiosk.shared.error.BadRequestException;
import kiosk.shared.error.DomainException;
import kiosk.shared.error.ProblemType;

/** Optimistic locking over HTTP: versions travel as strong ETags and come back in If-Match. */
public final class Preconditions {

    /**
     * A version's tag, {@code "3"}, or a representation's, {@code "3.<digest>"}: a product's tag
     * changes with its stock, which sales move, but only its version says whether an edit would
     * overwrite someone else's, so If-Match compares the version.
     */
    private static final Pattern ENTITY_TAG = Pattern.compile("\\s*(W/)?\"([0-9]{1,18})(?:\\.[A-Za-z0-9_-]{1,43})?\"\\s*");

    private Preconditions() {
    }

    public static String etag(long version) {
        return "\"" + version + "\"";
    }

    /**
     * The version the client expects, from If-Match; empty for {@code If-Match: *}, which RFC 9110
     * defines as "any current representation". A missing header is a 428, because a write without
     * it could silently overwrite someone else's change.
     */
    public static OptionalLong expectedVersion(ApiRequest request) {
        String ifMatch = request.header("if-match")
                .orElseThrow(() -> new DomainException(ProblemType.PRECONDITION_REQUIRED,
                        "This resource is versioned: send If-Match with the ETag you last read."));
        return parse(ifMatch);
    }

    /**
     * If-Match where it is optional (a cart, whose changes merge): empty without the header or
     * for {@code *}; otherwise the version, checked as {@link #expectedVersion} checks it.
     */
    public static OptionalLong optionalVersion(ApiRequest request) {
        return request.header("if-match").map(Preconditions::parse).orElse(OptionalLong.empty());
    }

    private static OptionalLong parse(String ifMatch) {
        if (ifMatch.strip().equals("*")) {
            return OptionalLong.empty();
        }
        Matcher matcher = ENTITY_TAG.matcher(ifMatch);
        if (!matcher.matches()) {
            throw new BadRequestException("If-Match must be one entity tag as returned in ETag, such as \"3\".");
        }
        if (matcher.group(1) != null) {
            // RFC 9110: If-Match uses strong comparison, so a weak tag never matches.
            throw new DomainException(ProblemType.PRECONDITION_FAILED,
                    "If-Match compares strongly and a weak entity tag never matches: send the ETag as it was given.");
        }
        return OptionalLong.of(Long.parseLong(matcher.group(2)));
    }
}
