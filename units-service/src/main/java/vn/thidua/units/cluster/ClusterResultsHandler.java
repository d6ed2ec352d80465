package vn.thidua.units.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.jboss.logging.Logger;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Messages;

/**
 * What awards-service's vote results do to cluster-years, applied inside the consumer's inbox
 * transaction ({@link LeaderElectionsConsumer}): an elected leadership, and the emulation leaders of
 * a "lead and propose" vote. Never refuses with a problem: what cannot be applied is logged or
 * recorded with its reason.
 */
@ApplicationScoped
public class ClusterResultsHandler {
    private static final Logger LOG = Logger.getLogger(ClusterResultsHandler.class);

    private final UnitDirectory units;
    private final ClusterChanges changes;

    public ClusterResultsHandler(UnitDirectory units, ClusterChanges changes) {
        this.units = units;
        this.changes = changes;
    }

    /**
     * Applies a published "lead and propose" vote. The units elected in its LEAD contest become the
     * cluster-year's emulation leaders (basis VOTE), replacing what was there; a runoff adds its
     * elected to those of the round it completes. A session that elected nobody changes nothing (a
     * runoff or a new session is to come). A vote for an unknown cluster-year, or naming units this
     * registry does not know, is logged and passed over.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyEmulationVote(EmulationVote vote, String eventSource, String eventId) {
        ClusterYear cluster = ClusterYear.findById(vote.clusterId(), LockModeType.PESSIMISTIC_WRITE);
        if (cluster == null || !cluster.code.equals(vote.clusterCode().value()) || cluster.year != vote.year().value()) {
            LOG.warnf("Vote %s names cluster-year %d (%s %d), which this registry does not have; ignored",
                    vote.votingSessionId(), vote.clusterId(), vote.clusterCode().value(), vote.year().value());
            return;
        }
        if (EmulationVoteRecord.findById(vote.votingSessionId()) != null) {
            LOG.infof("Vote %s was already applied (another event of the same session); ignored", vote.votingSessionId());
            return;
        }
        Instant now = changes.now();
        EmulationVoteRecord record = EmulationVoteRecord.of(vote, cluster.id, eventSource, eventId, now);
        record.persist();
        List<String> unknown = vote.elected().stream().filter(code -> units.find(code).isEmpty()).toList();
        if (!unknown.isEmpty()) {
            LOG.warnf("Vote %s elected units %s that the registry does not have; its result is not applied",
                    vote.votingSessionId(), unknown);
            return;
        }
        if (vote.elected().isEmpty()) {
            return;
        }
        Set<String> round = Set.copyOf(EmulationVoteRecord.sessionsOfRound(record.roundSessionId));
        cluster.applyVote(ClusterChanges.roster(cluster), vote, round, now).ifPresent(change ->
                changes.commit(change, eventSource + " voting session " + vote.votingSessionId()));
    }

    /**
     * Applies a result elected by the member units: sets the leadership of that cluster-year if it
     * exists and the result fits it, or keeps the result for the roll-over that creates the year.
     * Results elected earlier than one already known change nothing.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public ElectionRecord.Outcome applyElection(ElectionResult result, String eventSource, String eventId) {
        Instant now = changes.now();
        ElectionRecord record = ElectionRecord.of(result, eventSource, eventId, now);
        String code = result.clusterCode().value();
        int year = result.year().value();
        ClusterYear.lockCodeAndYear(code, year);
        Optional<ElectionRecord> newest = ElectionRecord.newest(code, result.kind(), year);
        if (newest.isPresent() && !result.electedAt().isAfter(newest.get().electedAt)) {
            record.outcome = ElectionRecord.Outcome.STALE;
            record.persist();
            LOG.infof("Election of %s %d in session %s is older than one already known; ignored", code, year, result.votingSessionId());
            return record.outcome;
        }
        newest.filter(e -> e.outcome == ElectionRecord.Outcome.PENDING)
                .ifPresent(e -> e.outcome = ElectionRecord.Outcome.SUPERSEDED);

        Optional<ClusterYear> existing = ClusterYear.findByCodeAndYear(code, year);
        if (existing.isEmpty()) {
            record.outcome = ElectionRecord.Outcome.PENDING;
            record.persist();
            return record.outcome;
        }
        ClusterYear cluster = ClusterYear.getForUpdate(existing.get().id);
        Roster roster = ClusterChanges.roster(cluster);
        if (cluster.kind != result.kind()) {
            record.notApplicable("Cluster-year " + cluster.id + " is a " + cluster.kind + ", the result names a " + result.kind());
        } else {
            try {
                roster.requireValid(result.leadership(), units);
            } catch (Refusal refused) {
                record.notApplicable(Messages.text(Locale.ENGLISH, refused.messageKey(), refused.args()));
            }
        }
        if (record.outcome == ElectionRecord.Outcome.NOT_APPLICABLE) {
            record.persist();
            LOG.warnf("Election of %s %d in session %s not applied: %s", code, year, result.votingSessionId(), record.note);
            return record.outcome;
        }
        record.applied(cluster.id);
        record.persist();
        cluster.elect(roster, result.leadership(), now).ifPresent(change ->
                changes.commit(change, eventSource + " voting session " + result.votingSessionId()));
        return record.outcome;
    }
}
