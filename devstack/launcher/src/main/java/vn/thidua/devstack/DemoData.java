package vn.thidua.devstack;

import java.util.List;
import java.util.stream.Stream;

/**
 * The seed story (shared/seed-story.md): emulation cluster no. 7 of Thanh Hóa province in 2016,
 * its six member units, and the local default's demo accounts, all with the password {@value #PASSWORD}.
 * The unit codes follow the form of the electronic identification codes under the province
 * ({@code 000.00.NN.H56}); they are illustrative, not the codes the province assigned.
 */
final class DemoData {
    static final String PASSWORD = "demo";

    record DemoUnit(String code, String name, String representative) {
    }

    static final List<DemoUnit> CLUSTER_7_UNITS = List.of(
            new DemoUnit("000.00.31.H56", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa", "mttq"),
            new DemoUnit("000.00.32.H56", "Liên đoàn Lao động tỉnh Thanh Hóa", "ldld"),
            new DemoUnit("000.00.33.H56", "Hội Nông dân tỉnh Thanh Hóa", "hoinongdan"),
            new DemoUnit("000.00.34.H56", "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa", "hoiphunu"),
            new DemoUnit("000.00.35.H56", "Hội Cựu chiến binh tỉnh Thanh Hóa", "hoicuuchienbinh"),
            new DemoUnit("000.00.36.H56", "Tỉnh đoàn Thanh Hóa", "tinhdoan"));

    /** Users as the gateway's {@code thidua.demo.accounts} takes them: {@code username:roles:unit}. */
    static List<String> accounts() {
        return Stream.concat(
                        Stream.of("admin:admin:", "board:board:"),
                        CLUSTER_7_UNITS.stream().map(unit -> unit.representative() + ":unit-rep:" + unit.code()))
                .toList();
    }

    /** Service accounts as the gateway's {@code thidua.demo.clients} takes them: {@code clientId:roles}. */
    static List<String> clients() {
        return List.of("portal-demo:portal");
    }

    private DemoData() {
    }
}
