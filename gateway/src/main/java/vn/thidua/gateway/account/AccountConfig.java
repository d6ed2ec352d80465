package vn.thidua.gateway.account;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

@ConfigMapping(prefix = "thidua.accounts")
public interface AccountConfig {

    /**
     * A new installation's first administrator, created at start-up while no enabled admin exists.
     * Nothing has a default: the password comes from a Secret and can be removed once the admin has
     * changed it and created the others.
     */
    Optional<String> firstAdminLogin();

    Optional<String> firstAdminPassword();

    /** Cost of new hashes; existing hashes keep the cost they were made with. */
    Argon2 argon2();

    interface Argon2 {
        /** OWASP's baseline for Argon2id: 19 MiB, 2 passes, 1 lane. */
        @WithDefault("19456")
        int memoryKib();

        @WithDefault("2")
        int iterations();

        @WithDefault("1")
        int parallelism();
    }
}
