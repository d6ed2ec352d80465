package vn.thidua.awards.cash;

import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import vn.thidua.awards.condition.Vocabulary;
import vn.thidua.platform.web.Text;

/**
 * A base salary as the Board enters it. The amount comes as a decimal so that 2340000.5 reaches
 * {@link #check} and is refused with the other mistakes, instead of failing alone while the body is read.
 */
public record BaseSalaryRequest(@Schema(required = true, minimum = "1", maximum = "1000000000", multipleOf = 1, description = "Whole VND.") BigDecimal amount,
                                @Schema(required = true, maxLength = 500) String legalBasis,
                                @Schema(enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String tag) {
    /** Far above any base salary so far (2,530,000 in 2026), low enough to catch a slip of the keyboard. */
    public static final long MAX_AMOUNT = 1_000_000_000L;

    /** The request once checked: a whole, positive amount of VND and a cleaned legal basis. */
    public record Checked(long amount, String legalBasis, String tag) {
    }

    /** 422 listing every bad field (400 for text no field may hold, as {@link Text#clean} refuses it). */
    public Checked check() {
        String basis = Text.clean(legalBasis, 500, "legalBasis", false);
        List<Refusal.Reason> problems = new ArrayList<>();
        if (amount == null) {
            problems.add(new Refusal.Reason("amount", "problem.field.required", "amount"));
        } else if (amount.signum() <= 0 || amount.stripTrailingZeros().scale() > 0 || amount.compareTo(BigDecimal.valueOf(MAX_AMOUNT)) > 0) {
            problems.add(new Refusal.Reason("amount", "base-salary.amount", MAX_AMOUNT));
        }
        if (basis == null) {
            problems.add(new Refusal.Reason("legalBasis", "problem.field.required", "legalBasis"));
        }
        if (tag != null && !Vocabulary.TAGS.contains(tag)) {
            problems.add(new Refusal.Reason("tag", "ruleset.condition.tag"));
        }
        if (!problems.isEmpty()) {
            throw Refusal.unprocessable("invalid-base-salary", "base-salary.invalid", problems.size()).because(problems);
        }
        return new Checked(amount.longValueExact(), basis, tag);
    }
}
