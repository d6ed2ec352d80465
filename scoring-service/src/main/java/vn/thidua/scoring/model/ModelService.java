package vn.thidua.scoring.model;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.scoring.sheet.EvidenceLinks;

/** Recording models, their replication and recognition, and finding them again. */
@ApplicationScoped
public class ModelService {
    
    private final ClusterDirectory clusters;
    private final EvidenceLinks evidenceLinks;
    private final Clock clock;

    public ModelService(ClusterDirectory clusters, EvidenceLinks evidenceLinks, Clock clock) {
        this.clusters = clusters;
        this.evidenceLinks = evidenceLinks;
        this.clock = clock;
    }

    /** A model as the request carries it, its free texts already cleaned. */
    public record Draft(String unitCode, ModelKind kind, String title, String description, String field, Integer startedYear,
                        List<String> evidence) {
    }

    /** The list's filters; each may be null. {@code year}: started that year, or replicated in it. */
    public record Filter(Long clusterId, String field, Integer year, Boolean recognised) {
    }

    /** A line of the Board's report: a model and the units that adopted it in the year. */
    public record Replicated(ExemplaryModel model, List<ModelReplication> adoptions) {
    }

    @Transactional
    public ExemplaryModel create(Draft draft, Caller caller) {
        if (!ModelRules.mayActFor(caller, draft.unitCode())) {
            throw new ForbiddenException("may not record models for " + draft.unitCode());
        }
        if (draft.kind() == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "kind");
        }
        ExemplaryModel model = new ExemplaryModel();
        model.ownerUnitCode = draft.unitCode();
        model.kind = draft.kind();
        model.title = draft.title();
        model.description = draft.description();
        model.field = draft.field();
        model.fieldKey = ModelRules.fold(draft.field());
        model.startedYear = ModelRules.requireStartedYear(draft.startedYear(), today());
        model.evidence = new ArrayList<>(evidenceLinks.check(draft.evidence(), draft.unitCode(), "evidence"));
        model.version = 1;
        model.createdBy = caller.subject();
        model.createdAt = Instant.now(clock);
        model.updatedAt = model.createdAt;
        model.persist();
        return model;
    }

    public ExemplaryModel get(long id) {
        ExemplaryModel model = ExemplaryModel.findById(id);
        if (model == null) {
            throw Refusal.notFound("model-not-found", "model.not-found", String.valueOf(id));
        }
        return model;
    }

    /** The units that adopted the model, earliest first. */
    public List<ModelReplication> replicationsOf(long modelId) {
        return ModelReplication.list("modelId = ?1 order by adoptedOn, unitCode", modelId);
    }

    @Transactional
    public ExemplaryModel replicate(long id, String unitCode, LocalDate adoptedOn, String note, Caller caller) {
        ExemplaryModel model = locked(id);
        if (!ModelRules.mayActFor(caller, unitCode)) {
            throw new ForbiddenException("may not record adoptions for " + unitCode);
        }
        ModelRules.requireNotOwner(model, unitCode);
        ModelRules.requireNotBeforeStart(adoptedOn, "adoptedOn", model.startedYear);
        if (ModelReplication.count("modelId = ?1 and unitCode = ?2", id, unitCode) > 0) {
            throw Refusal.conflict("model-replication-duplicate", "model.replication.duplicate", unitCode, id);
        }
        ModelReplication replication = new ModelReplication();
        replication.modelId = id;
        replication.unitCode = unitCode;
        replication.adoptedOn = adoptedOn;
        replication.note = note;
        replication.recordedBy = caller.subject();
        replication.recordedAt = Instant.now(clock);
        replication.persist();
        touch(model);
        return model;
    }

    @Transactional
    public ExemplaryModel recognise(long id, LocalDate recognisedOn, String reason, Caller caller) {
        if (!ModelRules.mayRecognise(caller)) {
            throw new ForbiddenException("board only");
        }
        ExemplaryModel model = locked(id);
        ModelRules.requireNotRecognised(model);
        model.recognisedOn = ModelRules.requireNotBeforeStart(recognisedOn, "recognisedOn", model.startedYear);
        if (reason == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "reason");
        }
        model.recognitionReason = reason;
        model.recognisedBy = caller.subject();
        touch(model);
        return model;
    }

    /** One page of the models that pass every filter given, oldest record first. */
    public Page<ExemplaryModel> search(Filter filter, PageRequest request) {
        StringBuilder where = new StringBuilder(" where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (filter.clusterId() != null) {
            List<String> members = membersOf(filter.clusterId());
            if (members.isEmpty()) {
                return new Page<>(List.of(), request.page(), request.size(), 0);
            }
            where.append(" and m.ownerUnitCode in :members");
            params.put("members", members);
        }
        String field = ModelRules.fold(filter.field());
        if (field != null && !field.isEmpty()) {
            where.append(" and m.fieldKey like :field escape '!'");
            params.put("field", "%" + field.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%");
        }
        if (filter.year() != null) {
            where.append(" and (m.startedYear = :year or exists (select r.id from ModelReplication r"
                    + " where r.modelId = m.id and r.adoptedOn >= :from and r.adoptedOn < :to))");
            params.put("year", filter.year());
            params.put("from", LocalDate.of(filter.year(), 1, 1));
            params.put("to", LocalDate.of(filter.year() + 1, 1, 1));
        }
        if (filter.recognised() != null) {
            where.append(filter.recognised() ? " and m.recognisedOn is not null" : " and m.recognisedOn is null");
        }
        EntityManager em = ExemplaryModel.getEntityManager();
        TypedQuery<Long> count = em.createQuery("select count(m) from ExemplaryModel m" + where, Long.class);
        TypedQuery<ExemplaryModel> select = em.createQuery("select m from ExemplaryModel m" + where + " order by m.id",
                ExemplaryModel.class);
        params.forEach((name, value) -> {
            count.setParameter(name, value);
            select.setParameter(name, value);
        });
        long total = count.getSingleResult();
        List<ExemplaryModel> items = select.setFirstResult(request.offset()).setMaxResults(request.size()).getResultList();
        return new Page<>(items, request.page(), request.size(), total);
    }

    /** How many units adopted each of these models (all years); models without adoptions are left out. */
    public Map<Long, Long> replicationCounts(List<Long> modelIds) {
        if (modelIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> counts = new HashMap<>();
        ExemplaryModel.getEntityManager()
                .createQuery("select r.modelId, count(r) from ModelReplication r where r.modelId in :ids group by r.modelId",
                        Object[].class)
                .setParameter("ids", modelIds)
                .getResultList()
                .forEach(row -> counts.put((Long) row[0], (Long) row[1]));
        return counts;
    }

    /**
     * The models replicated in the year, with the units that adopted them in it: most adopting units
     * first, then by id; only models owned by members of the cluster-year when {@code clusterId} is given.
     */
    public List<Replicated> replicatedIn(int year, Long clusterId) {
        StringBuilder jpql = new StringBuilder("select r from ModelReplication r, ExemplaryModel m where r.modelId = m.id"
                + " and r.adoptedOn >= :from and r.adoptedOn < :to");
        List<String> members = null;
        if (clusterId != null) {
            members = membersOf(clusterId);
            if (members.isEmpty()) {
                return List.of();
            }
            jpql.append(" and m.ownerUnitCode in :members");
        }
        var query = ExemplaryModel.getEntityManager()
                .createQuery(jpql + " order by r.modelId, r.adoptedOn, r.unitCode", ModelReplication.class)
                .setParameter("from", LocalDate.of(year, 1, 1))
                .setParameter("to", LocalDate.of(year + 1, 1, 1));
        if (members != null) {
            query.setParameter("members", members);
        }
        Map<Long, List<ModelReplication>> byModel = new LinkedHashMap<>();
        query.getResultList().forEach(r -> byModel.computeIfAbsent(r.modelId, k -> new ArrayList<>()).add(r));
        Map<Long, ExemplaryModel> models = new HashMap<>();
        if (!byModel.isEmpty()) {
            ExemplaryModel.<ExemplaryModel>list("id in ?1", new ArrayList<>(byModel.keySet())).forEach(m -> models.put(m.id, m));
        }
        List<Replicated> lines = new ArrayList<>();
        byModel.forEach((id, adoptions) -> lines.add(new Replicated(models.get(id), List.copyOf(adoptions))));
        lines.sort((a, b) -> a.adoptions().size() != b.adoptions().size()
                ? Integer.compare(b.adoptions().size(), a.adoptions().size())
                : Long.compare(a.model().id, b.model().id));
        return lines;
    }

    private List<String> membersOf(long clusterId) {
        ClusterYear cluster = clusters.find(clusterId)
                .orElseThrow(() -> Refusal.notFound("cluster-not-found", "cluster.not-known", clusterId));
        return cluster.members();
    }

    private ExemplaryModel locked(long id) {
        ExemplaryModel model = ExemplaryModel.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (model == null) {
            throw Refusal.notFound("model-not-found", "model.not-found", String.valueOf(id));
        }
        return model;
    }

    private void touch(ExemplaryModel model) {
        model.version++;
        model.updatedAt = Instant.now(clock);
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }
}
