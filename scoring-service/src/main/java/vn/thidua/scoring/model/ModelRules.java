package vn.thidua.scoring.model;

import java.text.Normalizer;
import java.time.LocalDate;
import java.util.Locale;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.security.Caller;

/** The rules of models and their replication, plain Java so that they can be tested without Quarkus. */
public final class ModelRules {
    /** The first year a model may have started: the Vietnamese emulation movement began in 1945–48. */
    public static final int FIRST_YEAR = 1945;

    private ModelRules() {
    }

    /** Board or admin for any unit; a unit-rep or cluster-leader only for the unit it acts for. */
    public static boolean mayActFor(Caller caller, String unitCode) {
        return caller.isBoardOrAdmin() || caller.actsFor(unitCode);
    }

    /** Only the Board (or an admin) recognises a model. */
    public static boolean mayRecognise(Caller caller) {
        return caller.isBoardOrAdmin();
    }

    /** 422 unless the year lies between 1945 and next year. */
    public static int requireStartedYear(Integer year, LocalDate today) {
        if (year == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", "startedYear");
        }
        int last = today.getYear() + 1;
        if (year < FIRST_YEAR || year > last) {
            throw Refusal.unprocessable("model-year-invalid", "model.started-year.range", year, FIRST_YEAR, last);
        }
        return year;
    }

    /** A date of adoption or recognition: required, and not before the year the model started. */
    public static LocalDate requireNotBeforeStart(LocalDate date, String field, int startedYear) {
        if (date == null) {
            throw Refusal.invalid("invalid-field", "problem.field.required", field);
        }
        if (date.getYear() < startedYear) {
            throw Refusal.unprocessable("model-date-before-start", "model.date.before-start", field, date, startedYear);
        }
        return date;
    }

    /** A unit cannot replicate its own model. */
    public static void requireNotOwner(ExemplaryModel model, String adoptingUnit) {
        if (model.ownerUnitCode.equals(adoptingUnit)) {
            throw Refusal.unprocessable("model-own-replication", "model.replication.own", model.id, adoptingUnit);
        }
    }

    /** Recognition is given once. */
    public static void requireNotRecognised(ExemplaryModel model) {
        if (model.recognised()) {
            throw Refusal.conflict("model-already-recognised", "model.recognition.already", model.id, model.recognisedOn);
        }
    }

    /** A field of activity as search compares it: lower case, without accents, đ as d, spaces folded. */
    public static String fold(String text) {
        if (text == null) {
            return null;
        }
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        return decomposed.replace('đ', 'd').replace('Đ', 'D').toLowerCase(Locale.ROOT).strip().replaceAll("\\s+", " ");
    }

    /** A path id: a positive number, or the model is not found (404). */
    public static long parseId(String raw) {
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException | NullPointerException e) {
            // not ours
        }
        throw Refusal.notFound("model-not-found", "model.not-found", String.valueOf(raw));
    }
}
