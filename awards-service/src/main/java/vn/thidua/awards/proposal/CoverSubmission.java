package vn.thidua.awards.proposal;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * What the cover submission (tờ trình) of a proposal says; names resolved. {@code proposer} is the
 * cluster-year (its leader signs for it), {@code recipient} the deciding authority, reached through
 * {@code receivingBody}; {@code ruleSetChosenBecause} says why {@code legalBasis} applies. {@code personName}: the person
 * proposed, for an award to persons, whose own unit then proposes them; null for a unit's.
 */
public record CoverSubmission(String clusterName, int year, String unitName, String unitCode, String awardName, String recipient,
                              String legalBasis, LocalDate legalBasisDate, Integer rank, BigDecimal total, LocalDate voteDate,
                              List<String> earlierAwards, List<String> attachments, LocalDate date, String place, String receivingBody,
                              String ruleSetChosenBecause, String personName) {

    public CoverSubmission {
        earlierAwards = List.copyOf(earlierAwards);
        attachments = List.copyOf(attachments);
    }
}
