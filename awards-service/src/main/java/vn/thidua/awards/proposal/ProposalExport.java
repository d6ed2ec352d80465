package vn.thidua.awards.proposal;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.clusters.ClusterYear;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.platform.web.Table;

/** The proposals as the list that goes with a cover submission: data, which the resource turns into a file. */
@ApplicationScoped
public class ProposalExport {
    private final ProposalService proposals;
    private final ClusterDirectory clusters;
    private final CatalogueService catalogue;

    public ProposalExport(ProposalService proposals, ClusterDirectory clusters, CatalogueService catalogue) {
        this.proposals = proposals;
        this.clusters = clusters;
        this.catalogue = catalogue;
    }

    /**
     * The proposals the caller may see ({@link ProposalService#list}'s filters and rules) as the list that goes with a
     * cover submission: by award, cluster-year and rank, unit and cluster names resolved.
     */
    @Transactional
    public Table export(int year, Long clusterId, String awardTypeCode, ProposalStatus status, Caller caller) {
        List<Proposal> found = new ArrayList<>(proposals.list(year, clusterId, awardTypeCode, status, caller));
        found.sort(Comparator.comparing((Proposal p) -> p.awardTypeCode).thenComparing(p -> p.clusterCode)
                .thenComparing(p -> p.rankingRank, Comparator.nullsLast(Comparator.naturalOrder()))
                .thenComparing(p -> p.unitCode));
        Map<String, String> unitNames = KnownUnit.namesOf(found.stream().map(p -> p.unitCode).distinct().toList());
        Map<Long, String> clusterNames = new HashMap<>();
        Map<String, String> awardNames = new HashMap<>();
        List<ProposalListTable.Line> lines = new ArrayList<>();
        for (Proposal p : found) {
            String clusterName = clusterNames.computeIfAbsent(p.clusterId, id -> clusters.find(id).map(ClusterYear::name).orElse(p.clusterCode));
            String awardName = awardNames.computeIfAbsent(p.awardTypeCode, catalogue::nameOf);
            lines.add(new ProposalListTable.Line(unitNames.getOrDefault(p.unitCode, p.unitCode), p.unitCode, clusterName, awardName, p.year,
                    p.rankingTotal, p.rankingRank, p.status, p.decisionNumber, p.decisionDate, p.decidingAuthority, p.personName));
        }
        List<String> filters = new ArrayList<>();
        if (awardTypeCode != null) {
            filters.add("Hình thức khen thưởng: " + catalogue.nameOf(awardTypeCode));
        }
        if (clusterId != null) {
            filters.add("Cụm/khối thi đua: " + clusters.find(clusterId).map(ClusterYear::name).orElse(String.valueOf(clusterId)));
        }
        if (status != null) {
            filters.add("Trạng thái: " + ProposalListTable.statusName(status));
        }
        return ProposalListTable.of(year, filters, lines);
    }
}
