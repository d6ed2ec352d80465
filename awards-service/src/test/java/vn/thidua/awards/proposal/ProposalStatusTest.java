package vn.thidua.awards.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProposalStatusTest {
    /** The whole machine (domain.md §4): every pair not listed here must be refused. */
    static final Map<ProposalStatus, Set<ProposalStatus>> PROVINCIAL = Map.of(
            ProposalStatus.DRAFT, EnumSet.of(ProposalStatus.SUBMITTED),
            ProposalStatus.SUBMITTED, EnumSet.of(ProposalStatus.RETURNED, ProposalStatus.UNDER_APPRAISAL),
            ProposalStatus.RETURNED, EnumSet.of(ProposalStatus.DRAFT),
            ProposalStatus.UNDER_APPRAISAL, EnumSet.of(ProposalStatus.APPRAISED, ProposalStatus.RETURNED, ProposalStatus.REJECTED),
            ProposalStatus.APPRAISED, EnumSet.of(ProposalStatus.DECIDED, ProposalStatus.REJECTED),
            ProposalStatus.FORWARDED, EnumSet.of(ProposalStatus.DECIDED, ProposalStatus.REJECTED),
            ProposalStatus.DECIDED, EnumSet.of(ProposalStatus.REVOKED),
            ProposalStatus.REJECTED, EnumSet.noneOf(ProposalStatus.class),
            ProposalStatus.REVOKED, EnumSet.noneOf(ProposalStatus.class));

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
                assertEquals(provincial, from.canMoveTo(to, false), from + " → " + to + " (provincial award)");
                assertEquals(state, from.canMoveTo(to, true), from + " → " + to + " (state-level award)");
                refused += provincial ? 0 : 1;
            }
        }
        assertEquals(81 - 12, refused);
    }

    @Test
    void onlyProposalsPutToTheBoardAndStillAliveCountAgainstTheQuota() {
        assertEquals(EnumSet.of(ProposalStatus.SUBMITTED, ProposalStatus.UNDER_APPRAISAL, ProposalStatus.APPRAISED, ProposalStatus.FORWARDED,
                ProposalStatus.DECIDED), EnumSet.copyOf(java.util.Arrays.stream(ProposalStatus.values())
                .filter(ProposalStatus::countsAgainstQuota).toList()));
    }
}
