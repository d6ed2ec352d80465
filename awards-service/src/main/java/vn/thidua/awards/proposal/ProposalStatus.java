package vn.thidua.awards.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a proposal (domain.md §4) as an explicit state machine: each status lists the
 * statuses it may move to, and nothing else is allowed. FORWARDED (to the Prime Minister's office
 * through the Ministry of Home Affairs) is only for state-level awards; the others are decided in
 * the province straight after appraisal.
 */
public enum ProposalStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    UNDER_APPRAISAL,
    APPRAISED,
    FORWARDED,
    DECIDED,
    REJECTED,
    REVOKED;

    public Set<ProposalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(RETURNED, UNDER_APPRAISAL);
            case RETURNED -> EnumSet.of(DRAFT);
            case UNDER_APPRAISAL -> EnumSet.of(APPRAISED, RETURNED, REJECTED);
            case APPRAISED -> EnumSet.of(FORWARDED, DECIDED, REJECTED);
            case FORWARDED -> EnumSet.of(DECIDED, REJECTED);
            case DECIDED -> EnumSet.of(REVOKED);
            case REJECTED, REVOKED -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    public boolean canMoveTo(ProposalStatus target, boolean stateLevelAward) {
        if (!next().contains(target)) {
            return false;
        }
        if (this == APPRAISED && target == FORWARDED) {
            return stateLevelAward;
        }
        if (this == APPRAISED && target == DECIDED) {
            return !stateLevelAward;
        }
        return true;
    }

    /** Whether the proposal counts against a quota: it has been put to the Board and is not out. */
    public boolean countsAgainstQuota() {
        return this != DRAFT && this != RETURNED && this != REJECTED && this != REVOKED;
    }
}
