package vn.thidua.awards.proposal;

import vn.thidua.platform.domain.Refusal;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.awards.catalogue.AwardType;
import vn.thidua.awards.catalogue.RuleSet;
import vn.thidua.awards.document.DocumentSettings;
import vn.thidua.platform.time.VietnamTime;
import vn.thidua.platform.units.KnownUnit;
import vn.thidua.awards.vote.MinutesService;
import vn.thidua.awards.vote.PublishedVotes;
import vn.thidua.awards.catalogue.CatalogueService;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.security.Caller;
import vn.thidua.platform.web.PdfDocument;

/**
 * A proposal's dossier (hồ sơ): the files it holds, each with its SHA-256, and the two it
 * generates itself — the minutes of the vote and the cover submission. Joins the caller's transaction.
 */
@ApplicationScoped
public class Dossier {
    @Inject
    Clock clock;
    private final MinutesService minutes;
    private final ClusterDirectory clusters;
    private final CoverSubmissionPdf coverPdf = new CoverSubmissionPdf();

    private final DocumentSettings documents;

    private final DossierLimits limits;

    private final CatalogueService catalogue;
    private final PublishedVotes votes;

    public Dossier(MinutesService minutes, ClusterDirectory clusters, DocumentSettings documents,
                   DossierLimits limits, CatalogueService catalogue, PublishedVotes votes) {
        this.catalogue = catalogue;
        this.votes = votes;
        this.limits = limits;
        this.minutes = minutes;
        this.clusters = clusters;
        this.documents = documents;
    }

    /** A file without its content, as lists show it. */
    public record FileInfo(long id, DossierFile.Kind kind, String fileName, String sha256, long sizeBytes, String addedBy, Instant addedAt) {
    }

    public List<FileInfo> files(long proposalId) {
        return DossierFile.getEntityManager().createQuery("select new " + FileInfo.class.getName()
                        + "(f.id, f.kind, f.fileName, f.sha256, f.sizeBytes, f.addedBy, f.addedAt) from DossierFile f"
                        + " where f.proposalId = :proposal order by f.kind, f.id", FileInfo.class)
                .setParameter("proposal", proposalId).getResultList();
    }

    public boolean has(long proposalId, DossierFile.Kind kind) {
        return DossierFile.count("proposalId = ?1 and kind = ?2", proposalId, kind) > 0;
    }

    /**
     * Refuses (413) a file of {@code size} bytes that would take the dossier, or the unit's dossiers of
     * the year, past its total ({@link DossierLimits}); an achievement report is counted in place of the one it replaces.
     */
    void requireRoom(Proposal proposal, DossierFile.Kind kind, long size) {
        boolean replaces = kind == DossierFile.Kind.ACHIEVEMENT_REPORT;
        long dossierTotal = DossierFile.getEntityManager().createQuery("select coalesce(sum(f.sizeBytes), 0) from DossierFile f"
                        + " where f.proposalId = :proposal and (:replaces = false or f.kind <> :kind)", Long.class)
                .setParameter("proposal", proposal.id).setParameter("replaces", replaces).setParameter("kind", kind).getSingleResult();
        long maxTotal = limits.maxTotalSize().asLongValue();
        if (dossierTotal + size > maxTotal) {
            throw new Refusal(Refusal.Nature.TOO_LARGE, "dossier-too-large", "proposal.dossier.too-large", dossierTotal, size, maxTotal);
        }
        long unitTotal = DossierFile.getEntityManager().createQuery("select coalesce(sum(f.sizeBytes), 0) from DossierFile f, Proposal p"
                        + " where f.proposalId = p.id and p.unitCode = :unit and p.year = :year"
                        + " and (:replaces = false or f.proposalId <> :proposal or f.kind <> :kind)", Long.class)
                .setParameter("unit", proposal.unitCode).setParameter("year", proposal.year).setParameter("replaces", replaces)
                .setParameter("proposal", proposal.id).setParameter("kind", kind).getSingleResult();
        long maxUnit = limits.maxUnitYearSize().asLongValue();
        if (unitTotal + size > maxUnit) {
            throw new Refusal(Refusal.Nature.TOO_LARGE, "unit-files-too-large", "proposal.dossier.unit-year-too-large", unitTotal,
                    size, maxUnit, proposal.year);
        }
    }

    /** Adds an uploaded PDF; an achievement report replaces the one before it, other attachments accumulate. */
    DossierFile upload(Proposal proposal, DossierFile.Kind kind, String fileName, PdfDocument pdf, Caller caller) {
        requireRoom(proposal, kind, pdf.size());
        if (kind == DossierFile.Kind.ACHIEVEMENT_REPORT) {
            DossierFile.delete("proposalId = ?1 and kind = ?2", proposal.id, kind);
        }
        return store(proposal, kind, fileName, pdf.content(), pdf.sha256(), caller);
    }

    void attachMinutes(Proposal proposal, Caller caller) {
        byte[] pdf = minutes.render(proposal.votingSessionId);
        store(proposal, DossierFile.Kind.MINUTES, "bien-ban-kiem-phieu-" + proposal.votingSessionId + ".pdf", pdf, PdfDocument.sha256(pdf), caller);
    }

    /** Attaches a generated document (the Council's minutes, the province's submission), replacing an earlier one of its kind. */
    public void attachGenerated(Proposal proposal, DossierFile.Kind kind, String fileName, byte[] pdf, Caller caller) {
        DossierFile.delete("proposalId = ?1 and kind = ?2", proposal.id, kind);
        store(proposal, kind, fileName, pdf, PdfDocument.sha256(pdf), caller);
    }

    /** Generates the cover submission as the dossier stands now, replacing an earlier one. */
    void attachCoverSubmission(Proposal proposal, Caller caller) {
        DossierFile.delete("proposalId = ?1 and kind = ?2", proposal.id, DossierFile.Kind.COVER_SUBMISSION);
        byte[] pdf = coverSubmission(proposal);
        store(proposal, DossierFile.Kind.COVER_SUBMISSION, "to-trinh-" + proposal.id + ".pdf", pdf, PdfDocument.sha256(pdf), caller);
    }

    /** The cover submission as it would read now. */
    byte[] coverSubmission(Proposal proposal) {
        AwardType award = catalogue.get(proposal.awardTypeCode);
        RuleSet rules = catalogue.ruleSet(proposal.ruleSetId).orElseThrow();
        String clusterName = clusters.find(proposal.clusterId).map(c -> c.name()).orElse(proposal.clusterCode);
        LocalDate voteDate = null;
        if (proposal.votingSessionId != null) {
            voteDate = votes.heldOn(proposal.votingSessionId);
        }
        List<String> earlier = new ArrayList<>();
        for (Proposal.EarlierAward e : proposal.earlierAwards) {
            earlier.add(catalogue.nameOf(e.awardTypeCode()) + " năm " + e.year() + " (Quyết định số " + e.decisionNumber()
                    + " ngày " + e.decisionDate().format(java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy")) + " của "
                    + e.decidingAuthority() + ")");
        }
        List<String> attachments = new ArrayList<>();
        for (FileInfo file : files(proposal.id)) {
            if (file.kind() != DossierFile.Kind.COVER_SUBMISSION) {
                attachments.add(describe(file.kind()) + ": " + file.fileName() + " (SHA-256 " + file.sha256().substring(0, 16) + "…)");
            }
        }
        KnownUnit unit = KnownUnit.findById(proposal.unitCode);
        CoverSubmission cover = new CoverSubmission(clusterName, proposal.year, unit == null ? proposal.unitCode : unit.name,
                proposal.unitCode, award.name, award.decidingAuthority, rules.legalBasis, rules.legalBasisDate, proposal.rankingRank,
                proposal.rankingTotal, voteDate, earlier, attachments,
                proposal.receivedOn != null ? proposal.receivedOn : LocalDate.now(clock.withZone(VietnamTime.ZONE)), documents.place(),
                documents.receivingBody(), proposal.ruleSetChosenBecause == null ? null : vn.thidua.awards.catalogue.ChoiceView.of(
                        proposal.ruleSetChosenBecause, vn.thidua.awards.catalogue.ChoiceView.Occasion.DOSSIER,
                        vn.thidua.platform.web.Messages.VIETNAMESE).reason(), proposal.personName);
        return coverPdf.render(cover);
    }

    public DossierFile file(long proposalId, long fileId) {
        DossierFile file = DossierFile.findById(fileId);
        return file == null || file.proposalId != proposalId ? null : file;
    }

    private static String describe(DossierFile.Kind kind) {
        return switch (kind) {
            case MINUTES -> "Biên bản kiểm phiếu suy tôn";
            case ACHIEVEMENT_REPORT -> "Báo cáo thành tích";
            case COVER_SUBMISSION -> "Tờ trình";
            case COUNCIL_MINUTES -> "Biên bản họp Hội đồng Thi đua - Khen thưởng tỉnh";
            case PROVINCIAL_SUBMISSION -> "Tờ trình của Chủ tịch UBND tỉnh";
            case OTHER -> "Tài liệu khác";
        };
    }

    private DossierFile store(Proposal proposal, DossierFile.Kind kind, String fileName, byte[] content, String sha256, Caller caller) {
        DossierFile file = new DossierFile();
        file.proposalId = proposal.id;
        file.kind = kind;
        file.fileName = fileName;
        file.content = content;
        file.sha256 = sha256;
        file.sizeBytes = content.length;
        file.addedBy = caller.subject();
        file.addedAt = Instant.now(clock);
        file.persist();
        return file;
    }
}
