package vn.thidua.units.cluster;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.thidua.platform.domain.Refusal;

/** Cluster-years, rosters and a registry in memory, for the plain tests of a cluster-year's transitions. */
final class ClusterYearMother {
    static final Instant NOW = Instant.parse("2016-03-01T02:00:00Z");
    static final String MTTQ = "000.00.31.H56";
    static final String LDLD = "000.00.32.H56";
    static final String HND = "000.00.33.H56";
    static final String HPN = "000.00.34.H56";
    static final String DISSOLVED = "000.00.90.H56";
    /** A unit that is a member of another cluster in 2016 and 2017. */
    static final String TAKEN = "000.00.35.H56";

    static final UnitDirectory REGISTRY = code -> Optional.ofNullable(Map.of(
            MTTQ, new MemberUnit(MTTQ, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa", true, "ACTIVE"),
            LDLD, new MemberUnit(LDLD, "Liên đoàn Lao động tỉnh Thanh Hóa", true, "ACTIVE"),
            HND, new MemberUnit(HND, "Hội Nông dân tỉnh Thanh Hóa", true, "ACTIVE"),
            HPN, new MemberUnit(HPN, "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa", true, "ACTIVE"),
            TAKEN, new MemberUnit(TAKEN, "Tỉnh đoàn Thanh Hóa", true, "ACTIVE"),
            DISSOLVED, new MemberUnit(DISSOLVED, "Hội đã giải thể", false, "DISSOLVED")).get(code));

    static final OtherClusters OTHERS = (unitCode, kind, year) -> {
        if (unitCode.equals(TAKEN)) {
            throw Refusal.unprocessable("cluster-member-elsewhere", "cluster.member.elsewhere", unitCode, "CUM-08", String.valueOf(year));
        }
    };

    private ClusterYearMother() {
    }

    /** Cluster 7 of 2016 (id 7, version 3) led by the Labour Federation with the Farmers' Union as deputy, assigned. */
    static ClusterYear cluster7() {
        ClusterYear cluster = ClusterYear.open(ClusterCode.parse("CUM-07"), ClusterName.parse("Cụm thi đua số 7"), ClusterKind.CLUSTER,
                EmulationYear.of(2016), NOW.minusSeconds(86_400));
        cluster.id = 7L;
        cluster.version = 3;
        cluster.lead(new Leadership(LDLD, HND), LeadershipBasis.ASSIGNED);
        return cluster;
    }

    /** Its members: the Front, the Labour Federation and the Farmers' Union. */
    static Roster roster(ClusterYear cluster) {
        return new Roster(List.of(HND, LDLD, MTTQ), cluster.leadership());
    }

    static EmulationVote vote(String session, String runoffOf, List<String> elected) {
        return new EmulationVote(session, runoffOf, 7L, ClusterCode.parse("CUM-07"), EmulationYear.of(2016), elected);
    }

    static Set<String> round(String... sessions) {
        return Set.of(sessions);
    }
}
