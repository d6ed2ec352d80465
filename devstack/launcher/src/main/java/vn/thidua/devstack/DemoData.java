package vn.thidua.devstack;

import java.util.List;
import java.util.stream.Stream;

/**
 * The seed story (shared/seed-story.md): emulation cluster no. 7 of Thanh Hóa province in 2016,
 * its six member units, and the local default's demo accounts, all with the password {@value #PASSWORD}.
 * Cluster 7 is loaded for 2016 (six members, the Labour Federation leading) and 2023 (eight).
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

    /** Joined cluster 7 by 2023 (domain.md §2); they have no demo account. */
    static final List<DemoUnit> JOINED_BY_2023 = List.of(
            new DemoUnit("000.00.37.H56", "Liên minh Hợp tác xã tỉnh Thanh Hóa", null),
            new DemoUnit("000.00.38.H56", "Hội Chữ thập đỏ tỉnh Thanh Hóa", null));

    static final String CLUSTER_7 = "CUM-07";
    static final String CLUSTER_7_NAME = "Cụm thi đua số 7";
    /** The Labour Federation hosted the 2016 review conference as the cluster's leader. */
    static final String LEADER_2016 = "000.00.32.H56";

    /** The Farmers' Association, elected to lead the cluster in 2017. */
    static final String LEADER_2017 = SeedStoryVoting.FARMERS;

    /**
     * Users as the gateway's {@code thidua.demo.accounts} takes them: {@code username:roles:unit}.
     * The 2016 and 2017 leaders' representatives also hold {@code cluster-leader}, which counts only
     * for the cluster-year their unit leads.
     */
    static List<String> accounts() {
        return Stream.concat(
                        Stream.of("admin:admin:", "board:board:"),
                        CLUSTER_7_UNITS.stream().map(unit -> unit.representative() + ":" + roles(unit.code()) + ":" + unit.code()))
                .toList();
    }

    static String roles(String unitCode) {
        return unitCode.equals(LEADER_2016) || unitCode.equals(LEADER_2017) ? "unit-rep+cluster-leader" : "unit-rep";
    }

    /** Service accounts as the gateway's {@code thidua.demo.clients} takes them: {@code clientId:roles}. */
    static List<String> clients() {
        return List.of("portal-demo:portal");
    }

    private DemoData() {
    }
}
