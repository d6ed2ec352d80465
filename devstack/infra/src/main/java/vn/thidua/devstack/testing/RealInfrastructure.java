package vn.thidua.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.util.HashMap;
import java.util.Map;

/**
 * Gives a service's {@code @QuarkusTest}s a real PostgreSQL database of their own and a real
 * Kafka broker, shared by all tests of the JVM (see {@link SharedInfrastructure}), and a key pair
 * so that {@link TestTokens} mints tokens the service accepts.
 *
 * <p>Init argument {@code service}: the short service name; its database is
 * {@code thidua_<service>_test}, created fresh for each application boot. Init argument
 * {@code gateway-keys=false}: the test brings its own token verification (another identity provider).
 */
public class RealInfrastructure implements QuarkusTestResourceLifecycleManager {
    private String service = "app";
    private boolean gatewayKeys = true;

    @Override
    public void init(Map<String, String> initArgs) {
        service = initArgs.getOrDefault("service", service);
        gatewayKeys = Boolean.parseBoolean(initArgs.getOrDefault("gateway-keys", "true"));
    }

    @Override
    public Map<String, String> start() {
        SharedInfrastructure infrastructure = SharedInfrastructure.get();
        String jdbcUrl = infrastructure.postgres().createDatabase("thidua_" + service + "_test", true);
        Map<String, String> config = new HashMap<>();
        config.put("quarkus.datasource.jdbc.url", jdbcUrl);
        config.put("quarkus.datasource.username", infrastructure.postgres().user());
        config.put("quarkus.datasource.password", infrastructure.postgres().password());
        config.put("kafka.bootstrap.servers", infrastructure.kafka().bootstrapServers());
        if (gatewayKeys) {
            config.put("mp.jwt.verify.publickey.location", infrastructure.keys().publicKeyPem().toUri().toString());
        }
        config.put("thidua.auth.signing-key-location", infrastructure.keys().privateKeyPem().toUri().toString());
        config.put("thidua.auth.public-key-location", infrastructure.keys().publicKeyPem().toUri().toString());
        return config;
    }

    @Override
    public void stop() {
        // the broker and the database server outlive one application boot; the JVM's exit stops them
    }
}
