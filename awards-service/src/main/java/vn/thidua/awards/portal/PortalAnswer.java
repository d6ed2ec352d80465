package vn.thidua.awards.portal;

import java.time.Duration;

/**
 * What came back from one attempt: the portal's status and body, or ({@code status} 0) no answer
 * at all — refused connection, timeout, connection closed — with the reason.
 */
record PortalAnswer(int status, String body, Duration retryAfter, String error) {

    enum Verdict {
        /** 2xx, or 409: the portal has it under this key. */
        DELIVERED,
        /** No answer, 408, 429 or 5xx: the portal may recover; try again later. */
        RETRY,
        /** Any other answer (another 4xx, or a redirect): the portal will not take it as it is. */
        FAILED
    }

    static PortalAnswer unanswered(String error) {
        return new PortalAnswer(0, null, null, error);
    }

    Verdict verdict() {
        if (status == 0 || status == 408 || status == 429 || status >= 500) {
            return Verdict.RETRY;
        }
        if (status / 100 == 2 || status == 409) {
            return Verdict.DELIVERED;
        }
        return Verdict.FAILED;
    }

    /** What to show as the last error: the status and the start of the portal's answer, or why there was none. */
    String describe() {
        if (status == 0) {
            return "no answer: " + error;
        }
        String text = body == null || body.isBlank() ? "" : ": " + body.strip();
        String described = "HTTP " + status + text;
        return described.length() > 1000 ? described.substring(0, 1000) + "…" : described;
    }
}
