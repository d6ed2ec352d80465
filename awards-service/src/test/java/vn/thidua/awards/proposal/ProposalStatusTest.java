package vn.thidua.awards.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposalStatusTest {
    private static final ProposalStatus.Route PROVINCIAL_ROUTE = new ProposalStatus.Route(false, false);
    private static final ProposalStatus.Route STATE_ROUTE = new ProposalStatus.Route(true, false);

    /** The whole machine for a provincial award without a Council review: every pair not listed here must be refused. */
    static final Map<ProposalStatus, Set<ProposalStatus>> PROVINCIAL = Map.ofEntries(
            Map.entry(ProposalStatus.DRAFT, EnumSet.of(ProposalStatus.SUBMITTED)),
            Map.entry(ProposalStatus.SUBMITTED, EnumSet.of(ProposalStatus.RETURNED, ProposalStatus.UNDER_APPRAISAL)),
            Map.entry(ProposalStatus.RETURNED, EnumSet.of(ProposalStatus.DRAFT)),
            Map.entry(ProposalStatus.UNDER_APPRAISAL, EnumSet.of(ProposalStatus.APPRAISED, ProposalStatus.RETURNED, ProposalStatus.REJECTED)),
            Map.entry(ProposalStatus.APPRAISED, EnumSet.of(ProposalStatus.DECIDED, ProposalStatus.REJECTED)),
            Map.entry(ProposalStatus.COUNCIL_REVIEW, EnumSet.of(ProposalStatus.APPRAISED, ProposalStatus.RECOMMENDED, ProposalStatus.REJECTED)),
            Map.entry(ProposalStatus.RECOMMENDED, EnumSet.of(ProposalStatus.DECIDED, ProposalStatus.REJECTED)),
            Map.entry(ProposalStatus.FORWARDED, EnumSet.of(ProposalStatus.RECOMMENDED, ProposalStatus.DECIDED, ProposalStatus.REJECTED)),
            Map.entry(ProposalStatus.DECIDED, EnumSet.of(ProposalStatus.REVOKED)),
            Map.entry(ProposalStatus.REJECTED, EnumSet.noneOf(ProposalStatus.class)),
            Map.entry(ProposalStatus.REVOKED, EnumSet.noneOf(ProposalStatus.class)));

    @Test
    void everyPairOfStatusesIsAllowedOrRefusedAsTheMachineSays() {
        int refused = 0;
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalStatus to : ProposalStatus.values()) {
                boolean provincial = PROVINCIAL.get(from).contains(to);
                // a state-level award goes to the Prime Minister's office instead of being decided in the province
                boolean state = from == ProposalStatus.APPRAISED
                        ? to == ProposalStatus.FORWARDED || to == ProposalStatus.REJECTED
                        : provincial;
                boolean stateFromRecommended = from == ProposalStatus.RECOMMENDED
                        ? to == ProposalStatus.FORWARDED || to == ProposalStatus.REJECTED : state;
                assertEquals(provincial, from.canMoveTo(to, PROVINCIAL_ROUTE), from + " → " + to + " (provincial award)");
                assertEquals(stateFromRecommended, from.canMoveTo(to, STATE_ROUTE), from + " → " + to + " (state-level award)");
                refused += provincial ? 0 : 1;
            }
        }
        assertEquals(121 - 18, refused);
    }

    @Test
    void anAwardTheCouncilReviewsGoesThroughItAndOnlyThenToTheChairmanOrThePrimeMinister() {
        ProposalStatus.Route councilProvincial = new ProposalStatus.Route(false, true);
        ProposalStatus.Route councilState = new ProposalStatus.Route(true, true);
        for (ProposalStatus.Route route : List.of(councilProvincial, councilState)) {
            assertTrue(ProposalStatus.APPRAISED.canMoveTo(ProposalStatus.COUNCIL_REVIEW, route));
            assertFalse(ProposalStatus.APPRAISED.canMoveTo(ProposalStatus.DECIDED, route), "no decision without the Council");
            assertFalse(ProposalStatus.APPRAISED.canMoveTo(ProposalStatus.FORWARDED, route), "no submission without the Council");
            assertTrue(ProposalStatus.COUNCIL_REVIEW.canMoveTo(ProposalStatus.RECOMMENDED, route));
        }
        assertTrue(ProposalStatus.RECOMMENDED.canMoveTo(ProposalStatus.DECIDED, councilProvincial));
        assertFalse(ProposalStatus.RECOMMENDED.canMoveTo(ProposalStatus.FORWARDED, councilProvincial));
        assertTrue(ProposalStatus.RECOMMENDED.canMoveTo(ProposalStatus.FORWARDED, councilState));
        assertFalse(ProposalStatus.RECOMMENDED.canMoveTo(ProposalStatus.DECIDED, councilState), "the Prime Minister decides");
        assertTrue(ProposalStatus.FORWARDED.canMoveTo(ProposalStatus.RECOMMENDED, councilState), "returned by the national Board");
        assertFalse(ProposalStatus.APPRAISED.canMoveTo(ProposalStatus.COUNCIL_REVIEW, new ProposalStatus.Route(false, false)));
    }

    @Test
    void onlyProposalsPutToTheBoardAndStillAliveCountAgainstTheQuota() {
        assertEquals(EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.UNDER_APPRAISAL, ProposalStatus.APPRAISED,
                ProposalStatus.COUNCIL_REVIEW, ProposalStatus.RECOMMENDED, ProposalStatus.FORWARDED,
                ProposalStatus.DECIDED), EnumSet.copyOf(java.util.Arrays.stream(ProposalStatus.values())
                .filter(ProposalStatus::countsAgainstQuota).toList()));
    }
}
