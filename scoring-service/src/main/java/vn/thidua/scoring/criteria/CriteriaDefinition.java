package vn.thidua.scoring.criteria;

import vn.thidua.platform.domain.Refusal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a criteria set says, as the Board writes it: groups of criteria with their maxima, the
 * scale, the cap on bonus points, who scores in which stage and until when, classification
 * bands and tie-breaks (with the share of women that {@link TieBreak#WOMEN_SHARE} looks for: a
 * decree's figure, so the set's data). {@link #validate()} lists every rule it breaks.
 */
public record CriteriaDefinition(String title, int scale, BigDecimal bonusCap, boolean peerEnabled, boolean peerTrimExtremes,
                                 BoardReviewer boardReviewer, Deadlines deadlines, List<Band> bands, List<TieBreak> tieBreaks,
                                 BigDecimal womenShareThresholdPercent, List<GroupDefinition> groups) {
    private static final Pattern CODE = Pattern.compile("[A-Za-z0-9.\\-]{1,20}");
    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    public CriteriaDefinition {
        // not List.copyOf: a client may send nulls inside the lists, and validate() must name them, not fail on them
        bands = listOf(bands);
        tieBreaks = listOf(tieBreaks);
        groups = listOf(groups);
        deadlines = deadlines == null ? new Deadlines(null, null, null) : deadlines;
        boardReviewer = boardReviewer == null ? BoardReviewer.BOARD : boardReviewer;
        bonusCap = bonusCap == null ? BigDecimal.ZERO : bonusCap;
    }

    public record Deadlines(LocalDate self, LocalDate peer, LocalDate board) {
    }

    /** A classification band (xếp loại): units with at least {@code minTotal} points get {@code label}. */
    public record Band(@Schema(required = true, maxLength = 100) String label, @Schema(required = true, minimum = "0") BigDecimal minTotal) {
    }

    public record GroupDefinition(String code, String title, BigDecimal maxPoints, List<CriterionDefinition> criteria) {
        public GroupDefinition {
            criteria = listOf(criteria);
        }
    }

    public record CriterionDefinition(String code, String title, String guidance, CriterionKind kind, BigDecimal maxPoints,
                                      boolean evidenceRequired, ComputedFrom computedFrom, BigDecimal pointsPerPercent,
                                      BigDecimal pointsPerItem) {
        /** A criterion the scorers fill in themselves. */
        public CriterionDefinition(String code, String title, String guidance, CriterionKind kind, BigDecimal maxPoints,
                                   boolean evidenceRequired) {
            this(code, title, guidance, kind, maxPoints, evidenceRequired, null, null, null);
        }
    }

    /** Refuses (422) with every broken rule, so the officer can fix the sheet in one go. */
    public void validate() {
        List<Refusal.Reason> problems = new ArrayList<>();
        if (title == null || title.isBlank()) {
            problems.add(new Refusal.Reason("title", "criteria.title.required"));
        }
        if (scale != 100 && scale != 1000) {
            problems.add(new Refusal.Reason("scale", "criteria.scale.invalid", scale));
        }
        if (bonusCap.signum() < 0) {
            problems.add(new Refusal.Reason("bonusCap", "criteria.bonus-cap.negative"));
        }
        if (groups.isEmpty()) {
            problems.add(new Refusal.Reason("groups", "criteria.groups.empty"));
        }
        Set<String> groupCodes = new HashSet<>();
        Set<String> criterionCodes = new HashSet<>();
        BigDecimal groupsTotal = BigDecimal.ZERO;
        for (int g = 0; g < groups.size(); g++) {
            GroupDefinition group = groups.get(g);
            String where = "groups[" + g + "]";
            if (group == null) {
                problems.add(new Refusal.Reason(where, "criteria.item.missing"));
                continue;
            }
            if (group.code() == null || !CODE.matcher(group.code()).matches()) {
                problems.add(new Refusal.Reason(where + ".code", "criteria.code.invalid", String.valueOf(group.code())));
            } else if (!groupCodes.add(group.code())) {
                problems.add(new Refusal.Reason(where + ".code", "criteria.code.duplicate", group.code()));
            }
            if (group.title() == null || group.title().isBlank()) {
                problems.add(new Refusal.Reason(where + ".title", "criteria.title.required"));
            }
            if (group.maxPoints() == null || group.maxPoints().signum() < 0) {
                problems.add(new Refusal.Reason(where + ".maxPoints", "criteria.max.invalid", String.valueOf(group.code())));
                continue;
            }
            groupsTotal = groupsTotal.add(group.maxPoints());
            BigDecimal standardTotal = BigDecimal.ZERO;
            for (int c = 0; c < group.criteria().size(); c++) {
                CriterionDefinition criterion = group.criteria().get(c);
                String at = where + ".criteria[" + c + "]";
                if (criterion == null) {
                    problems.add(new Refusal.Reason(at, "criteria.item.missing"));
                    continue;
                }
                if (criterion.code() == null || !CODE.matcher(criterion.code()).matches()) {
                    problems.add(new Refusal.Reason(at + ".code", "criteria.code.invalid", String.valueOf(criterion.code())));
                } else if (!criterionCodes.add(criterion.code())) {
                    problems.add(new Refusal.Reason(at + ".code", "criteria.code.duplicate", criterion.code()));
                }
                if (criterion.title() == null || criterion.title().isBlank()) {
                    problems.add(new Refusal.Reason(at + ".title", "criteria.title.required"));
                }
                if (criterion.kind() == null) {
                    problems.add(new Refusal.Reason(at + ".kind", "criteria.kind.required", String.valueOf(criterion.code())));
                }
                if (criterion.maxPoints() == null || criterion.maxPoints().signum() <= 0) {
                    problems.add(new Refusal.Reason(at + ".maxPoints", "criteria.max.invalid", String.valueOf(criterion.code())));
                } else if (criterion.kind() == CriterionKind.STANDARD) {
                    standardTotal = standardTotal.add(criterion.maxPoints());
                }
                if (criterion.computedFrom() == ComputedFrom.TARGET_ATTAINMENT && criterion.kind() != CriterionKind.STANDARD
                        || criterion.computedFrom() == ComputedFrom.TARGET_EXCESS && (criterion.kind() != CriterionKind.BONUS
                        || criterion.pointsPerPercent() == null || criterion.pointsPerPercent().signum() <= 0)
                        || criterion.computedFrom() != null && criterion.computedFrom().countsModels() && (criterion.kind() != CriterionKind.BONUS
                        || criterion.pointsPerItem() == null || criterion.pointsPerItem().signum() <= 0)) {
                    problems.add(new Refusal.Reason(at + ".computedFrom", "criteria.computed.invalid", String.valueOf(criterion.code())));
                }
            }
            if (group.criteria().isEmpty()) {
                problems.add(new Refusal.Reason(where + ".criteria", "criteria.group.empty", String.valueOf(group.code())));
            }
            if (standardTotal.compareTo(group.maxPoints()) > 0) {
                problems.add(new Refusal.Reason(where, "criteria.group.over", group.code(), plain(standardTotal), plain(group.maxPoints())));
            }
        }
        if (!groups.isEmpty() && groupsTotal.compareTo(BigDecimal.valueOf(scale)) != 0) {
            problems.add(new Refusal.Reason("groups", "criteria.scale.mismatch", plain(groupsTotal), scale));
        }
        BigDecimal previous = null;
        for (int b = 0; b < bands.size(); b++) {
            Band band = bands.get(b);
            if (band == null || band.label() == null || band.label().isBlank() || band.minTotal() == null || band.minTotal().signum() < 0) {
                problems.add(new Refusal.Reason("bands[" + b + "]", "criteria.band.invalid"));
            } else if (previous != null && band.minTotal().compareTo(previous) >= 0) {
                problems.add(new Refusal.Reason("bands[" + b + "]", "criteria.band.order"));
            } else {
                previous = band.minTotal();
            }
        }
        if (new HashSet<>(tieBreaks).size() != tieBreaks.size() || tieBreaks.stream().anyMatch(Objects::isNull)) {
            problems.add(new Refusal.Reason("tieBreaks", "criteria.tie-breaks.duplicate"));
        }
        boolean thresholdMissing = womenShareThresholdPercent == null && tieBreaks.contains(TieBreak.WOMEN_SHARE);
        // two decimals, as the column keeps it: 66.666 would be stored as 66.67 without a word
        boolean thresholdInvalid = womenShareThresholdPercent != null && (womenShareThresholdPercent.signum() <= 0
                || womenShareThresholdPercent.compareTo(HUNDRED) > 0 || womenShareThresholdPercent.stripTrailingZeros().scale() > 2);
        if (thresholdMissing || thresholdInvalid) {
            problems.add(new Refusal.Reason("womenShareThresholdPercent", "criteria.women-share.invalid"));
        }
        if (!peerEnabled && deadlines.peer() != null) {
            problems.add(new Refusal.Reason("deadlines.peer", "criteria.deadline.peer-disabled"));
        }
        if (outOfOrder(deadlines.self(), deadlines.peer()) || outOfOrder(deadlines.peer(), deadlines.board())
                || outOfOrder(deadlines.self(), deadlines.board())) {
            problems.add(new Refusal.Reason("deadlines", "criteria.deadline.order"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-criteria-set", "criteria.invalid", problems.size()).because(problems);
        }
    }

    private static <T> List<T> listOf(List<T> items) {
        return items == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(items));
    }

    private static boolean outOfOrder(LocalDate earlier, LocalDate later) {
        return earlier != null && later != null && later.isBefore(earlier);
    }

    private static String plain(BigDecimal value) {
        return value.stripTrailingZeros().toPlainString();
    }
}
