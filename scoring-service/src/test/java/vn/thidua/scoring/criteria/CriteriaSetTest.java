package vn.thidua.scoring.criteria;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static vn.thidua.scoring.criteria.CriteriaMother.BOARD_OFFICER;
import static vn.thidua.scoring.criteria.CriteriaMother.LDLD;
import static vn.thidua.scoring.criteria.CriteriaMother.MTTQ;
import static vn.thidua.scoring.criteria.CriteriaMother.NOW;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;

/** The transitions of a criteria set, in memory. */
class CriteriaSetTest {
    private static final Instant LATER = NOW.plusSeconds(3600);

    @Test
    void aDraftOfAKnownClusterWithMembersIsPublished() {
        CriteriaSet set = CriteriaMother.draft();
        CriteriaSetEvent event = set.publish(Optional.of(CriteriaMother.cluster(List.of(LDLD, MTTQ))), BOARD_OFFICER, LATER);
        assertEquals(CriteriaSetStatus.PUBLISHED, set.status);
        assertEquals(LATER, set.updatedAt);
        assertEquals(new CriteriaSetEvent(1L, CriteriaSetEvent.PUBLISHED, null, BOARD_OFFICER, LATER), event);
    }

    @Test
    void publishingRefusesAnUnknownClusterOrOneWithoutMembersAndLeavesTheDraft() {
        CriteriaSet set = CriteriaMother.draft();
        Refusal unknown = assertThrows(Refusal.class, () -> set.publish(Optional.empty(), BOARD_OFFICER, LATER));
        assertEquals("unknown-cluster", unknown.type());
        Refusal empty = assertThrows(Refusal.class, () -> set.publish(Optional.of(CriteriaMother.cluster(List.of())), BOARD_OFFICER, LATER));
        assertEquals("cluster-without-members", empty.type());
        assertEquals(CriteriaSetStatus.DRAFT, set.status);
    }

    @Test
    void onlyADraftIsPublishedOrRedefined() {
        CriteriaSet set = CriteriaMother.published();
        Refusal again = assertThrows(Refusal.class,
                () -> set.publish(Optional.of(CriteriaMother.cluster(List.of(LDLD))), BOARD_OFFICER, LATER));
        assertEquals("criteria-set-status", again.type());
        Refusal redefine = assertThrows(Refusal.class, () -> set.redefine(CriteriaMother.definition(), LATER));
        assertEquals(Refusal.Nature.STATE, redefine.nature());
    }

    @Test
    void aDraftTakesAValidDefinitionOnly() {
        CriteriaSet set = CriteriaMother.draft();
        CriteriaDefinition valid = CriteriaMother.definition();
        CriteriaDefinition renamed = new CriteriaDefinition("Bảng mới", valid.scale(), BigDecimal.ONE, true, false,
                valid.boardReviewer(), valid.deadlines(), valid.bands(), valid.tieBreaks(), null, valid.groups());
        set.redefine(renamed, LATER);
        assertEquals("Bảng mới", set.title);
        assertEquals(BigDecimal.ONE, set.bonusCap);
        CriteriaDefinition broken = new CriteriaDefinition("Sai", 90, BigDecimal.ZERO, false, false, null, null, null, null, null,
                valid.groups());
        assertThrows(Refusal.class, () -> set.redefine(broken, LATER));
        assertEquals("Bảng mới", set.title);
    }

    @Test
    void aPublishedSetClosesAndAClosedOneReopensOnlyWithAReason() {
        CriteriaSet set = CriteriaMother.published();
        assertEquals(new CriteriaSetEvent(1L, CriteriaSetEvent.CLOSED, null, BOARD_OFFICER, LATER), set.close(BOARD_OFFICER, LATER));
        assertEquals(CriteriaSetStatus.CLOSED, set.status);
        Refusal noReason = assertThrows(Refusal.class, () -> set.reopen(" ", BOARD_OFFICER, LATER));
        assertEquals("reason-required", noReason.type());
        assertEquals(CriteriaSetStatus.CLOSED, set.status);
        CriteriaSetEvent reopened = set.reopen("Sai sót điểm của cụm", BOARD_OFFICER, LATER);
        assertEquals(new CriteriaSetEvent(1L, CriteriaSetEvent.REOPENED, "Sai sót điểm của cụm", BOARD_OFFICER, LATER), reopened);
        assertEquals(CriteriaSetStatus.PUBLISHED, set.status);
    }

    @Test
    void aDraftNeitherClosesNorReopens() {
        CriteriaSet set = CriteriaMother.draft();
        assertThrows(Refusal.class, () -> set.close(BOARD_OFFICER, LATER));
        assertThrows(Refusal.class, () -> set.reopen("lý do", BOARD_OFFICER, LATER));
        assertEquals(CriteriaSetStatus.DRAFT, set.status);
    }

    @Test
    void aCopyIsADraftThatRemembersItsSource() {
        CriteriaSet copy = CriteriaMother.closed().copyFor(8, LATER);
        assertEquals(CriteriaSetStatus.DRAFT, copy.status);
        assertEquals(8, copy.clusterId);
        assertEquals(1L, copy.copiedFrom);
        assertEquals(CriteriaMother.definition(), copy.definition());
        copy.id = 2L;
        assertEquals(new CriteriaSetEvent(2L, CriteriaSetEvent.COPIED, "from 1", BOARD_OFFICER, LATER), copy.created(BOARD_OFFICER, LATER));
        assertNull(CriteriaMother.draft().copiedFrom);
    }
}
