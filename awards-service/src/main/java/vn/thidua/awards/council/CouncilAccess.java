package vn.thidua.awards.council;

import vn.thidua.awards.vote.SessionStatus;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.security.Roles;

/** Who may read the Council's terms and sessions, and see a session's count. */
final class CouncilAccess {

    private CouncilAccess() {
    }

    /** Whether the caller may see the count: the Board once closed, every reader once published. */
    static boolean mayReadResult(CouncilSession session, Caller caller) {
        return session.status == SessionStatus.PUBLISHED || session.status == SessionStatus.CLOSED && caller.isBoardOrAdmin();
    }

    /** Admins, the Board and viewers read every session; a Council member those of its own term; nobody else any. */
    static boolean canRead(CouncilSession session, Caller caller) {
        return canReadTerm(session.termId, caller);
    }

    static boolean canReadTerm(long termId, Caller caller) {
        if (caller.isBoardOrAdmin() || caller.hasAnyRole(Roles.VIEWER)) {
            return true;
        }
        return caller.councilMember().map(id -> CouncilMember.<CouncilMember>findById(id)).map(member -> member.termId == termId).orElse(false);
    }
}
