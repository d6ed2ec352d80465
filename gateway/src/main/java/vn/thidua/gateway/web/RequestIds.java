package vn.thidua.gateway.web;

import io.vertx.ext.web.RoutingContext;
import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} that ties the gateway's and the services' log lines of one call together. */
public final class RequestIds {
    public static final String HEADER = "X-Request-Id";
    /** Where {@link ResponseHeaders} leaves the id for the rest of the exchange. */
    public static final String CONTEXT_KEY = "thidua.request-id";
    // A caller's id is kept only when it cannot smuggle anything into logs or headers.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,100}");

    private RequestIds() {
    }

    /** The id {@link ResponseHeaders} chose for this exchange. */
    public static String of(RoutingContext rc) {
        String id = rc.get(CONTEXT_KEY);
        return id != null ? id : keepOrCreate(rc.request().getHeader(HEADER));
    }

    public static String keepOrCreate(String fromCaller) {
        if (fromCaller != null && SAFE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }
}
