package vn.thidua.devstack.testing;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import vn.thidua.devstack.portal.FakePortal;

/**
 * Starts a {@link FakePortal} on a free port for one application boot, with a fresh shared secret,
 * and points the service at it ({@code thidua.portal.url}, {@code thidua.portal.signing-secret}).
 * Tests drive it with {@link vn.thidua.devstack.portal.FakePortalClient} on that URL.
 */
public class FakePortalResource implements QuarkusTestResourceLifecycleManager {
    private FakePortal portal;

    @Override
    public Map<String, String> start() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        String hex = HexFormat.of().formatHex(secret);
        portal = FakePortal.start(0, hex);
        return Map.of("thidua.portal.url", portal.url(), "thidua.portal.signing-secret", hex);
    }

    @Override
    public void stop() {
        if (portal != null) {
            portal.close();
        }
    }
}
