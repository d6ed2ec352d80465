package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MessagesTest {

    @Test
    void vietnameseIsTheDefaultAndEnglishIsChosenWhenPreferred() {
        assertEquals(Messages.VIETNAMESE, Messages.negotiate(null));
        assertEquals(Messages.VIETNAMESE, Messages.negotiate(""));
        assertEquals(Messages.VIETNAMESE, Messages.negotiate("vi-VN,vi;q=0.9,en;q=0.5"));
        assertEquals(Messages.ENGLISH, Messages.negotiate("en-US,en;q=0.9"));
        assertEquals(Messages.ENGLISH, Messages.negotiate("fr, en;q=0.4"));
        assertEquals(Messages.VIETNAMESE, Messages.negotiate("fr"));
        assertEquals(Messages.VIETNAMESE, Messages.negotiate(";;;q=zz"));
    }

    @Test
    void textsAreFormattedInTheChosenLanguage() {
        assertEquals("You are not allowed to do this.", Messages.text(Messages.ENGLISH, "problem.forbidden"));
        assertEquals("Bạn không có quyền thực hiện thao tác này.", Messages.text(Messages.VIETNAMESE, "problem.forbidden"));
        String english = Messages.text(Messages.ENGLISH, "problem.internal", "abc");
        assertEquals(true, english.contains("incident abc"), english);
    }

    @Test
    void aTermInsideAMessageIsTranslatedAndNumbersAreWrittenTheReadersWay() {
        // problem.field.too-long: Trường "{0}" dài tối đa {1} ký tự. / Field "{0}" ... {1} characters
        assertEquals("Trường \"Bạn không có quyền thực hiện thao tác này.\" dài tối đa 67,5 ký tự.", Messages.text(Messages.VIETNAMESE,
                "problem.field.too-long", new Messages.Term("problem.forbidden"), new java.math.BigDecimal("67.5")));
        String english = Messages.text(Messages.ENGLISH, "problem.field.too-long", new Messages.Term("problem.forbidden"),
                new java.math.BigDecimal("67.5"));
        assertEquals(true, english.contains("You are not allowed to do this.") && english.contains("67.5"), english);
    }

    @Test
    void anUnknownKeyIsReturnedAsItIs() {
        assertEquals("no.such.key", Messages.text(Messages.ENGLISH, "no.such.key"));
    }
}
