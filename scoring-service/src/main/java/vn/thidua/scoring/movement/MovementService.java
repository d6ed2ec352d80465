package vn.thidua.scoring.movement;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.scoring.criteria.CriteriaSet;

/** Launching, changing and finding emulation movements. */
@ApplicationScoped
public class MovementService {
    private final ClusterDirectory clusters;
    private final Clock clock;

    public MovementService(ClusterDirectory clusters, Clock clock) {
        this.clusters = clusters;
        this.clock = clock;
    }

    @Transactional
    public Movement launch(MovementRequest request, Caller caller) {
        MovementAccess.requireMayWrite(caller, request, clusters::find);
        MovementDefinition definition = MovementRules.check(request, lookups());
        Movement movement = Movement.launch(definition, caller.subject(), Instant.now(clock));
        movement.persistAndFlush();
        return movement;
    }

    @Transactional
    public Movement change(long id, ExpectedVersion expected, MovementRequest request, Caller caller) {
        Movement movement = get(id);
        MovementAccess.requireMayChange(caller, movement, request, clusters::find);
        expected.requireMatches(movement.version);
        MovementDefinition definition = MovementRules.check(request, lookups());
        movement.define(definition, caller.subject(), Instant.now(clock));
        movement.persistAndFlush();
        return movement;
    }

    @Transactional
    public Movement get(long id) {
        Movement movement = Movement.findById(id);
        if (movement == null) {
            throw Refusal.notFound("movement-not-found", "movement.not-found", Long.toString(id));
        }
        return movement;
    }

    @Transactional
    public List<Movement> find(Integer year, Long clusterId, MovementKind kind) {
        return Movement.find(year, clusterId, kind);
    }

    private MovementRules.Lookups lookups() {
        return new MovementRules.Lookups() {
            @Override
            public Optional<ClusterYear> cluster(long clusterId) {
                return clusters.find(clusterId);
            }

            @Override
            public boolean criteriaSetExists(long setId) {
                return CriteriaSet.count("id", setId) > 0;
            }
        };
    }
}
