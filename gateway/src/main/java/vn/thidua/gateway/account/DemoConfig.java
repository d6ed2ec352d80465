package vn.thidua.gateway.account;

import io.smallrye.config.ConfigMapping;
import java.util.List;
import java.util.Optional;

/**
 * Accounts with the well-known password {@code demo}, for the local one-command run only. Unset
 * in every profile by default, so no deployed gateway has such an account unless told to.
 */
@ConfigMapping(prefix = "thidua.demo")
public interface DemoConfig {

    /**
     * {@code login:role+role:unit}, e.g. {@code mttq:unit-rep:000.00.31.H56} or {@code admin:admin:}; a Council member's
     * {@code login:council-member::member}, e.g. {@code hoidong1:council-member::m-01}.
     */
    Optional<List<String>> accounts();

    /** {@code clientid:role+role}, e.g. {@code portal-demo:portal}. */
    Optional<List<String>> clients();
}
