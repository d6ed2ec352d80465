package vn.thidua.platform.web;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.net.URI;
import java.util.List;

/**
 * An RFC 9457 problem detail. {@code type} is stable and documented, so clients branch on it;
 * {@code title} and {@code detail} are for people and follow the request's language.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Problem(URI type, String title, int status, String detail, String instance, List<FieldError> errors) {

    public static final String MEDIA_TYPE = "application/problem+json";
    public static final String TYPE_BASE = "https://thidua.vn/problems/";

    public static URI typeOf(String slug) {
        return URI.create(TYPE_BASE + slug);
    }

    /** One rejected input field, for validation problems. */
    public record FieldError(String field, String message) {
    }
}
