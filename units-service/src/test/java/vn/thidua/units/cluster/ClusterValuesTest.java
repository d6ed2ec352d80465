package vn.thidua.units.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static vn.thidua.units.cluster.RosterTest.assertProblem;

import java.text.Normalizer;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ClusterValuesTest {

    @Test
    void codesAreReadAsPeopleTypeThem() {
        assertEquals("CUM-07", ClusterCode.parse(" cum-07 ").value());
        assertEquals("KHOI.3", ClusterCode.parse("khoi.3").value());
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "CỤM-07", "CUM 07", "-CUM", "CUM--07", "CUM-", "ABCDEFGHIJKLMNOPQRSTU"})
    void otherCodesAreRefused(String raw) {
        assertProblem(400, "invalid-cluster-code", () -> ClusterCode.parse(raw));
    }

    @Test
    void namesAreStoredInNfcWithBlanksFolded() {
        String decomposed = Normalizer.normalize("Cụm thi đua số 7", Normalizer.Form.NFD);
        assertEquals("Cụm thi đua số 7", ClusterName.parse("  " + decomposed + "\t").value());
        assertProblem(400, "invalid-cluster-name", () -> ClusterName.parse(" "));
        assertProblem(400, "invalid-cluster-name", () -> ClusterName.parse(null));
        assertProblem(400, "invalid-cluster-name", () -> ClusterName.parse("Cụm\u202E 7"));
        assertProblem(400, "invalid-cluster-name", () -> ClusterName.parse("x".repeat(301)));
    }

    @Test
    void kindsAreClusterOrBlock() {
        assertEquals(ClusterKind.CLUSTER, ClusterKind.parse("cluster"));
        assertEquals(ClusterKind.BLOCK, ClusterKind.parse(" BLOCK "));
        assertProblem(400, "invalid-cluster-kind", () -> ClusterKind.parse("cụm"));
        assertProblem(400, "invalid-cluster-kind", () -> ClusterKind.parse(null));
    }

    @Test
    void yearsStayWithin2000And2100() {
        assertEquals(2000, EmulationYear.of(2000).value());
        assertEquals(2100, EmulationYear.of(2100).value());
        assertEquals(2017, new EmulationYear(2016).next().value());
        for (Integer year : new Integer[] {1999, 2101, null}) {
            assertProblem(400, "invalid-cluster-year", () -> EmulationYear.of(year));
        }
        assertNull(EmulationYear.parseOptional(" "));
        assertEquals(2023, EmulationYear.parseOptional("2023").value());
        assertProblem(400, "invalid-cluster-year", () -> EmulationYear.parseOptional("năm 2023"));
    }

    @Test
    void unitsAreListedTheVietnameseWay() {
        List<ClusterViews.UnitRef> sorted = List.of(
                        new ClusterViews.UnitRef("6", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa"),
                        new ClusterViews.UnitRef("5", "Tỉnh đoàn Thanh Hóa"),
                        new ClusterViews.UnitRef("4", "Đoàn Luật sư tỉnh Thanh Hóa"),
                        new ClusterViews.UnitRef("3", "Hội Cựu chiến binh tỉnh Thanh Hóa"),
                        new ClusterViews.UnitRef("2", "Hội Chữ thập đỏ tỉnh Thanh Hóa"),
                        new ClusterViews.UnitRef("1", "Công đoàn Viên chức tỉnh"),
                        new ClusterViews.UnitRef("7", "Dân tộc"))
                .stream().sorted(VietnameseOrder.UNITS).toList();
        assertEquals(List.of("1", "7", "4", "2", "3", "5", "6"), sorted.stream().map(ClusterViews.UnitRef::code).toList());
    }
}
