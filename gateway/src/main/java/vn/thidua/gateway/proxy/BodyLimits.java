package vn.thidua.gateway.proxy;

import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import java.util.Locale;
import java.util.OptionalLong;

/** The largest body a request may carry, by its media type: JSON is kept smaller than uploads. */
public record BodyLimits(long maxBytes, long maxJsonBytes) {

    public long limitFor(String contentType) {
        return isJson(contentType) ? maxJsonBytes : maxBytes;
    }

    static boolean isJson(String contentType) {
        if (contentType == null) {
            return false;
        }
        String type = contentType.split(";", 2)[0].strip().toLowerCase(Locale.ROOT);
        return type.equals("application/json") || type.startsWith("application/") && type.endsWith("+json");
    }

    /** The declared length when it already says the body is too large, so the caller is refused before sending it. */
    OptionalLong declaredTooLarge(HttpServerRequest request, long limit) {
        String declared = request.getHeader(HttpHeaders.CONTENT_LENGTH);
        if (declared == null) {
            return OptionalLong.empty();
        }
        try {
            long length = Long.parseLong(declared.strip());
            return length > limit ? OptionalLong.of(length) : OptionalLong.empty();
        } catch (NumberFormatException e) {
            return OptionalLong.empty(); // Vert.x's HTTP codec refuses a malformed length itself
        }
    }
}
