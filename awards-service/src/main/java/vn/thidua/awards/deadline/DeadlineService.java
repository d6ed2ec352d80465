package vn.thidua.awards.deadline;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import vn.thidua.awards.calendar.Deadline;
import vn.thidua.awards.calendar.DeadlineState;
import vn.thidua.awards.calendar.Deadlines;
import vn.thidua.awards.proposal.Proposal;
import vn.thidua.awards.proposal.ProposalDeadlines;
import vn.thidua.awards.proposal.ProposalStatus;
import vn.thidua.awards.submission.ProvincialSubmission;
import vn.thidua.awards.submission.SubmissionDeadlines;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;
import vn.thidua.platform.time.VietnamTime;

/**
 * What is due, late or returned in a year, against the procedure's limits (law-2025.md §4) on the working calendar:
 * each proposal's year-end dossier (due at Sở Nội vụ by the day the limit names), and each of the province's
 * submissions to the Prime Minister (the national Board returns a faulty one within its limit of working days and
 * submits to the Prime Minister within another). The Board sees everything; a unit only its own proposals.
 */
@ApplicationScoped
public class DeadlineService implements ProposalDeadlines, SubmissionDeadlines {
    @Inject
    Clock clock;
    private final Deadlines deadlines;

    public DeadlineService(Deadlines deadlines) {
        this.deadlines = deadlines;
    }

    @Transactional
    public List<Deadline> of(int year, Caller caller) {
        boolean everything = caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER);
        Optional<String> ownUnit = caller.actingUnit();
        if (!everything && ownUnit.isEmpty() && !caller.hasAnyRole(Roles.PORTAL)) {
            throw new ForbiddenException("deadlines are read by the Board, viewers, the portal and units for their own");
        }
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<Deadline> found = new ArrayList<>();
        if (everything || ownUnit.isPresent()) {
            List<Proposal> proposals = everything ? Proposal.list("year = ?1 order by id", year)
                    : Proposal.list("year = ?1 and unitCode = ?2 order by id", year, ownUnit.get());
            Optional<Deadlines.Due> dossierDue = deadlines.yearEndDossierDueIfInForce(year);
            for (Proposal p : proposals) {
                dossierDue.ifPresent(due -> found.add(yearEndDossier(p, due, today)));
            }
        }
        if (everything || caller.hasAnyRole(Roles.PORTAL)) {
            for (ProvincialSubmission s : ProvincialSubmission.<ProvincialSubmission>list("year = ?1 and status <> ?2 order by id", year,
                    ProvincialSubmission.Status.DRAFT)) {
                found.addAll(national(s, today));
            }
        }
        found.sort(Comparator.comparing(Deadline::due).thenComparing(Deadline::subject).thenComparingLong(Deadline::id));
        return found;
    }

    /** A proposal's own deadlines: its year-end dossier, and the national limits of the submission carrying it, if one does. */
    @Transactional
    @Override
    public List<Deadline> ofProposal(Proposal proposal) {
        LocalDate today = LocalDate.now(clock.withZone(VietnamTime.ZONE));
        List<Deadline> found = new ArrayList<>();
        deadlines.yearEndDossierDueIfInForce(proposal.year).ifPresent(due -> found.add(yearEndDossier(proposal, due, today)));
        if (proposal.submissionId != null) {
            ProvincialSubmission submission = ProvincialSubmission.findById(proposal.submissionId);
            if (submission != null && submission.sentOn != null) {
                found.addAll(national(submission, today));
            }
        }
        return found;
    }

    /** A submission's national limits, once sent. */
    @Transactional
    @Override
    public List<Deadline> ofSubmission(ProvincialSubmission submission) {
        return submission.sentOn == null ? List.of() : national(submission, LocalDate.now(clock.withZone(VietnamTime.ZONE)));
    }

    private static Deadline yearEndDossier(Proposal p, Deadlines.Due due, LocalDate today) {
        DeadlineState state = p.status == ProposalStatus.RETURNED ? DeadlineState.RETURNED
                : DeadlineState.of(due.date(), p.status == ProposalStatus.DRAFT ? null : p.receivedOn, today);
        return new Deadline("PROPOSAL", p.id, "/api/awards/proposals/" + p.id, p.unitCode, p.awardTypeCode, Deadlines.YEAR_END_DOSSIER_DUE,
                due.date(), due.limit(), due.calendarComplete(), due.incompleteYears(), state,
                p.status == ProposalStatus.DRAFT ? null : p.receivedOn, p.status == ProposalStatus.RETURNED ? p.statusReason : null);
    }

    private List<Deadline> national(ProvincialSubmission s, LocalDate today) {
        List<Deadline> steps = new ArrayList<>();
        String href = "/api/awards/submissions/" + s.id;
        deadlines.workingDaysAfterIfInForce(Deadlines.NATIONAL_RETURN_FAULTY, s.sentOn).ifPresent(due -> {
            // the national Board's window to send a faulty dossier back: closed by a return, an acceptance, or time
            DeadlineState state = s.status == ProvincialSubmission.Status.RETURNED ? DeadlineState.RETURNED
                    : DeadlineState.of(due.date(), s.acceptedOn, today);
            steps.add(new Deadline("SUBMISSION", s.id, href, null, null, Deadlines.NATIONAL_RETURN_FAULTY, due.date(), due.limit(),
                    due.calendarComplete(), due.incompleteYears(), state,
                    s.returnedOn != null ? s.returnedOn : s.acceptedOn, s.returnReason));
        });
        if (s.status != ProvincialSubmission.Status.RETURNED) {
            deadlines.workingDaysAfterIfInForce(Deadlines.NATIONAL_SUBMIT_TO_PM, s.sentOn).ifPresent(due -> {
                LocalDate decidedOn = decidedOn(s);
                steps.add(new Deadline("SUBMISSION", s.id, href, null, null, Deadlines.NATIONAL_SUBMIT_TO_PM, due.date(), due.limit(),
                        due.calendarComplete(), due.incompleteYears(), DeadlineState.of(due.date(), decidedOn, today), decidedOn, null));
            });
        }
        return steps;
    }

    /** The day the last of its candidates was decided (or refused), once none is still waiting. */
    private static LocalDate decidedOn(ProvincialSubmission s) {
        LocalDate last = null;
        for (Long id : s.proposalIds) {
            Proposal p = Proposal.findById(id);
            if (p.status == ProposalStatus.FORWARDED) {
                return null;
            }
            LocalDate day = p.decisionDate != null ? p.decisionDate : p.updatedAt.atZone(VietnamTime.ZONE).toLocalDate();
            last = last == null || day.isAfter(last) ? day : last;
        }
        return last;
    }
}
