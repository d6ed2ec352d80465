package vn.thidua.awards.vote;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

public class MinutesPdfTest {
    static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");

    /** Reads a PDF back as text, as a reader (or the portal) would. */
    public static String text(byte[] pdf) throws IOException {
        try (PDDocument document = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(document);
        }
    }

    @Test
    void theMinutesSayWhoWasPresentTheCountsTheResultAndTheLegalBasisInVietnamese() throws IOException {
        var paper = TallyTest.lead(1, TallyTest.A, TallyTest.B);
        List<Ballot> cast = new ArrayList<>(TallyTest.ballots(4, Contest.LEAD, TallyTest.B, paper));
        cast.addAll(TallyTest.ballots(1, Contest.LEAD, TallyTest.A, paper));
        VoteResult result = Tally.count(paper, 6, cast, TallyTest.MAJORITY);
        List<String> roll = List.of("000.00.31.H56", "000.00.32.H56", "000.00.33.H56", "000.00.34.H56", "000.00.35.H56", "000.00.36.H56");
        Minutes minutes = new Minutes("Cụm thi đua số 7", "CUM-07", 2016, Purpose.LEAD_AND_PROPOSE, "Cờ thi đua của UBND tỉnh", null, false,
                ZonedDateTime.of(2016, 12, 14, 15, 0, 0, 0, VIETNAM), ZonedDateTime.of(2016, 12, 14, 15, 40, 0, 0, VIETNAM), true,
                "Luật Thi đua, khen thưởng ngày 26/11/2003 (sửa đổi, bổ sung năm 2005, 2013); Nghị định 42/2010/NĐ-CP (sửa đổi bởi Nghị định 65/2014/NĐ-CP)",
                LocalDate.of(2014, 7, 1), true, roll, roll.subList(0, 5), result,
                Map.of("000.00.31.H56", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh Thanh Hóa",
                        "000.00.32.H56", "Liên đoàn Lao động tỉnh Thanh Hóa",
                        "000.00.36.H56", "Tỉnh đoàn Thanh Hóa"),
                LocalDate.of(2016, 12, 14), "Thanh Hóa", "Cuộc bỏ phiếu ngày 2016-12-14, khi Nghị định 42/2010/NĐ-CP có hiệu lực");

        byte[] pdf = new MinutesPdf().render(minutes);
        // left for a person to look at: target/minutes-sample.pdf
        java.nio.file.Files.write(java.nio.file.Path.of("target", "minutes-sample.pdf"), pdf);

        String text = text(pdf);
        assertTrue(text.startsWith("CỤM THI ĐUA SỐ 7") || text.contains("CỤM THI ĐUA SỐ 7"), text);
        for (String expected : List.of("BIÊN BẢN KIỂM PHIẾU", "Suy tôn đơn vị dẫn đầu Cụm thi đua số 7 năm 2016 đề nghị tặng Cờ thi đua của UBND tỉnh",
                "Nghị định 42/2010/NĐ-CP (sửa đổi bởi Nghị định 65/2014/NĐ-CP) (ngày 01/07/2014)", "Thanh Hóa, ngày 14 tháng 12 năm 2016", "bỏ phiếu kín", "15 giờ 00, ngày 14/12/2016",
                "số đơn vị đã bỏ phiếu (có mặt): 5", "Các đơn vị không bỏ phiếu: Tỉnh đoàn Thanh Hóa", "Túc số: 66,67% số đơn vị thành viên - đạt",
                "trên 50% tổng số đơn vị thành viên (6)", "Liên đoàn Lao động tỉnh Thanh Hóa", "66,67%", "Trúng cử",
                "Kết luận: Liên đoàn Lao động tỉnh Thanh Hóa trúng cử dẫn đầu, đề nghị tặng Cờ thi đua của UBND tỉnh.")) {
            assertTrue(text.replaceAll("\\s+", " ").contains(expected), () -> "missing «" + expected + "» in:\n" + text);
        }
    }
}
