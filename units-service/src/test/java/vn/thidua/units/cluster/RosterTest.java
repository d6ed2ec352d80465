package vn.thidua.units.cluster;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.ProblemException;

class RosterTest {
    private static final String MTTQ = "000.00.31.H56";
    private static final String LDLD = "000.00.32.H56";
    private static final String HND = "000.00.33.H56";
    private static final String HPN = "000.00.34.H56";
    private static final String DISSOLVED = "000.00.90.H56";
    private static final String UNKNOWN = "000.00.99.H56";

    private static final UnitDirectory REGISTRY = code -> Optional.ofNullable(Map.of(
            MTTQ, new MemberUnit(MTTQ, "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa", true, "ACTIVE"),
            LDLD, new MemberUnit(LDLD, "Liên đoàn Lao động tỉnh Thanh Hóa", true, "ACTIVE"),
            HND, new MemberUnit(HND, "Hội Nông dân tỉnh Thanh Hóa", true, "ACTIVE"),
            HPN, new MemberUnit(HPN, "Hội Liên hiệp Phụ nữ tỉnh Thanh Hóa", true, "ACTIVE"),
            DISSOLVED, new MemberUnit(DISSOLVED, "Hội đã giải thể", false, "DISSOLVED")).get(code));

    private static final Roster CLUSTER_7 = new Roster(List.of(MTTQ, LDLD, HND), new Leadership(LDLD, HND));

    @Test
    void aRegisteredActiveUnitThatIsNotAMemberMayJoin() {
        assertDoesNotThrow(() -> CLUSTER_7.requireCanAdd(HPN, REGISTRY));
    }

    @Test
    void membersUnknownOrInactiveUnitsMayNotJoin() {
        assertProblem(422, "cluster-member-already", () -> CLUSTER_7.requireCanAdd(MTTQ, REGISTRY));
        assertProblem(422, "cluster-member-unknown", () -> CLUSTER_7.requireCanAdd(UNKNOWN, REGISTRY));
        Refusal inactive = assertProblem(422, "cluster-member-inactive", () -> CLUSTER_7.requireCanAdd(DISSOLVED, REGISTRY));
        assertEquals("DISSOLVED", inactive.args()[1]);
    }

    @Test
    void leaderAndDeputyCannotLeaveButOtherMembersCan() {
        assertDoesNotThrow(() -> CLUSTER_7.requireCanRemove(MTTQ));
        Refusal leader = assertProblem(422, "cluster-member-leads", () -> CLUSTER_7.requireCanRemove(LDLD));
        assertEquals("cluster.member.is-leader", leader.messageKey());
        Refusal deputy = assertProblem(422, "cluster-member-leads", () -> CLUSTER_7.requireCanRemove(HND));
        assertEquals("cluster.member.is-deputy", deputy.messageKey());
        assertProblem(404, "cluster-member-not-found", () -> CLUSTER_7.requireCanRemove(HPN));
    }

    @Test
    void leaderAndDeputyMustBeTwoActiveMembers() {
        assertDoesNotThrow(() -> CLUSTER_7.requireValid(new Leadership(MTTQ, LDLD), REGISTRY));
        assertDoesNotThrow(() -> CLUSTER_7.requireValid(new Leadership(MTTQ, null), REGISTRY));
        assertProblem(400, "invalid-cluster-leadership", () -> CLUSTER_7.requireValid(new Leadership(null, MTTQ), REGISTRY));
        assertProblem(422, "cluster-leadership-same-unit", () -> CLUSTER_7.requireValid(new Leadership(MTTQ, MTTQ), REGISTRY));
        Refusal leader = assertProblem(422, "cluster-leadership-not-member",
                () -> CLUSTER_7.requireValid(new Leadership(HPN, MTTQ), REGISTRY));
        assertEquals("cluster.leadership.leader-not-member", leader.messageKey());
        Refusal deputy = assertProblem(422, "cluster-leadership-not-member",
                () -> CLUSTER_7.requireValid(new Leadership(MTTQ, HPN), REGISTRY));
        assertEquals("cluster.leadership.deputy-not-member", deputy.messageKey());

        Roster withDissolvedMember = new Roster(List.of(MTTQ, DISSOLVED), Leadership.NONE);
        assertProblem(422, "cluster-member-inactive",
                () -> withDissolvedMember.requireValid(new Leadership(DISSOLVED, MTTQ), REGISTRY));
        assertProblem(422, "cluster-member-inactive",
                () -> withDissolvedMember.requireValid(new Leadership(MTTQ, DISSOLVED), REGISTRY));
    }

    static Refusal assertProblem(int status, String slug, org.junit.jupiter.api.function.Executable call) {
        Refusal problem = assertThrows(Refusal.class, call);
        assertEquals(status, ProblemException.statusOf(problem.nature()));
        assertEquals(slug, problem.type());
        return problem;
    }
}
