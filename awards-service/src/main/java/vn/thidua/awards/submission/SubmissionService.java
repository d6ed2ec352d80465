package vn.thidua.awards.submission;

import io.quarkus.security.ForbiddenException;
import jakarta.inject.Inject;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import vn.thidua.awards.calendar.Deadlines;
import vn.thidua.awards.catalogue.AwardLevel;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.proposal.Dossier;
import vn.thidua.awards.proposal.DossierFile;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.BoardAppraisal;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.web.PdfDocument;
import vn.thidua.platform.web.Text;

/**
 * The province's submissions to the Prime Minister: the Board drafts one for a year from the state-level
 * candidates the Council recommended, checks that each dossier is whole, sends it (each proposal moves to
 * FORWARDED, carrying the tờ trình, and goes to the national system through the portal adapter), and records
 * the national Board's answer — returned with a reason, or accepted — as the portal (or the Board) reports it.
 */
@ApplicationScoped
public class SubmissionService {
        /** What each candidate's dossier must hold before the province sends it (law-2025.md §4). */
    static final List<DossierFile.Kind> REQUIRED = List.of(DossierFile.Kind.ACHIEVEMENT_REPORT, DossierFile.Kind.COUNCIL_MINUTES,
            DossierFile.Kind.MINUTES);

    @Inject
    Clock clock;
    private final BoardAppraisal proposals;
    private final Dossier dossier;
    private final Deadlines deadlines;
    private final SubmissionPdf pdf;

    public SubmissionService(BoardAppraisal proposals, Dossier dossier, Deadlines deadlines, SubmissionPdf pdf) {
        this.proposals = proposals;
        this.dossier = dossier;
        this.deadlines = deadlines;
        this.pdf = pdf;
    }

    public record SubmissionRequest(@Schema(required = true) Integer year, @Schema(required = true, maxLength = 100) String number,
                                    @Schema(required = true, maxLength = 200) String signedBy, @Schema(required = true) LocalDate signedOn) {
    }

    /** Drafts the year's submission from every recommended state-level candidate not already sent; all or nothing. */
    @Transactional
    public ProvincialSubmission draft(SubmissionRequest request, Caller caller) {
        caller.requireBoardOrAdmin();
        if (request.year() == null || request.signedOn() == null) {
            throw Refusal.unprocessable("invalid-submission", "problem.field.required",
                    request.year() == null ? "year" : "signedOn");
        }
        String number = Text.clean(request.number(), 100, "number", true);
        String signedBy = Text.clean(request.signedBy(), 200, "signedBy", true);
        // one draft of a year at a time: two would both claim the same candidates
        ProvincialSubmission.getEntityManager().createNativeQuery("SELECT pg_advisory_xact_lock(hashtextextended(?1, 0))")
                .setParameter(1, "provincial-submission/" + request.year()).getSingleResult();
        if (ProvincialSubmission.count("year = ?1 and status = ?2", request.year(), ProvincialSubmission.Status.DRAFT) > 0) {
            throw Refusal.conflict("submission-draft-exists", "submission.draft.exists", request.year());
        }
        if (ProvincialSubmission.count("year = ?1 and number = ?2", request.year(), number) > 0) {
            throw Refusal.conflict("submission-exists", "submission.exists", number, request.year());
        }
        List<Proposal> candidates = candidates(request.year());
        if (candidates.isEmpty()) {
            throw Refusal.unprocessable("submission-no-candidates", "submission.no-candidates", request.year());
        }
        requireWholeDossiers(candidates);
        ProvincialSubmission submission = new ProvincialSubmission();
        submission.year = request.year();
        submission.number = number;
        submission.signedBy = signedBy;
        submission.signedOn = request.signedOn();
        submission.status = ProvincialSubmission.Status.DRAFT;
        submission.proposalIds = new ArrayList<>(candidates.stream().map(p -> p.id).toList());
        submission.document = pdf.render(submission, candidates);
        submission.documentSha256 = PdfDocument.sha256(submission.document);
        submission.createdBy = caller.subject();
        submission.createdAt = Instant.now(clock);
        submission.updatedAt = submission.createdAt;
        submission.persist();
        return submission;
    }

    /**
     * Sends it: each candidate's dossier gets the tờ trình and moves to FORWARDED (a delivery to the national
     * system through the portal adapter, in this transaction). {@code on}: the day it left, today if not given.
     */
    @Transactional
    public ProvincialSubmission send(long id, LocalDate on, Caller caller) {
        caller.requireBoardOrAdmin();
        ProvincialSubmission submission = lock(id, caller);
        submission.requireStep(ProvincialSubmission.Status.SENT);
        LocalDate day = on != null ? on : today();
        if (day.isAfter(today())) {
            throw Refusal.unprocessable("invalid-submission", "submission.day.future", day.toString());
        }
        List<Proposal> covered = covered(submission);
        requireWholeDossiers(covered);
        submission.send(day, due(Deadlines.NATIONAL_RETURN_FAULTY, day), Instant.now(clock));
        String fileName = "to-trinh-ubnd-" + submission.year + "-" + submission.id + ".pdf";
        for (Proposal proposal : covered) {
            dossier.attachGenerated(proposal, DossierFile.Kind.PROVINCIAL_SUBMISSION, fileName, submission.document, caller);
            proposals.forwardInSubmission(proposal.id, submission.id, caller);
        }
        return submission;
    }

    /** The national Board sent it back as faulty: its candidates return to the province (RECOMMENDED) to be submitted again. */
    @Transactional
    public ProvincialSubmission returned(long id, LocalDate on, String reason, Caller caller) {
        requireBoardOrPortal(caller);
        ProvincialSubmission submission = lock(id, caller);
        submission.requireStep(ProvincialSubmission.Status.RETURNED);
        String why = Text.clean(reason, 2000, "reason", true);
        submission.returned(on != null ? on : today(), why, Instant.now(clock));
        for (Proposal proposal : covered(submission)) {
            if (proposal.status == ProposalStatus.FORWARDED && Long.valueOf(submission.id).equals(proposal.submissionId)) {
                proposals.returnedByNation(proposal.id, why, caller);
            }
        }
        return submission;
    }

    /** The national Board took it: the Prime Minister's decisions follow, posted as decisions of each proposal. */
    @Transactional
    public ProvincialSubmission accepted(long id, LocalDate on, String reference, Caller caller) {
        requireBoardOrPortal(caller);
        ProvincialSubmission submission = lock(id, caller);
        submission.requireStep(ProvincialSubmission.Status.ACCEPTED);
        String ref = Text.clean(reference, 200, "reference", false);
        submission.accepted(on != null ? on : today(), ref, due(Deadlines.NATIONAL_SUBMIT_TO_PM, submission.sentOn), Instant.now(clock));
        return submission;
    }

    @Transactional
    public List<ProvincialSubmission> list(Integer year, Caller caller) {
        requireReader(caller);
        List<ProvincialSubmission> found = year == null ? ProvincialSubmission.list("order by year desc, id desc")
                : ProvincialSubmission.list("year = ?1 order by id desc", year);
        return found.stream().filter(s -> visible(s, caller)).toList();
    }

    @Transactional
    public ProvincialSubmission get(long id, Caller caller) {
        requireReader(caller);
        ProvincialSubmission submission = ProvincialSubmission.findById(id);
        if (submission == null || !visible(submission, caller)) {
            throw Refusal.notFound("submission-not-found", "submission.not-found", id);
        }
        return submission;
    }

    /** The proposals it covers, in its order. */
    @Transactional
    public List<Proposal> covered(long id, Caller caller) {
        return covered(get(id, caller));
    }

    private List<Proposal> candidates(int year) {
        List<String> stateLevel = AwardType.<AwardType>list("level", AwardLevel.STATE).stream().map(t -> t.code).toList();
        if (stateLevel.isEmpty()) {
            return List.of();
        }
        return Proposal.list("year = ?1 and status = ?2 and awardTypeCode in ?3 and submissionId is null order by awardTypeCode, clusterCode, id",
                year, ProposalStatus.RECOMMENDED, stateLevel);
    }

    private static List<Proposal> covered(ProvincialSubmission submission) {
        List<Proposal> found = new ArrayList<>();
        for (Long proposalId : submission.proposalIds) {
            found.add(Proposal.findById(proposalId, LockModeType.PESSIMISTIC_WRITE));
        }
        return found;
    }

    /** Refuses (422) a submission whose candidates lack a document, naming each missing one; checks that they are still recommended. */
    private void requireWholeDossiers(List<Proposal> candidates) {
        List<Refusal.Reason> missing = new ArrayList<>();
        for (Proposal proposal : candidates) {
            if (proposal.status != ProposalStatus.RECOMMENDED) {
                missing.add(new Refusal.Reason("proposals[" + proposal.id + "]", "submission.candidate.not-recommended", proposal.id,
                        proposal.status));
                continue;
            }
            for (DossierFile.Kind kind : REQUIRED) {
                if (!dossier.has(proposal.id, kind)) {
                    missing.add(new Refusal.Reason("proposals[" + proposal.id + "]." + kind, "submission.document.missing", proposal.id,
                            proposal.unitCode, kind));
                }
            }
        }
        if (!missing.isEmpty()) {
            throw Refusal.rule("submission-incomplete", "submission.incomplete", missing.size()).because(missing);
        }
    }

    private ProvincialSubmission lock(long id, Caller caller) {
        get(id, caller);
        return ProvincialSubmission.findById(id, LockModeType.PESSIMISTIC_WRITE);
    }

    /** The Board, admins and viewers read every submission; the portal those sent. Units never: it carries other units' dossiers. */
    private static boolean visible(ProvincialSubmission submission, Caller caller) {
        return caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER)
                || caller.hasAnyRole(Roles.PORTAL) && submission.status != ProvincialSubmission.Status.DRAFT;
    }

    private static void requireReader(Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.VIEWER, Roles.PORTAL)) {
            throw new ForbiddenException("the province's submissions are read by the Board, viewers and the portal");
        }
    }

    private static void requireBoardOrPortal(Caller caller) {
        if (!caller.isBoardOrAdmin() && !caller.hasAnyRole(Roles.PORTAL)) {
            throw new ForbiddenException("board, admin or portal only");
        }
    }

    /** The last day of a limit counted from {@code from}; none when no such limit is in force (the step is not held up for it). */
    private LocalDate due(String limitCode, LocalDate from) {
        return deadlines.workingDaysAfterIfInForce(limitCode, from).map(Deadlines.Due::date).orElse(null);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** Unit codes to names, for views and the document. */
    static Map<String, String> unitNames(List<Proposal> proposals) {
        return KnownUnit.namesOf(proposals.stream().map(p -> p.unitCode).distinct().toList());
    }
}
