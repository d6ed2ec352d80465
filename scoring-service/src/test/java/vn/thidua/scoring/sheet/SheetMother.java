package vn.thidua.scoring.sheet;

import java.math.BigDecimal;
import java.util.List;
import vn.thidua.scoring.criteria.CriteriaMother;
import vn.thidua.scoring.criteria.Stage;

/** Score sheets and scores in memory, for the plain tests of a sheet's transitions. */
final class SheetMother {
    static final String LDLD = CriteriaMother.LDLD;
    static final String MTTQ = CriteriaMother.MTTQ;

    private SheetMother() {
    }

    /** The open sheet of a stage on the Labour Federation (id 10 of set 1); PEER is scored by the Front. */
    static ScoreSheet open(Stage stage) {
        ScoreSheet sheet = ScoreSheet.open(1L, stage, LDLD, switch (stage) {
            case SELF -> LDLD;
            case PEER -> MTTQ;
            case BOARD -> null;
        });
        sheet.id = 10L;
        return sheet;
    }

    static ScoreEntry points(String points) {
        return new ScoreEntry(new BigDecimal(points), null, List.of(), null);
    }

    static Score scored(long criterionId, String points, List<String> evidence) {
        Score score = Score.unscored(10L, criterionId);
        score.points = new BigDecimal(points);
        score.evidence = new java.util.ArrayList<>(evidence);
        return score;
    }
}
