package vn.thidua.awards.proposal;

import java.util.List;
import vn.thidua.awards.calendar.Deadline;

/**
 * The time limits of a proposal's steps, shown with the proposal. Implemented where the deadlines of the whole
 * procedure are worked out (the {@code deadline} feature, which reads proposals and submissions alike), so that
 * proposals need not know submissions.
 */
public interface ProposalDeadlines {
    List<Deadline> ofProposal(Proposal proposal);
}
