package vn.thidua.gateway.accesslog;

import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.config.MeterFilter;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/**
 * Quarkus's HTTP server metrics tag an exchange whose connection closed before the answer was complete
 * {@code status="RESET"}; the gateway calls it 499 ("client closed request", as nginx does), like its
 * access log, so that one query over {@code status} covers both and such requests never pass for a
 * service's 5xx. Outcome stays {@code CLIENT_ERROR}.
 */
@Singleton
public class ClientClosedRequestMetrics {
    static final String HTTP_SERVER_REQUESTS = "http.server.requests";

    @Produces
    @Singleton
    MeterFilter clientClosedRequest() {
        return new MeterFilter() {
            @Override
            public Meter.Id map(Meter.Id id) {
                if (HTTP_SERVER_REQUESTS.equals(id.getName()) && "RESET".equals(id.getTag("status"))) {
                    return id.replaceTags(Tags.of(id.getTagsAsIterable())
                            .and("status", Integer.toString(AccessLog.CLIENT_CLOSED_REQUEST)));
                }
                return id;
            }
        };
    }
}
