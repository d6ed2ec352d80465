package vn.thidua.awards.submission;

import java.util.List;
import vn.thidua.awards.calendar.Deadline;

/** The time limits of a submission's national steps, shown with the submission (see {@code ProposalDeadlines}). */
public interface SubmissionDeadlines {
    List<Deadline> ofSubmission(ProvincialSubmission submission);
}
