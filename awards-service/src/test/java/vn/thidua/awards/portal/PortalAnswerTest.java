package vn.thidua.awards.portal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import vn.thidua.awards.portal.PortalAnswer.Verdict;

/** Which answers deliver, which are retried and which fail (docs/portal.md, "Retries"). */
class PortalAnswerTest {

    @Test
    void twoHundredsAndAConflictDeliver() {
        for (int status : new int[] {200, 201, 202, 204, 409}) {
            assertEquals(Verdict.DELIVERED, answer(status).verdict(), "HTTP " + status);
        }
    }

    @Test
    void noAnswerTimeoutsThrottlingAndServerErrorsAreRetried() {
        assertEquals(Verdict.RETRY, PortalAnswer.unanswered("Connection refused").verdict());
        for (int status : new int[] {408, 429, 500, 502, 503, 504}) {
            assertEquals(Verdict.RETRY, answer(status).verdict(), "HTTP " + status);
        }
    }

    @Test
    void otherClientErrorsAndRedirectsFail() {
        for (int status : new int[] {400, 401, 403, 404, 413, 415, 422, 301, 302}) {
            assertEquals(Verdict.FAILED, answer(status).verdict(), "HTTP " + status);
        }
    }

    @Test
    void theReasonShownIsTheStatusAndTheStartOfTheAnswer() {
        assertEquals("HTTP 422: {\"title\":\"thiếu tờ trình\"}", new PortalAnswer(422, " {\"title\":\"thiếu tờ trình\"}\n", null, null).describe());
        assertEquals("no answer: HttpClosedException: Connection was closed", PortalAnswer.unanswered("HttpClosedException: Connection was closed").describe());
        assertTrue(new PortalAnswer(500, "x".repeat(5000), null, null).describe().length() <= 1001);
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertEquals(Duration.ofSeconds(30), PortalClient.retryAfter("30"));
        Duration untilDate = PortalClient.retryAfter(ZonedDateTime.now(ZoneOffset.UTC).plusMinutes(2).format(DateTimeFormatter.RFC_1123_DATE_TIME));
        assertTrue(untilDate.compareTo(Duration.ofSeconds(100)) > 0 && untilDate.compareTo(Duration.ofSeconds(121)) < 0, untilDate.toString());
        assertNull(PortalClient.retryAfter("soon"));
        assertNull(PortalClient.retryAfter(null));
    }

    private static PortalAnswer answer(int status) {
        return new PortalAnswer(status, "", null, null);
    }
}
