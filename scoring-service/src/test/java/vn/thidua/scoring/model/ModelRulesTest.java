package vn.thidua.scoring.model;

import vn.thidua.platform.domain.Refusal;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.security.Caller;

class ModelRulesTest {
    static final String WOMEN = "000.00.84.H56";
    static final String FARMERS = "000.00.83.H56";
    static final LocalDate TODAY = LocalDate.of(2016, 12, 14);

    static Caller caller(String role, String unit) {
        return new Caller("someone", Set.of(role), Optional.ofNullable(unit));
    }

    static ExemplaryModel model(String owner, int startedYear) {
        ExemplaryModel model = new ExemplaryModel();
        model.id = 7L;
        model.ownerUnitCode = owner;
        model.startedYear = startedYear;
        return model;
    }

    @Test
    void aUnitActsForItselfAndTheBoardForAnyUnit() {
        assertTrue(ModelRules.mayActFor(caller("unit-rep", WOMEN), WOMEN));
        assertTrue(ModelRules.mayActFor(caller("cluster-leader", WOMEN), WOMEN));
        assertFalse(ModelRules.mayActFor(caller("unit-rep", FARMERS), WOMEN));
        assertFalse(ModelRules.mayActFor(caller("viewer", WOMEN), WOMEN), "a viewer never writes, whatever its unit claim");
        assertTrue(ModelRules.mayActFor(caller("board", null), WOMEN));
        assertTrue(ModelRules.mayActFor(caller("admin", null), FARMERS));
        assertFalse(ModelRules.mayActFor(caller("unit-rep", null), WOMEN));
    }

    @Test
    void onlyTheBoardRecognises() {
        assertTrue(ModelRules.mayRecognise(caller("board", null)));
        assertFalse(ModelRules.mayRecognise(caller("unit-rep", WOMEN)));
        assertFalse(ModelRules.mayRecognise(caller("cluster-leader", WOMEN)));
        assertFalse(ModelRules.mayRecognise(caller("viewer", null)));
    }

    @Test
    void theStartYearLiesBetween1945AndNextYear() {
        assertEquals(1945, ModelRules.requireStartedYear(1945, TODAY));
        assertEquals(2017, ModelRules.requireStartedYear(2017, TODAY));
        assertEquals(Refusal.Nature.RULE, assertThrows(Refusal.class, () -> ModelRules.requireStartedYear(1944, TODAY)).nature());
        Refusal late = assertThrows(Refusal.class, () -> ModelRules.requireStartedYear(2018, TODAY));
        assertEquals(Refusal.Nature.RULE, late.nature());
        assertEquals("model-year-invalid", late.type());
        assertEquals(Refusal.Nature.INVALID, assertThrows(Refusal.class, () -> ModelRules.requireStartedYear(null, TODAY)).nature());
    }

    @Test
    void anAdoptionIsNotBeforeTheModelStarted() {
        LocalDate first = LocalDate.of(2014, 1, 1);
        assertEquals(first, ModelRules.requireNotBeforeStart(first, "adoptedOn", 2014));
        Refusal early = assertThrows(Refusal.class,
                () -> ModelRules.requireNotBeforeStart(LocalDate.of(2013, 12, 31), "adoptedOn", 2014));
        assertEquals(Refusal.Nature.RULE, early.nature());
        assertEquals("model-date-before-start", early.type());
        assertEquals(Refusal.Nature.INVALID, assertThrows(Refusal.class,
                () -> ModelRules.requireNotBeforeStart(null, "adoptedOn", 2014)).nature());
    }

    @Test
    void theOwnerDoesNotReplicateItsOwnModel() {
        ExemplaryModel model = model(WOMEN, 2014);
        ModelRules.requireNotOwner(model, FARMERS);
        assertEquals(Refusal.Nature.RULE, assertThrows(Refusal.class, () -> ModelRules.requireNotOwner(model, WOMEN)).nature());
    }

    @Test
    void recognitionIsGivenOnce() {
        ExemplaryModel model = model(WOMEN, 2014);
        ModelRules.requireNotRecognised(model);
        model.recognisedOn = LocalDate.of(2016, 12, 14);
        Refusal twice = assertThrows(Refusal.class, () -> ModelRules.requireNotRecognised(model));
        assertEquals(Refusal.Nature.STATE, twice.nature());
        assertEquals("model-already-recognised", twice.type());
    }

    @Test
    void fieldsCompareWithoutCaseOrAccents() {
        assertEquals("xay dung nong thon moi", ModelRules.fold("  Xây dựng   NÔNG thôn mới "));
        assertEquals(ModelRules.fold("Đoàn kết"), ModelRules.fold("doan ket"));
        assertEquals(ModelRules.fold("Xây dựng nông thôn mới"),
                ModelRules.fold(java.text.Normalizer.normalize("Xây dựng nông thôn mới", java.text.Normalizer.Form.NFD)));
        assertEquals(null, ModelRules.fold(null));
    }

    @Test
    void badIdsAreNotFound() {
        assertEquals(42L, ModelRules.parseId("42"));
        for (String bad : new String[] {"abc", "0", "-1", "99999999999999999999", ""}) {
            Refusal problem = assertThrows(Refusal.class, () -> ModelRules.parseId(bad), bad);
            assertEquals(Refusal.Nature.NOT_FOUND, problem.nature());
        }
    }
}
