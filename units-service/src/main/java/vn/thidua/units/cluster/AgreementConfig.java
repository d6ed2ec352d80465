package vn.thidua.units.cluster;

import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

@ConfigMapping(prefix = "thidua.agreements")
public interface AgreementConfig {

    /**
     * Largest signed agreement PDF accepted (e.g. {@code 10M} = 10 MiB); larger uploads get a 413
     * problem. Keep {@code quarkus.http.limits.max-body-size} above it, or the HTTP layer refuses first.
     */
    @WithDefault("10M")
    MemorySize maxDocumentSize();
}
