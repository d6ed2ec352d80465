package vn.thidua.awards.council;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Instant;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.platform.security.Caller;

/**
 * The Council's append-only trail (council_session_audit): each step of a session with who took it, when, and the
 * session as it stood before and after — status, agenda, attendance and, once counted, the totals. Never a ballot.
 */
@ApplicationScoped
public class CouncilAudit {
    private final ObjectMapper mapper;

    public CouncilAudit(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The session as the trail keeps it. */
    public static Map<String, Object> stateOf(CouncilSession session) {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("status", session.status);
        state.put("heldOn", session.heldOn);
        state.put("agenda", session.agenda.stream().map(item -> item.proposalId).toList());
        state.put("present", attendees(session, CouncilSession.Presence.PRESENT));
        state.put("writtenOpinions", attendees(session, CouncilSession.Presence.WRITTEN));
        state.put("result", session.result);
        return state;
    }

    void record(CouncilSession session, String action, Map<String, Object> before, Caller caller, Instant at) {
        try {
            CouncilSession.getEntityManager().createNativeQuery("""
                            INSERT INTO council_session_audit (session_id, action, before, after, actor, at)
                            VALUES (?1, ?2, CAST(?3 AS jsonb), CAST(?4 AS jsonb), ?5, ?6)""")
                    .setParameter(1, session.id).setParameter(2, action)
                    .setParameter(3, before == null ? null : mapper.writeValueAsString(before))
                    .setParameter(4, mapper.writeValueAsString(stateOf(session))).setParameter(5, caller.subject()).setParameter(6, at)
                    .executeUpdate();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A Council session's state is plain JSON", e);
        }
    }

    private static List<String> attendees(CouncilSession session, CouncilSession.Presence presence) {
        return session.attendance.stream().filter(a -> a.presence == presence).map(a -> a.memberId).sorted(Comparator.naturalOrder()).toList();
    }
}
