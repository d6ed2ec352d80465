package vn.thidua.awards.proposal;

import java.util.EnumSet;
import java.util.Set;

/**
 * The life of a proposal (domain.md §4, law-2025.md §4) as an explicit state machine: each status lists
 * the statuses it may move to, and {@link #canMoveTo} narrows them by the proposal's {@link Route}.
 * <ul>
 * <li>An award its rule set sends to the province's Council goes APPRAISED → COUNCIL_REVIEW → RECOMMENDED
 * (or REJECTED, not recommended), then the Chairman decides it (provincial) or it is FORWARDED in the
 * province's submission to the Prime Minister (state-level), which the national Board may send back
 * (FORWARDED → RECOMMENDED).</li>
 * <li>An award without a Council review is decided straight after appraisal, or forwarded if state-level.</li>
 * </ul>
 */
public enum ProposalStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    UNDER_APPRAISAL,
    APPRAISED,
    COUNCIL_REVIEW,
    RECOMMENDED,
    FORWARDED,
    DECIDED,
    REJECTED,
    REVOKED;

    /** What decides the way a proposal goes: whether the award is state-level, and whether the Council reviews it. */
    public record Route(boolean stateLevel, boolean councilReviews) {
    }

    public Set<ProposalStatus> next() {
        return switch (this) {
            case DRAFT -> EnumSet.of(SUBMITTED);
            case SUBMITTED -> EnumSet.of(RETURNED, UNDER_APPRAISAL);
            case RETURNED -> EnumSet.of(DRAFT);
            case UNDER_APPRAISAL -> EnumSet.of(APPRAISED, RETURNED, REJECTED);
            case APPRAISED -> EnumSet.of(COUNCIL_REVIEW, FORWARDED, DECIDED, REJECTED);
            // off the agenda (APPRAISED), recommended, or not recommended (REJECTED)
            case COUNCIL_REVIEW -> EnumSet.of(APPRAISED, RECOMMENDED, REJECTED);
            case RECOMMENDED -> EnumSet.of(FORWARDED, DECIDED, REJECTED);
            // the national Board sends a faulty dossier back to the province (RECOMMENDED)
            case FORWARDED -> EnumSet.of(RECOMMENDED, DECIDED, REJECTED);
            case DECIDED -> EnumSet.of(REVOKED);
            case REJECTED, REVOKED -> EnumSet.noneOf(ProposalStatus.class);
        };
    }

    public boolean canMoveTo(ProposalStatus target, Route route) {
        if (!next().contains(target)) {
            return false;
        }
        if (this == APPRAISED) {
            return switch (target) {
                case COUNCIL_REVIEW -> route.councilReviews();
                case FORWARDED -> route.stateLevel() && !route.councilReviews();
                case DECIDED -> !route.stateLevel() && !route.councilReviews();
                default -> true;
            };
        }
        if (this == RECOMMENDED && target == FORWARDED) {
            return route.stateLevel();
        }
        if (this == RECOMMENDED && target == DECIDED) {
            return !route.stateLevel();
        }
        return true;
    }

    /** Whether the proposal counts against a quota: it has been put to the Board and is not out. */
    public boolean countsAgainstQuota() {
        return this != DRAFT && this != RETURNED && this != REJECTED && this != REVOKED;
    }
}
