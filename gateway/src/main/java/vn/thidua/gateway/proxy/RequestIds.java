package vn.thidua.gateway.proxy;

import java.util.UUID;
import java.util.regex.Pattern;

/** The {@code X-Request-Id} that ties the gateway's and the services' log lines of one call together. */
final class RequestIds {
    static final String HEADER = "X-Request-Id";
    // A caller's id is kept only when it cannot smuggle anything into logs or headers.
    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9._:-]{1,128}");

    private RequestIds() {
    }

    static String keepOrCreate(String fromCaller) {
        if (fromCaller != null && SAFE.matcher(fromCaller).matches()) {
            return fromCaller;
        }
        return UUID.randomUUID().toString();
    }
}
