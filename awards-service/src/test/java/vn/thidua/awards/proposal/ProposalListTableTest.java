package vn.thidua.awards.proposal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import vn.thidua.platform.web.Table;

class ProposalListTableTest {

    static ProposalListTable.Line line(ProposalStatus status, String number) {
        return new ProposalListTable.Line("Liên đoàn Lao động tỉnh Thanh Hóa", "000.00.32.H56", "Cụm thi đua số 7", "Cờ thi đua của UBND tỉnh",
                2016, new BigDecimal("95.50"), 1, status, number, number == null ? null : LocalDate.of(2017, 1, 20),
                number == null ? null : "Chủ tịch UBND tỉnh");
    }

    @Test
    void linesAreNumberedUnderTheTitlesAndTheHeaders() {
        Table table = ProposalListTable.of(2016, List.of("Hình thức khen thưởng: Cờ thi đua của UBND tỉnh"),
                List.of(line(ProposalStatus.APPRAISED, null), line(ProposalStatus.DECIDED, "123/QĐ-UBND")));
        assertEquals(List.of("DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG NĂM 2016", "(Kèm theo Tờ trình đề nghị khen thưởng)",
                "Hình thức khen thưởng: Cờ thi đua của UBND tỉnh"), table.titleLines());
        assertEquals(9, table.headers().size());
        assertEquals(List.of(1, "Liên đoàn Lao động tỉnh Thanh Hóa", "000.00.32.H56", "Cụm thi đua số 7", "Cờ thi đua của UBND tỉnh", 2016,
                new BigDecimal("95.50"), 1, "Đã thẩm định"), table.rows().get(0));
        assertEquals(2, table.rows().get(1).get(0));
    }

    @Test
    void aDecidedOrRevokedProposalNamesItsDecisionAndEveryStatusHasWords() {
        assertEquals("Quyết định số 123/QĐ-UBND ngày 20/01/2017 của Chủ tịch UBND tỉnh",
                ProposalListTable.statusText(line(ProposalStatus.DECIDED, "123/QĐ-UBND")));
        assertEquals("Đã hủy bỏ: Quyết định số 123/QĐ-UBND ngày 20/01/2017 của Chủ tịch UBND tỉnh",
                ProposalListTable.statusText(line(ProposalStatus.REVOKED, "123/QĐ-UBND")));
        for (ProposalStatus status : ProposalStatus.values()) {
            String words = ProposalListTable.statusName(status);
            assertEquals(false, words.isBlank() || words.contains(status.name()), status + ": " + words);
        }
        // a line without points or rank (no finalized ranking) leaves those cells empty
        ProposalListTable.Line unranked = new ProposalListTable.Line("X", "X", "C", "A", 2016, null, null, ProposalStatus.DRAFT, null, null, null);
        assertEquals(List.of("", "", "Đang soạn hồ sơ"), ProposalListTable.of(2016, List.of(), List.of(unranked)).rows().get(0).subList(6, 9));
    }

    @Test
    void aPersonIsNamedWithTheUnitThatProposedThem() {
        ProposalListTable.Line person = new ProposalListTable.Line("Liên đoàn Lao động tỉnh Thanh Hóa", "000.00.32.H56", "Cụm thi đua số 7",
                "Chiến sĩ thi đua cơ sở", 2025, null, null, ProposalStatus.APPRAISED, null, null, null, "Lê Thị Mẫu");
        Table table = ProposalListTable.of(2025, List.of(), List.of(line(ProposalStatus.APPRAISED, null), person));
        assertEquals("Tên tập thể, cá nhân", table.headers().get(1));
        assertEquals("Lê Thị Mẫu (Liên đoàn Lao động tỉnh Thanh Hóa)", table.rows().get(1).get(1));
        assertEquals("Liên đoàn Lao động tỉnh Thanh Hóa", table.rows().get(0).get(1));
    }
}
