package vn.thidua.awards.proposal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import vn.thidua.platform.domain.Refusal;

/**
 * A proposal of one award for one unit and year, or, for a person award, for one person of the unit and year, with what it
 * rests on and where it stands.
 */
@Entity
@Table(name = "proposal")
public class Proposal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "unit_code", nullable = false, length = 35)
    public String unitCode;

    @Column(name = "award_type_code", nullable = false, length = 40)
    public String awardTypeCode;

    /** The person proposed, for a person award (null for a unit's): their id and name as units-service announced them. */
    @Column(name = "person_id")
    public UUID personId;

    @Column(name = "person_name", length = 200)
    public String personName;

    @Column(nullable = false)
    public int year;

    @Column(name = "cluster_id", nullable = false)
    public long clusterId;

    @Column(name = "cluster_code", nullable = false, length = 20)
    public String clusterCode;

    @Column(name = "rule_set_id", nullable = false)
    public long ruleSetId;

    /** The day the Board received the dossier: given by the Board for a past dossier, else the day of its first submission. */
    @Column(name = "received_on")
    public LocalDate receivedOn;

    /** Why its rule set was chosen, with the day whose rules judge it; provisional while a draft not yet received. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "rule_set_chosen_because")
    public vn.thidua.awards.catalogue.RuleSetChoice ruleSetChosenBecause;

    @Column(name = "voting_session_id")
    public UUID votingSessionId;

    @Column(name = "ranking_rank")
    public Integer rankingRank;

    @Column(name = "ranking_total", precision = 8, scale = 2)
    public BigDecimal rankingTotal;

    @Column(name = "ranking_set_version")
    public Long rankingSetVersion;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 20)
    public ProposalStatus status;

    @Column(name = "status_reason", length = 2000)
    public String statusReason;

    @Column(name = "legal_ground", length = 500)
    public String legalGround;

    @Column(name = "decision_number", length = 100)
    public String decisionNumber;

    @Column(name = "decision_date")
    public LocalDate decisionDate;

    @Column(name = "deciding_authority", length = 300)
    public String decidingAuthority;

    /** Awards the unit held before, as the ledger said when the dossier was last filled in. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "earlier_awards", nullable = false)
    public List<EarlierAward> earlierAwards = new ArrayList<>();

    @Version
    @Column(nullable = false)
    public long version;

    @Column(name = "created_by", nullable = false, length = 100)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** The Council session that reviews (or reviewed) it, and how its ballot went for it. */
    @Column(name = "council_session_id")
    public UUID councilSessionId;

    @Column(name = "council_result", length = 500)
    public String councilResult;

    /** The province's submission (tờ trình of the Chairman) that carries it to the Prime Minister, while it does. */
    @Column(name = "submission_id")
    public Long submissionId;

    // ---- the life of a proposal: one method per step, each checks the step, takes it and returns the event ----

    /**
     * A new draft of the award for the unit and cluster-year ({@code votingSessionId}: the vote it comes from, if any).
     * {@code receivedOn}, the day a past dossier reached the Board, may not lie after {@code today}.
     */
    public static Proposal draft(String unitCode, String awardTypeCode, int year, long clusterId, String clusterCode, UUID votingSessionId,
                                 LocalDate receivedOn, LocalDate today, String createdBy, Instant at) {
        if (receivedOn != null && receivedOn.isAfter(today)) {
            throw Refusal.unprocessable("invalid-proposal", "proposal.received.future", receivedOn.toString());
        }
        Proposal proposal = new Proposal();
        proposal.unitCode = unitCode;
        proposal.awardTypeCode = awardTypeCode;
        proposal.year = year;
        proposal.clusterId = clusterId;
        proposal.clusterCode = clusterCode;
        proposal.votingSessionId = votingSessionId;
        proposal.receivedOn = receivedOn;
        proposal.status = ProposalStatus.DRAFT;
        proposal.createdBy = createdBy;
        proposal.createdAt = at;
        proposal.updatedAt = at;
        return proposal;
    }

    /**
     * The draft is for a person of its unit: the person a person award goes to, named once, before the draft is kept.
     */
    public void nominate(UUID person, String fullName) {
        if (personId != null || id != null) {
            throw new IllegalStateException("a proposal names its person once, when it is drafted");
        }
        personId = person;
        personName = fullName;
    }

    /** Whether it proposes a person rather than its unit. */
    public boolean ofPerson() {
        return personId != null;
    }

    /** The first step of a draft, once it has its id. */
    public ProposalMoved opened() {
        return new ProposalMoved(id, null, ProposalStatus.DRAFT);
    }

    /** The rule set chosen to judge it, and why. */
    public void judgeBy(vn.thidua.awards.catalogue.RuleSetChoice choice) {
        ruleSetId = choice.ruleSetId();
        ruleSetChosenBecause = choice;
    }

    /** Where the unit stood in its cluster-year's finalized ranking, as the proposal records it. */
    public void rankedAs(int rank, BigDecimal total, long criteriaSetVersion) {
        rankingRank = rank;
        rankingTotal = total;
        rankingSetVersion = criteriaSetVersion;
    }

    /** The awards the unit held before, as the dossier lists them. */
    public void heldBefore(List<EarlierAward> awards) {
        earlierAwards = awards;
    }

    /**
     * The Board receives the dossier on {@code today} unless it stated an earlier day: true when it is received now, and
     * the rule set that judges it must then be chosen for good.
     */
    public boolean receive(LocalDate today) {
        if (receivedOn != null) {
            return false;
        }
        receivedOn = today;
        return true;
    }

    /** While a draft is judged on today's rules: not received yet, so it shows what submitting now would meet. */
    public boolean judgedProvisionally() {
        return receivedOn == null && status == ProposalStatus.DRAFT;
    }

    /** Whether it is yet to be counted against its award's quota: not put to the Board, or sent back to its proposer. */
    public boolean outsideQuota() {
        return status == ProposalStatus.DRAFT || status == ProposalStatus.RETURNED;
    }

    /** The Board's findings count until the proposal ends: decided, revoked or rejected, they can change nothing. */
    public void requireAttestable() {
        if (status == ProposalStatus.DECIDED || status == ProposalStatus.REVOKED || status == ProposalStatus.REJECTED) {
            throw Refusal.conflict("proposal-decided", "proposal.attestation.decided", status);
        }
    }

    /** Only a draft's dossier changes: once submitted, the Board judges what was submitted. */
    public void requireDossierOpen() {
        if (status != ProposalStatus.DRAFT) {
            throw Refusal.conflict("proposal-not-draft", "proposal.dossier.not-draft", status);
        }
    }

    /** A file was added to its dossier. */
    public void dossierChanged(Instant at) {
        updatedAt = at;
    }


    /** Put to the Board: only if every condition holds and the dossier has its achievement report. */
    public ProposalMoved submit(ProposalStatus.Route route, java.util.List<vn.thidua.awards.condition.Verdict> verdicts,
                                boolean hasAchievementReport, Instant at) {
        requireStep(ProposalStatus.SUBMITTED, route);
        if (vn.thidua.awards.condition.Vocabulary.outcome(verdicts) != vn.thidua.awards.condition.Outcome.PASS) {
            java.util.List<Refusal.Reason> failed = new ArrayList<>();
            for (vn.thidua.awards.condition.Verdict verdict : verdicts) {
                for (vn.thidua.awards.condition.Verdict blocking : verdict.blocking()) {
                    failed.add(new Refusal.Reason("eligibility." + blocking.kind(), blocking.messageKey(), blocking.args().toArray()));
                }
            }
            throw Refusal.rule("proposal-not-eligible", "proposal.not-eligible", failed.size()).because(failed);
        }
        if (!hasAchievementReport) {
            throw Refusal.rule("dossier-incomplete", "proposal.dossier.no-achievement-report");
        }
        return moveTo(ProposalStatus.SUBMITTED, route, null, at);
    }

    public ProposalMoved returnToProposer(ProposalStatus.Route route, String reason, Instant at) {
        return moveTo(ProposalStatus.RETURNED, route, reason, at);
    }

    public ProposalMoved rework(ProposalStatus.Route route, Instant at) {
        return moveTo(ProposalStatus.DRAFT, route, null, at);
    }

    public ProposalMoved startAppraisal(ProposalStatus.Route route, Instant at) {
        return moveTo(ProposalStatus.UNDER_APPRAISAL, route, null, at);
    }

    public ProposalMoved appraise(ProposalStatus.Route route, Instant at) {
        return moveTo(ProposalStatus.APPRAISED, route, null, at);
    }

    /** On the agenda of a Council session. */
    public ProposalMoved putBeforeCouncil(ProposalStatus.Route route, UUID sessionId, Instant at) {
        ProposalMoved moved = moveTo(ProposalStatus.COUNCIL_REVIEW, route, null, at);
        councilSessionId = sessionId;
        councilResult = null;
        return moved;
    }

    /** Taken off the agenda before the Council voted: back to the Board's appraised pile. */
    public ProposalMoved takeOffAgenda(ProposalStatus.Route route, UUID sessionId, Instant at) {
        requireSession(sessionId);
        ProposalMoved moved = moveTo(ProposalStatus.APPRAISED, route, null, at);
        councilSessionId = null;
        return moved;
    }

    /** The Council's published ballot: recommended, or not (then the proposal ends, with the ballot's result as the reason). */
    public ProposalMoved councilConcluded(ProposalStatus.Route route, UUID sessionId, boolean recommended, String result, Instant at) {
        requireSession(sessionId);
        councilResult = result;
        return recommended ? moveTo(ProposalStatus.RECOMMENDED, route, null, at)
                : moveTo(ProposalStatus.REJECTED, route, result, at);
    }

    /** Sent to the Prime Minister in the province's submission (or, without a Council review, forwarded after appraisal). */
    public ProposalMoved forward(ProposalStatus.Route route, Long submission, Instant at) {
        ProposalMoved moved = moveTo(ProposalStatus.FORWARDED, route, null, at);
        submissionId = submission;
        return moved;
    }

    /** The national Board sent the province's submission back: the province corrects it and submits again. */
    public ProposalMoved returnedByNation(ProposalStatus.Route route, String reason, Instant at) {
        if (submissionId == null) {
            throw Refusal.state("illegal-transition", "proposal.transition.illegal", status, ProposalStatus.RECOMMENDED);
        }
        ProposalMoved moved = moveTo(ProposalStatus.RECOMMENDED, route, reason, at);
        submissionId = null;
        return moved;
    }

    public ProposalMoved decide(ProposalStatus.Route route, String number, LocalDate date, String authority, Instant at) {
        requireStep(ProposalStatus.DECIDED, route);
        decisionNumber = number;
        decisionDate = date;
        decidingAuthority = authority;
        return moveTo(ProposalStatus.DECIDED, route, null, at);
    }

    public ProposalMoved reject(ProposalStatus.Route route, String reason, Instant at) {
        return moveTo(ProposalStatus.REJECTED, route, reason, at);
    }

    public ProposalMoved revoke(ProposalStatus.Route route, String reason, String ground, Instant at) {
        requireStep(ProposalStatus.REVOKED, route);
        legalGround = ground;
        return moveTo(ProposalStatus.REVOKED, route, reason, at);
    }

    /** Refuses a step the machine does not allow from here, on this route. */
    public void requireStep(ProposalStatus target, ProposalStatus.Route route) {
        if (!status.canMoveTo(target, route)) {
            throw Refusal.state("illegal-transition", "proposal.transition.illegal", status, target);
        }
    }

    private void requireSession(UUID sessionId) {
        if (status != ProposalStatus.COUNCIL_REVIEW || !sessionId.equals(councilSessionId)) {
            throw Refusal.state("not-on-agenda", "proposal.council.not-on-agenda", id, sessionId);
        }
    }

    private ProposalMoved moveTo(ProposalStatus target, ProposalStatus.Route route, String reason, Instant at) {
        requireStep(target, route);
        ProposalStatus from = status;
        status = target;
        if (reason != null || target == ProposalStatus.DRAFT || target == ProposalStatus.SUBMITTED) {
            statusReason = reason;
        }
        updatedAt = at;
        return new ProposalMoved(id, from, target, reason);
    }

    public record EarlierAward(String awardTypeCode, int year, String decisionNumber, LocalDate decisionDate, String decidingAuthority) {
    }
}
