package vn.thidua.awards.council;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import vn.thidua.awards.catalogue.CouncilReview;

/**
 * What the minutes of a Council session (biên bản họp xét) say, gathered from the session, its term, its
 * attendance and its count: plain data, so the PDF can be rendered and tested without a database.
 */
public record CouncilMinutes(String termName, String termDecision, LocalDate termDecisionDate, CouncilReview.Body body, int year,
                             LocalDate heldOn, String place, String province, List<String> roll, List<String> present, List<String> written,
                             List<Rules> rules, List<Candidate> candidates) {

    /** One rule set the candidates are judged under: its quorum, threshold and citation, and whether its quorum was met. */
    public record Rules(String awardName, String quorum, String threshold, boolean strictlyAbove, boolean allMembers,
                        boolean writtenOpinionsCount, int takingPart, boolean quorumMet, String citation) {
    }

    /** One row: the candidate, the cluster or block it leads, its place there, and the Council's count. */
    public record Candidate(String unitName, String unitCode, String awardName, String clusterName, String clusterCode,
                            BigDecimal rankingTotal, Integer rankingRank, CouncilResult.CandidateResult result) {
    }
}
