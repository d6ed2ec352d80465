package vn.thidua.awards.submission;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.domain.Refusal;

/** The province's submission as its aggregate takes it, without Quarkus. */
class ProvincialSubmissionAggregateTest {
    static final Instant NOW = Instant.parse("2017-01-13T02:00:00Z");
    static final LocalDate SIGNED = LocalDate.of(2017, 1, 12);

    @Test
    void sentOnceThenReturnedOrAcceptedNeverBeforeItWasSent() {
        ProvincialSubmission submission = draft();
        assertEquals(Refusal.Nature.RULE, assertThrows(Refusal.class, () -> submission.send(SIGNED.minusDays(1), null, NOW)).nature(),
                "sent before it was signed");
        assertEquals(Refusal.Nature.STATE, assertThrows(Refusal.class, () -> submission.accepted(SIGNED, "x", null, NOW)).nature(),
                "answered before it was sent");
        assertEquals(new ProvincialSubmission.Moved(5, ProvincialSubmission.Status.DRAFT, ProvincialSubmission.Status.SENT),
                submission.send(LocalDate.of(2017, 1, 13), LocalDate.of(2017, 1, 20), NOW));
        assertThrows(Refusal.class, () -> submission.send(LocalDate.of(2017, 1, 13), null, NOW), "sent twice");
        assertThrows(Refusal.class, () -> submission.returned(LocalDate.of(2017, 1, 12), "x", NOW), "returned before it was sent");
        submission.returned(LocalDate.of(2017, 1, 23), "Thiếu xác nhận", NOW);
        assertTrue(submission.returnedLate(), "after the five working days");
        assertThrows(Refusal.class, () -> submission.accepted(LocalDate.of(2017, 1, 24), "x", null, NOW), "returned is final");
    }

    @Test
    void aReturnWithinTheLimitIsNotLate() {
        ProvincialSubmission submission = draft();
        submission.send(LocalDate.of(2017, 1, 13), LocalDate.of(2017, 1, 20), NOW);
        submission.returned(LocalDate.of(2017, 1, 20), "Thiếu xác nhận", NOW);
        assertFalse(submission.returnedLate());
    }

    private static ProvincialSubmission draft() {
        ProvincialSubmission submission = new ProvincialSubmission();
        submission.id = 5L;
        submission.status = ProvincialSubmission.Status.DRAFT;
        submission.signedOn = SIGNED;
        return submission;
    }
}
