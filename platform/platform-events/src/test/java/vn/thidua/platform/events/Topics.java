package vn.thidua.platform.events;

import java.util.List;
import vn.thidua.devstack.infra.KafkaBroker;
import vn.thidua.devstack.testing.SharedInfrastructure;

/** Topics of the *IT tests, created with three partitions on the test JVM's broker before they are used. */
final class Topics {
    private Topics() {
    }

    static void ensure(String... names) {
        KafkaBroker broker = SharedInfrastructure.get().kafka();
        try {
            broker.createTopics(List.of(names), 3);
        } catch (IllegalStateException racedWithAutoCreation) {
            // a consumer's or producer's metadata request created one meanwhile: what is still missing is created now
            broker.createTopics(List.of(names), 3);
        }
    }
}
