package vn.thidua.gateway.token;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import vn.thidua.gateway.account.Argon2id;

/**
 * Run by the surefire execution "hash-heap" alone with -Xmx192m, the gateway's local heap: 50
 * parallel checks with the production Argon2id cost (19 MiB), beside a ballast standing for the rest
 * of the gateway's live heap (docs/security.md, "Password guessing": the arithmetic). Unbounded, the
 * 50 hashes alone would need about 1 GB; with the default bound of 4 they fit.
 */
class PasswordHashHeapTest {
    private static final int CHECKS = 50;
    /** The rest of the gateway under load: 19-26 MB live at rest (docs/benchmarks.md) plus full caches. */
    private static final int BALLAST_MIB = 64;

    @Test
    void fiftyParallelChecksWithTheDefaultBoundFitTheGatewaysHeap() throws Exception {
        Argon2id argon2 = new Argon2id(new Argon2id.Settings(19456, 2, 1));
        String stored = argon2.hash("the right password");
        PasswordHashGate gate = new PasswordHashGate(4);
        byte[][] ballast = new byte[BALLAST_MIB][];
        for (int i = 0; i < BALLAST_MIB; i++) {
            ballast[i] = new byte[1024 * 1024];
        }
        AtomicInteger busy = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CHECKS);
        try {
            CountDownLatch start = new CountDownLatch(1);
            List<Future<Boolean>> checks = new ArrayList<>();
            for (int i = 0; i < CHECKS; i++) {
                String guess = "guess " + i;
                checks.add(pool.submit(() -> {
                    start.await();
                    try {
                        return gate.check(() -> argon2.verify(guess, stored));
                    } catch (PasswordHashGate.LoginsBusy refused) {
                        busy.incrementAndGet();
                        return false;
                    }
                }));
            }
            start.countDown();
            for (Future<Boolean> check : checks) {
                assertEquals(false, check.get(20, TimeUnit.SECONDS));
            }
        } finally {
            pool.shutdownNow();
        }
        assertTrue(gate.peak() <= 4, "hashes at once: " + gate.peak());
        assertEquals(CHECKS, gate.admitted() + busy.get());
        assertTrue(busy.get() > 0, "the bound was never reached");
        assertEquals(BALLAST_MIB, ballast.length, "the ballast stayed live throughout");
        System.out.printf("%d parallel checks under %d MiB of heap (ballast %d MiB): %d hashed, %d refused, at most %d at once%n",
                CHECKS, Runtime.getRuntime().maxMemory() >> 20, BALLAST_MIB, gate.admitted(), busy.get(), gate.peak());
    }
}
