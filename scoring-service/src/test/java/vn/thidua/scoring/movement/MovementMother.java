package vn.thidua.scoring.movement;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import vn.thidua.platform.clusters.ClusterYear;

/** Readable movements and cluster-years for the unit tests. */
final class MovementMother {
    static final String SEED_NAME = "Thi đua yêu nước, trọng tâm xây dựng nông thôn mới gắn với văn minh đô thị";
    static final String LDLD = "000.00.32.H56";
    static final String MTTQ = "000.00.31.H56";

    private MovementMother() {
    }

    static ClusterYear cluster(long id, int year, String leader) {
        return new ClusterYear(id, "CUM-07", "Cụm thi đua số 7", "CLUSTER", year, leader, null, List.of(MTTQ, LDLD), 0);
    }

    /** Cluster 7 of 2016 (id 7, led by the Labour Federation), cluster 8 of 2016, cluster 7 of 2023; criteria set 1. */
    static MovementRules.Lookups lookups() {
        Map<Long, ClusterYear> clusters = Map.of(7L, cluster(7, 2016, LDLD), 8L, cluster(8, 2016, MTTQ), 723L, cluster(723, 2023, LDLD));
        Set<Long> sets = Set.of(1L);
        return new MovementRules.Lookups() {
            @Override
            public Optional<ClusterYear> cluster(long clusterId) {
                return Optional.ofNullable(clusters.get(clusterId));
            }

            @Override
            public boolean criteriaSetExists(long setId) {
                return sets.contains(setId);
            }
        };
    }

    /** The seed story: the Board's regular movement of 2016, cluster 7 taking part. */
    static MovementRequest seed() {
        return new MovementRequest(SEED_NAME, MovementKind.REGULAR, Launcher.BOARD, null, false, List.of(7L),
                LocalDate.of(2016, 1, 1), LocalDate.of(2016, 12, 31),
                List.of("Hoàn thành toàn diện các chỉ tiêu giao ước thi đua năm 2016",
                        "Góp phần xây dựng nông thôn mới và văn minh đô thị"), List.of(1L));
    }

    static MovementRequest byCluster(long clusterId, List<Long> participants) {
        return new MovementRequest("Phong trào của cụm", MovementKind.REGULAR, Launcher.CLUSTER, clusterId, false, participants,
                LocalDate.of(2016, 3, 1), LocalDate.of(2016, 11, 30), List.of(), List.of());
    }
}
