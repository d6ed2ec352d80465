package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

class SheetFileTest {
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout(List.of("unit_code", "year", "decision_date", "note"),
            Set.of("unit_code", "year"), 3);

    @Test
    void csvHeadersAreMatchedLooselyAndBlanksAreNull() {
        byte[] csv = "\uFEFFUnit Code,YEAR,decisionDate,other\n000.00.32.H56 , 2016,,x\n\n000.00.33.H56,2017,2017-01-20,y\n"
                .getBytes(StandardCharsets.UTF_8);
        List<SheetFile.Row> rows = SheetFile.read(csv, "text/csv; charset=UTF-8", LAYOUT);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).number());
        assertEquals("000.00.32.H56", rows.get(0).get("unit_code"));
        assertEquals("2016", rows.get(0).get("year"));
        assertNull(rows.get(0).get("decision_date"));
        assertNull(rows.get(0).get("note"));
        assertNull(rows.get(0).get("other"));
        assertEquals("2017-01-20", rows.get(1).get("decision_date"));
    }

    @Test
    void anotherCharsetIsTakenFromTheContentType() {
        Charset latin = StandardCharsets.ISO_8859_1;
        byte[] csv = "unit_code,year,note\nA.B,2016,café\n".getBytes(latin);
        assertEquals("café", SheetFile.read(csv, "text/csv;charset=ISO-8859-1", LAYOUT).get(0).get("note"));
        assertProblem(415, "unsupported-file-type", () -> SheetFile.read(csv, "text/csv; charset=NOPE-1", LAYOUT));
    }

    @Test
    void xlsxCellsAreReadAsTextDatesAsIsoNumbersPlain() throws IOException {
        byte[] xlsx;
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sổ");
            Row header = sheet.createRow(0);
            header.createCell(0).setCellValue("unit_code");
            header.createCell(1).setCellValue("Year");
            header.createCell(2).setCellValue("Decision date");
            CellStyle date = workbook.createCellStyle();
            date.setDataFormat(workbook.createDataFormat().getFormat("dd/mm/yyyy"));
            CellStyle grouped = workbook.createCellStyle();
            grouped.setDataFormat(workbook.createDataFormat().getFormat("#,##0"));
            Row first = sheet.createRow(1);
            first.createCell(0).setCellValue("000.00.32.H56");
            first.createCell(1).setCellValue(2016);
            first.getCell(1).setCellStyle(grouped);
            first.createCell(2).setCellValue(LocalDate.of(2017, 1, 20));
            first.getCell(2).setCellStyle(date);
            sheet.createRow(2).createCell(0).setCellValue(" ");
            Row third = sheet.createRow(4);
            third.createCell(0).setCellValue("000.00.33.H56");
            third.createCell(1).setCellFormula("2010+7");
            workbook.setForceFormulaRecalculation(true);
            workbook.getCreationHelper().createFormulaEvaluator().evaluateAll();
            workbook.write(out);
            xlsx = out.toByteArray();
        }
        List<SheetFile.Row> rows = SheetFile.read(xlsx, SheetFile.XLSX, LAYOUT);
        assertEquals(2, rows.size());
        assertEquals(2, rows.get(0).number());
        assertEquals("2016", rows.get(0).get("year"));
        assertEquals("2017-01-20", rows.get(0).get("decision_date"));
        assertEquals(5, rows.get(1).number());
        assertEquals("2017", rows.get(1).get("year"));
    }

    @Test
    void aWholeNumberFormattedWithLeadingZerosIsReadAsShown() throws IOException {
        byte[] xlsx = oneRowOfNumbers(List.of("unit_code", "year", "decision_date", "note"), List.of(1, 2016, 1.5, 912345678),
                List.of("00", "00", "00", "0000000000"));
        SheetFile.Row row = SheetFile.read(xlsx, SheetFile.XLSX, LAYOUT).get(0);
        assertEquals("01", row.get("unit_code"));
        assertEquals("2016", row.get("year"));
        assertEquals("1.5", row.get("decision_date"));
        assertEquals("0912345678", row.get("note"));
    }

    @Test
    void whatCannotBeReadIsA4xxNeverA500() {
        byte[] noColumn = "unit_code,note\nA,b\n".getBytes(StandardCharsets.UTF_8);
        assertProblem(400, "missing-columns", () -> SheetFile.read(noColumn, SheetFile.CSV, LAYOUT));
        assertProblem(400, "missing-columns", () -> SheetFile.read(new byte[0], SheetFile.CSV, LAYOUT));
        assertProblem(400, "missing-columns", () -> SheetFile.read(null, SheetFile.CSV, LAYOUT));
        assertProblem(400, "unreadable-file", () -> SheetFile.read("not a workbook".getBytes(StandardCharsets.UTF_8), SheetFile.XLSX, LAYOUT));
        assertProblem(400, "unreadable-file", () -> SheetFile.read("unit_code,year\n\"open,2016\n".getBytes(StandardCharsets.UTF_8),
                SheetFile.CSV, LAYOUT));
        assertProblem(415, "unsupported-file-type", () -> SheetFile.read(new byte[1], "application/pdf", LAYOUT));
        assertProblem(415, "unsupported-file-type", () -> SheetFile.read(new byte[1], null, LAYOUT));
        byte[] four = "unit_code,year\nA,1\nB,2\nC,3\nD,4\n".getBytes(StandardCharsets.UTF_8);
        assertProblem(400, "too-many-rows", () -> SheetFile.read(four, SheetFile.CSV, LAYOUT));
    }

    @Test
    void overlongUtf8IsUnreadableNeverDecodedLeniently() {
        // "\xc0\xae\xc0\xae" is ".." written the long way; a lenient decoder gives the dots, a strict one refuses
        byte[] csv = new byte[] {'u', 'n', 'i', 't', '_', 'c', 'o', 'd', 'e', ',', 'y', 'e', 'a', 'r', '\n',
                (byte) 0xC0, (byte) 0xAE, (byte) 0xC0, (byte) 0xAE, ',', '2', '0', '1', '6', '\n'};
        assertProblem(400, "unreadable-file", () -> SheetFile.read(csv, SheetFile.CSV, LAYOUT));
    }

    @Test
    void aRefusedFileIsExplainedInOurWordsNeverTheLibrarys() throws IOException {
        // an .xlsx whose one part unpacks to a thousand times its packed size: POI's ZipSecureFile refuses it
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(packed)) {
            zip.putNextEntry(new java.util.zip.ZipEntry("[Content_Types].xml"));
            zip.write(" ".repeat(4_000_000).getBytes(StandardCharsets.US_ASCII));
            zip.closeEntry();
        }
        ProblemException bomb = assertThrows(ProblemException.class, () -> SheetFile.read(packed.toByteArray(), SheetFile.XLSX, LAYOUT));
        ProblemException notCsv = assertThrows(ProblemException.class,
                () -> SheetFile.read("unit_code,year\n\"open,2016\n".getBytes(StandardCharsets.UTF_8), SheetFile.CSV, LAYOUT));
        for (ProblemException problem : List.of(bomb, notCsv)) {
            for (java.util.Locale locale : List.of(Messages.VIETNAMESE, Messages.ENGLISH)) {
                String detail = Messages.text(locale, problem.messageKey(), problem.args());
                assertFalse(detail.matches("(?s).*(ZipSecureFile|org\\.apache|Exception|poi|\\{0}|sheet\\.).*"), detail);
            }
        }
        assertEquals("The Excel .xlsx file cannot be read: it is damaged, not an .xlsx, or unpacks to far more than its size.",
                Messages.text(Messages.ENGLISH, bomb.messageKey(), bomb.args()));
    }

    @Test
    void aWorkbookUnpackingToMoreThanTheBoundIsRefusedBeforePoiReadsIt() throws IOException {
        // many parts each within POI's ratio, together over the bound: only the total tells
        ByteArrayOutputStream packed = new ByteArrayOutputStream();
        java.util.Random random = new java.util.Random(7);
        byte[] noise = new byte[1024 * 1024];
        try (java.util.zip.ZipOutputStream zip = new java.util.zip.ZipOutputStream(packed)) {
            for (int i = 0; i < 17; i++) {
                zip.putNextEntry(new java.util.zip.ZipEntry("xl/media/part" + i + ".bin"));
                random.nextBytes(noise);
                zip.write(noise);
                zip.closeEntry();
            }
        }
        ProblemException tooLarge = assertThrows(ProblemException.class, () -> SheetFile.read(packed.toByteArray(), SheetFile.XLSX, LAYOUT));
        assertEquals(413, tooLarge.status());
        assertEquals("sheet-too-large", tooLarge.type());
        String detail = Messages.text(Messages.ENGLISH, tooLarge.messageKey(), tooLarge.args());
        assertEquals("The spreadsheet is too large once unpacked: at most 16 MB of data.", detail);
    }

    /** A header row and one row of numbers, each number in the format named for its column. */
    private static byte[] oneRowOfNumbers(List<String> headers, List<Number> numbers, List<String> formats) throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet("Sổ");
            Row header = sheet.createRow(0);
            Row row = sheet.createRow(1);
            for (int c = 0; c < headers.size(); c++) {
                header.createCell(c).setCellValue(headers.get(c));
                CellStyle format = workbook.createCellStyle();
                format.setDataFormat(workbook.createDataFormat().getFormat(formats.get(c)));
                row.createCell(c).setCellValue(numbers.get(c).doubleValue());
                row.getCell(c).setCellStyle(format);
            }
            workbook.write(out);
            return out.toByteArray();
        }
    }

    private static void assertProblem(int status, String type, Executable call) {
        ProblemException problem = assertThrows(ProblemException.class, call);
        assertEquals(status, problem.status());
        assertEquals(type, problem.type());
    }
}
