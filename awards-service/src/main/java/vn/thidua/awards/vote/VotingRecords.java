package vn.thidua.awards.vote;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/**
 * What a session's ballot box shows those who may read the session: the roll and the turnout, the receipts of the
 * counted ballots, whether a receipt's ballot is in. Never who voted how.
 */
@ApplicationScoped
public class VotingRecords {
    private final VotingService voting;
    private final BallotBox box;

    public VotingRecords(VotingService voting, BallotBox box) {
        this.voting = voting;
        this.box = box;
    }

    /**
     * Who is on the roll and how many have voted (never how). Which units voted is shown only once the session is
     * closed: while it is open, a list that grows one name at a time would tell, next to anything else that
     * changes, whose ballot came when.
     */
    @Transactional
    public VotingService.Attendance attendance(UUID id, Caller caller) {
        VotingSession session = voting.get(id, caller);
        List<String> voted = box.voted(session.id);
        return new VotingService.Attendance(box.roll(session.id), voted.size(), session.status.counted() ? voted : null);
    }

    /** The receipts of the counted ballots, once the session is closed and the caller may see its result. */
    @Transactional
    public List<String> receipts(UUID id, Caller caller) {
        VotingSession session = voting.get(id, caller);
        if (!session.status.counted() || !VotingAccess.mayReadResult(session, caller)) {
            throw Refusal.conflict("voting-result-not-published", "voting.result.not-published");
        }
        return box.receipts(session.id);
    }

    /**
     * Whether a ballot with this receipt is in the box (and so counted once the session is closed). The receipt
     * comes in a request body only, never in a path or query that access logs keep beside the caller.
     */
    @Transactional
    public boolean holds(UUID id, String receipt, Caller caller) {
        VotingSession session = voting.get(id, caller);
        if (receipt == null || !receipt.matches("[0-9a-f]{64}")) {
            throw Refusal.unprocessable("invalid-receipt", "voting.receipt.invalid");
        }
        return box.holds(session.id, receipt);
    }
}
