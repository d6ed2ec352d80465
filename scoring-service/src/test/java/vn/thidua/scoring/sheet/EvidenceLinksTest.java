package vn.thidua.scoring.sheet;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class EvidenceLinksTest {
    private final EvidenceLinks links = new EvidenceLinks(List.of("gov.vn", " Thidua.Example "));

    @Test
    void httpsOnAnAllowedHostOrItsSubdomainsIsEvidence() {
        for (String address : List.of("https://gov.vn/a.pdf", "https://thanhhoa.gov.vn/van-ban/bao-cao.pdf?nam=2016",
                "https://SNV.ThanhHoa.GOV.VN/x", "https://thidua.example/minh-chung/1.pdf", "https://thanhhoa.gov.vn:443/x")) {
            assertTrue(links.isAllowedAddress(address), address);
        }
    }

    @Test
    void anythingElseIsNot() {
        for (String text : List.of("đã có minh chứng", "", "javascript:alert(1)", "JaVaScRiPt:alert(1)", "http://thanhhoa.gov.vn/x",
                "ftp://gov.vn/x", "https://govvn.example/x", "https://evilgov.vn.example/x", "https://notgov.vn/x",
                "https://user:pass@gov.vn/x", "https://gov.vn:8443/x", "//gov.vn/x", "https:///x", "https://gov.vn/a b",
                "data:text/html,<b>", "https://" + "a".repeat(2000) + ".gov.vn/", "https://xn--80ak6aa92e.gov.vn\u202E/x")) {
            assertFalse(links.isAllowedAddress(text), text);
        }
    }
}
