package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class PageRequestTest {
    @Test
    void theLastAllowedPageHasAnOffsetThatFitsAnInt() {
        assertEquals(PageRequest.MAX_PAGE * PageRequest.MAX_SIZE, PageRequest.of(PageRequest.MAX_PAGE, PageRequest.MAX_SIZE).offset());
    }

    @Test
    void aPageBeyondTheLimitIsA400NotAnOverflow() {
        for (int page : new int[] {PageRequest.MAX_PAGE + 1, Integer.MAX_VALUE}) {
            ProblemException refused = assertThrows(ProblemException.class, () -> PageRequest.of(page, 20));
            assertEquals(400, refused.status());
            assertEquals("invalid-page", refused.type());
            assertEquals("The page parameter is too large: at most 100000.", Messages.text(Messages.ENGLISH, refused.messageKey(), refused.args()));
        }
        assertEquals(400, assertThrows(ProblemException.class, () -> PageRequest.of(-1, 20)).status());
    }
}
