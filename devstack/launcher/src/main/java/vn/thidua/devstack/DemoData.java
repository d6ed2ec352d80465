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

    /** An emulation cluster or block of 2016 other than cluster 7, with the unit its members voted to lead it. */
    record OtherClusterYear(String code, String name, String kind, List<DemoUnit> members, String emulationLeader) {
    }

    /**
     * ILLUSTRATIVE, not history: the province's other clusters and blocks of 2016 as the demo invents them, two member
     * units each, so that the Government-flag quota has the base it would have in a real province (law-2025.md §2: 20 %
     * of the collectives voted as cluster/block leaders province-wide). Their names say so; the unit names are of the
     * kind of bodies such clusters hold, their codes are made up like cluster 7's. Their leaders are recorded as the
     * Board would for a vote held on paper, with a reference that says it is illustrative.
     */
    static final List<OtherClusterYear> OTHER_CLUSTERS_2016 = List.of(
            other("CUM-01", "Cụm thi đua số 1 (minh họa)", "CLUSTER", "61", "Sở Tư pháp tỉnh Thanh Hóa (minh họa)", "62", "Sở Tài chính tỉnh Thanh Hóa (minh họa)"),
            other("CUM-02", "Cụm thi đua số 2 (minh họa)", "CLUSTER", "63", "Sở Y tế tỉnh Thanh Hóa (minh họa)", "64", "Sở Giáo dục và Đào tạo tỉnh Thanh Hóa (minh họa)"),
            other("CUM-03", "Cụm thi đua số 3 (minh họa)", "CLUSTER", "65", "Sở Công Thương tỉnh Thanh Hóa (minh họa)", "66", "Sở Xây dựng tỉnh Thanh Hóa (minh họa)"),
            other("CUM-04", "Cụm thi đua số 4 (minh họa)", "CLUSTER", "67", "Huyện Nga Sơn (minh họa)", "68", "Huyện Hậu Lộc (minh họa)"),
            other("KHOI-01", "Khối thi đua các trường đại học, cao đẳng (minh họa)", "BLOCK", "69", "Trường Đại học Hồng Đức (minh họa)", "70", "Trường Cao đẳng Y tế Thanh Hóa (minh họa)"),
            other("KHOI-02", "Khối thi đua các cơ quan Trung ương đóng trên địa bàn (minh họa)", "BLOCK", "71", "Cục Thuế tỉnh Thanh Hóa (minh họa)", "72", "Kho bạc Nhà nước Thanh Hóa (minh họa)"));

    /** What the reference of an illustrative leader's record says. */
    static final String ILLUSTRATIVE_MINUTES = "Biên bản suy tôn năm 2016 (minh họa: không phải văn bản thật)";

    /** Clusters and blocks of 2016 run outside the system (enterprises scored on paper), as the Board counts them: illustrative. */
    static final int LEADERS_OUTSIDE_2016 = 2;

    private static OtherClusterYear other(String code, String name, String kind, String first, String firstName, String second, String secondName) {
        DemoUnit leader = new DemoUnit("000.00." + first + ".H56", firstName, null);
        return new OtherClusterYear(code, name, kind, List.of(leader, new DemoUnit("000.00." + second + ".H56", secondName, null)), leader.code());
    }

    /**
     * The provincial Emulation &amp; Commendation Council of 2016–2021, ILLUSTRATIVE: its make-up follows the usual pattern
     * (law-2025.md §4: the Chairman of the People's Committee chairs it; Sở Nội vụ is its standing body, its emulation
     * board's head a standing member), the names except the seed story's Nguyễn Quốc Tuấn are placeholders. Each member
     * gets a demo account ({@code login}, role council-member) with {@value #COUNCIL_PASSWORD}.
     */
    record CouncilMember(String login, String fullName, String position, String role) {
    }

    static final List<CouncilMember> COUNCIL_2016 = List.of(
            new CouncilMember("hd-chutich", "Chủ tịch Hội đồng (minh họa)", "Chủ tịch UBND tỉnh", "CHAIR"),
            new CouncilMember("hd-phochutich", "Phó Chủ tịch Hội đồng (minh họa)", "Giám đốc Sở Nội vụ", "VICE_CHAIR"),
            new CouncilMember("hd-thuongtruc", "Nguyễn Quốc Tuấn", "Phó Giám đốc Sở Nội vụ, Trưởng ban Thi đua - Khen thưởng tỉnh",
                    "STANDING_MEMBER"),
            new CouncilMember("hd-thuky", "Thư ký Hội đồng (minh họa)", "Phó Trưởng ban Thi đua - Khen thưởng tỉnh", "SECRETARY"),
            new CouncilMember("hd-uyvien", "Ủy viên Hội đồng (minh họa)", "Chánh Văn phòng UBND tỉnh", "MEMBER"));

    /** Accounts made through the gateway's admin API take a password of at least twelve characters. */
    static final String COUNCIL_PASSWORD = "hoidong-demo-2016";

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
