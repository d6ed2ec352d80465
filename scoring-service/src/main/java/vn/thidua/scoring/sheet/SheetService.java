package vn.thidua.scoring.sheet;

import io.quarkus.security.ForbiddenException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.math.BigDecimal;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.thidua.platform.clusters.ClusterDirectory;
import vn.thidua.platform.domain.ExpectedVersion;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;
import vn.thidua.scoring.criteria.BoardReviewer;
import vn.thidua.scoring.criteria.CriteriaSet;
import vn.thidua.scoring.criteria.CriteriaSetStatus;
import vn.thidua.scoring.criteria.Criterion;
import vn.thidua.scoring.criteria.Deadlines;
import vn.thidua.scoring.criteria.SheetsOfSet;
import vn.thidua.scoring.criteria.Stage;

/**
 * Filling in score sheets. Who may write: a unit its own SELF sheet, a member its PEER sheets of
 * the others, the Board (or the cluster leader, if the set says so) the BOARD sheets. Who may
 * read: the Board always; a unit its own sheets; the other members once that stage is over, so
 * that peers never see each other's scores while they are still scoring.
 */
@ApplicationScoped
public class SheetService implements SheetsOfSet {
    private final ClusterDirectory clusters;
    private final EvidenceLinks evidenceLinks;
    private final Clock clock;

    public SheetService(ClusterDirectory clusters, EvidenceLinks evidenceLinks, Clock clock) {
        this.clusters = clusters;
        this.evidenceLinks = evidenceLinks;
        this.clock = clock;
    }

    @Override
    public void openSheets(CriteriaSet set, List<String> members) {
        for (String unit : members) {
            ScoreSheet.open(set.id, Stage.SELF, unit, unit).persist();
            ScoreSheet.open(set.id, Stage.BOARD, unit, null).persist();
            if (set.peerEnabled) {
                for (String scorer : members) {
                    if (!scorer.equals(unit)) {
                        ScoreSheet.open(set.id, Stage.PEER, unit, scorer).persist();
                    }
                }
            }
        }
        ScoreQueries.summarizeOpenedSheets(set);
    }

    @Transactional
    public ScoreSheet score(long sheetId, String criterionCode, ScoreEntry entry, ExpectedVersion expected, Caller caller) {
        ScoreSheet sheet = sheetForWrite(sheetId);
        CriteriaSet set = CriteriaSet.findById(sheet.setId);
        requireWritable(set, sheet, caller);
        expected.requireMatches(sheet.version);
        entry = new ScoreEntry(entry.points(), entry.comment(), evidenceLinks.check(entry.evidence(), sheet.unitCode, "evidence"),
                entry.explanation());
        Criterion criterion = set.criteria().stream().filter(c -> c.code.equals(criterionCode)).findFirst()
                .orElseThrow(() -> Refusal.notFound("criterion-not-found", "sheet.criterion.unknown", criterionCode));
        BigDecimal preBoardValue = sheet.stage == Stage.BOARD ? ScoreQueries.preBoardValue(set, sheet.unitCode, criterion.id) : null;
        Score score = Score.of(sheet.id, criterion.id);
        persist(sheet, score, sheet.score(criterion, score, entry, preBoardValue, caller.subject(), Instant.now(clock)));
        ScoreSheet.getEntityManager().flush();
        return sheet;
    }

    /**
     * Writes a computed criterion into the unit's open SELF sheet, from its reported targets and
     * with their evidence; the audit trail shows the change like any other. A submitted sheet is
     * left as it is.
     */
    @Transactional
    public void fillComputed(CriteriaSet set, String unitCode, Criterion criterion, BigDecimal points, List<String> evidence,
                             String reason, String actor) {
        ScoreSheet sheet = ScoreSheet.find("setId = ?1 and stage = ?2 and unitCode = ?3", set.id, Stage.SELF, unitCode).firstResult();
        if (sheet == null) {
            return;
        }
        Score score = Score.of(sheet.id, criterion.id);
        sheet.fillComputed(set, score, points, evidence, reason, actor, Instant.now(clock))
                .ifPresent(event -> persist(sheet, score, event));
    }

    /** A score and its line of the audit trail; the score changes the sheet, whose version is what If-Match protects. */
    private static void persist(ScoreSheet sheet, Score score, SheetEvent event) {
        score.persist();
        ScoreAudit.of(event).persist();
        // two writers of one sheet collide on its version
        ScoreSheet.getEntityManager().lock(sheet, LockModeType.OPTIMISTIC_FORCE_INCREMENT);
    }

    @Transactional
    public ScoreSheet submit(long sheetId, ExpectedVersion expected, Caller caller) {
        ScoreSheet sheet = sheetForWrite(sheetId);
        CriteriaSet set = CriteriaSet.findById(sheet.setId);
        requireWritable(set, sheet, caller);
        expected.requireMatches(sheet.version);
        Map<Long, Score> scores = scoresOf(sheet).stream().collect(Collectors.toMap(s -> s.key.criterionId(), Function.identity()));
        ScoreAudit.of(sheet.submit(set.criteria(), scores, caller.subject(), Instant.now(clock))).persist();
        ScoreQueries.resummarize(set, sheet.unitCode, sheet.stage);
        return sheet;
    }

    /** A submitted sheet goes back to its scorer only through a Board officer, with a reason. */
    @Transactional
    public ScoreSheet reopen(long sheetId, String reason, Caller caller) {
        caller.requireBoardOrAdmin();
        ScoreSheet sheet = sheetForWrite(sheetId);
        ScoreAudit.of(sheet.reopen(reason, caller.subject(), Instant.now(clock))).persist();
        ScoreQueries.resummarize(CriteriaSet.findById(sheet.setId), sheet.unitCode, sheet.stage);
        return sheet;
    }

    /** The sheet, if the caller may fill it in now (the same checks as for a score). */
    public ScoreSheet requireWritable(long sheetId, Caller caller) {
        ScoreSheet sheet = sheet(sheetId);
        requireWritable(CriteriaSet.findById(sheet.setId), sheet, caller);
        return sheet;
    }

    public ScoreSheet read(long sheetId, Caller caller) {
        ScoreSheet sheet = sheet(sheetId);
        CriteriaSet set = CriteriaSet.findById(sheet.setId);
        if (!mayRead(set, sheet, caller, standing(set, caller))) {
            throw new ForbiddenException("sheet " + sheetId);
        }
        return sheet;
    }

    /** The sheets of a set that the caller may read, optionally of one stage or one scored unit. */
    public List<ScoreSheet> list(long setId, Optional<Stage> stage, Optional<String> unit, Caller caller) {
        CriteriaSet set = CriteriaSet.findById(setId);
        if (set == null) {
            throw Refusal.notFound("criteria-set-not-found", "criteria.not-found", setId);
        }
        List<ScoreSheet> all = ScoreSheet.list("setId = ?1 order by stage, unitCode, scorerCode", setId);
        Standing standing = standing(set, caller);
        return all.stream()
                .filter(sheet -> stage.map(s -> s == sheet.stage).orElse(true))
                .filter(sheet -> unit.map(u -> u.equals(sheet.unitCode)).orElse(true))
                .filter(sheet -> mayRead(set, sheet, caller, standing))
                .toList();
    }

    public List<Score> scoresOf(ScoreSheet sheet) {
        return Score.list("key.sheetId = ?1", sheet.id);
    }

    public List<ScoreAudit> audit(long setId, Caller caller) {
        caller.requireBoardOrAdmin();
        return ScoreAudit.list("setId = ?1 order by id", setId);
    }

    private void requireWritable(CriteriaSet set, ScoreSheet sheet, Caller caller) {
        if (!mayWrite(set, sheet, caller)) {
            throw new ForbiddenException("sheet " + sheet.id);
        }
        if (set.status != CriteriaSetStatus.PUBLISHED) {
            throw Refusal.conflict("scoring-not-open", "sheet.not-open", set.id, set.status);
        }
        sheet.requireOpen();
        if (!clusters.isMember(set.clusterId, sheet.unitCode)
                || (sheet.scorerCode != null && !clusters.isMember(set.clusterId, sheet.scorerCode))) {
            throw Refusal.unprocessable("not-a-member", "sheet.not-a-member", sheet.unitCode);
        }
        Deadlines.requireOpen(set, sheet.stage, clock);
    }

    /**
     * Where the caller stands towards a set's cluster, looked up once per request rather than
     * once per sheet: whether it appraises (BOARD stage) and whether it is an insider (a member's
     * representative, or a viewer) who may read a stage's sheets once that stage is over.
     */
    private record Standing(boolean appraises, boolean insider) {
    }

    private Standing standing(CriteriaSet set, Caller caller) {
        boolean appraises = caller.isBoardOrAdmin() || (set.boardReviewer == BoardReviewer.CLUSTER_LEADER
                && clusters.find(set.clusterId).map(c -> caller.leadsClusterLedBy(c.leaderUnitCode())).orElse(false));
        boolean insider = clusters.readableBy(set.clusterId, caller);
        return new Standing(appraises, insider);
    }

    private boolean mayWrite(CriteriaSet set, ScoreSheet sheet, Caller caller) {
        return switch (sheet.stage) {
            case SELF, PEER -> caller.actsFor(sheet.scorerCode);
            case BOARD -> standing(set, caller).appraises();
        };
    }

    private boolean mayRead(CriteriaSet set, ScoreSheet sheet, Caller caller, Standing standing) {
        if (caller.isBoardOrAdmin()) {
            return true;
        }
        if (sheet.scorerCode != null && caller.actsFor(sheet.scorerCode)) {
            return true;
        }
        if (sheet.stage == Stage.BOARD && standing.appraises()) {
            return true;
        }
        boolean stageOver = set.status == CriteriaSetStatus.CLOSED || Deadlines.isPast(set.deadline(sheet.stage), clock);
        return stageOver && standing.insider();
    }

    /**
     * The sheet with its row locked until the transaction ends. Writers of one sheet queue here, so
     * the second reads the version the first made and gets 412 on a stale If-Match, instead of both
     * passing the check and colliding at commit (a 500, found by ConcurrentSheetEditsIT).
     */
    private static ScoreSheet sheetForWrite(long id) {
        ScoreSheet.getEntityManager().createNativeQuery("SELECT id FROM score_sheet WHERE id = ?1 FOR UPDATE")
                .setParameter(1, id).getResultList();
        return sheet(id);
    }

    private static ScoreSheet sheet(long id) {
        ScoreSheet sheet = ScoreSheet.findById(id);
        if (sheet == null) {
            throw Refusal.notFound("sheet-not-found", "sheet.not-found", id);
        }
        return sheet;
    }
}
