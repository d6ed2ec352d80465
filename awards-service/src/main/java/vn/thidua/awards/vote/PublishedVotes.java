package vn.thidua.awards.vote;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import vn.thidua.platform.time.VietnamTime;

/** What proposals ask of the cluster's votes: whom a published vote elected to lead. Joins the caller's transaction. */
@ApplicationScoped
public class PublishedVotes {

    /**
     * A vote as a proposal rests on it: {@code proposes} when it is published and was held to lead and propose, and then
     * {@code electedToLead}, the units elected to lead (empty otherwise).
     */
    public record Vote(UUID id, long clusterId, String awardTypeCode, boolean proposes, List<String> electedToLead) {
    }

    public Optional<Vote> find(UUID id) {
        VotingSession session = VotingSession.findById(id);
        if (session == null) {
            return Optional.empty();
        }
        boolean proposes = session.status == SessionStatus.PUBLISHED && session.purpose == Purpose.LEAD_AND_PROPOSE;
        return Optional.of(new Vote(session.id, session.clusterId, session.awardTypeCode, proposes,
                proposes ? session.result.elected(Contest.LEAD) : List.of()));
    }

    /** The day the vote was held: its last round's day, else the day it closed (in Vietnam's time). */
    public LocalDate heldOn(UUID id) {
        VotingSession session = VotingSession.findById(id);
        return session.heldOn() != null ? session.heldOn() : session.closedAt.atZone(VietnamTime.ZONE).toLocalDate();
    }

    /** Whether a published vote of the cluster-year elected the unit to lead it. */
    public boolean electedToLead(long clusterId, String unitCode) {
        List<VotingSession> votes = VotingSession.list("clusterId = ?1 and purpose = ?2 and status = ?3", clusterId,
                Purpose.LEAD_AND_PROPOSE, SessionStatus.PUBLISHED);
        return votes.stream().anyMatch(session -> session.result.elected(Contest.LEAD).contains(unitCode));
    }
}
