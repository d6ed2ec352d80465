package vn.thidua.units.cluster;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.Page;
import vn.thidua.platform.web.PageRequest;
import vn.thidua.units.cluster.ClusterViews.ClusterSummary;
import vn.thidua.units.cluster.ClusterViews.ClusterView;
import vn.thidua.units.cluster.ClusterViews.MembershipView;

/** The read side of cluster-years: the list, one cluster-year, its membership history and its agreement's PDF, for those {@link ClusterAccess} lets read them. */
@ApplicationScoped
public class ClusterQueries {
    private final ClusterViews views;

    public ClusterQueries(ClusterViews views) {
        this.views = views;
    }

    /** The signed agreement's PDF with what identifies it. */
    public record StoredDocument(String clusterCode, int year, byte[] content, String sha256) {
    }

    @Transactional
    public Page<ClusterSummary> list(Caller caller, String yearParam, String kindParam, PageRequest page) {
        ClusterAccess.ReadScope scope = ClusterAccess.readScope(caller);
        EmulationYear year = EmulationYear.parseOptional(yearParam);
        ClusterKind kind = kindParam == null || kindParam.isBlank() ? null : ClusterKind.parse(kindParam);
        if (scope.nothing()) {
            return new Page<>(List.of(), page.page(), page.size(), 0);
        }
        StringBuilder query = new StringBuilder("from ClusterYear c where 1 = 1");
        Map<String, Object> params = new HashMap<>();
        if (year != null) {
            query.append(" and c.year = :year");
            params.put("year", year.value());
        }
        if (kind != null) {
            query.append(" and c.kind = :kind");
            params.put("kind", kind);
        }
        if (scope.unit().isPresent()) {
            query.append(" and exists (select 1 from ClusterMembership m where m.clusterYearId = c.id"
                    + " and m.unitCode = :unit and m.leftAt is null)");
            params.put("unit", scope.unit().get());
        }
        long total = ClusterYear.count(query.toString(), params);
        List<ClusterYear> rows = ClusterYear.<ClusterYear>find(query + " order by c.code, c.year", params)
                .range(page.offset(), page.offset() + page.size() - 1).list();
        Map<Long, Long> counts = memberCounts(rows.stream().map(c -> c.id).toList());
        List<ClusterSummary> items = rows.stream()
                .map(c -> ClusterViews.summary(c, counts.getOrDefault(c.id, 0L)))
                .toList();
        return new Page<>(items, page.page(), page.size(), total);
    }

    @Transactional
    public ClusterView get(Caller caller, long id) {
        ClusterYear cluster = ClusterYear.get(id);
        List<String> members = ClusterMembership.currentCodes(id);
        ClusterAccess.requireRead(caller, Set.copyOf(members));
        return views.detail(cluster, members);
    }

    @Transactional
    public List<MembershipView> membershipHistory(Caller caller, long id) {
        ClusterYear.get(id);
        ClusterAccess.requireRead(caller, Set.copyOf(ClusterMembership.currentCodes(id)));
        return ClusterMembership.history(id).stream().map(views::membership).toList();
    }

    @Transactional
    public StoredDocument agreementDocument(Caller caller, long id) {
        ClusterYear cluster = ClusterYear.get(id);
        ClusterAccess.requireRead(caller, Set.copyOf(ClusterMembership.currentCodes(id)));
        AgreementDocument document = cluster.agreementDocumentSha256 == null ? null : AgreementDocument.findById(id);
        if (document == null) {
            throw Refusal.notFound("cluster-agreement-document-not-found", "cluster.agreement.document-not-found",
                    String.valueOf(id));
        }
        return new StoredDocument(cluster.code, cluster.year, document.content, cluster.agreementDocumentSha256);
    }

    private static Map<Long, Long> memberCounts(List<Long> ids) {
        if (ids.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = ClusterMembership.getEntityManager().createQuery(
                        "select m.clusterYearId, count(m) from ClusterMembership m where m.clusterYearId in :ids"
                                + " and m.leftAt is null group by m.clusterYearId", Object[].class)
                .setParameter("ids", ids)
                .getResultList();
        return rows.stream().collect(Collectors.toMap(row -> (Long) row[0], row -> (Long) row[1]));
    }
}
