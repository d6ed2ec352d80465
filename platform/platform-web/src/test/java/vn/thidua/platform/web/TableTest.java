package vn.thidua.platform.web;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TableTest {
    final Table table = new Table(List.of("DANH SÁCH", "Năm 2016"), List.of("TT", "Tên tập thể", "Điểm"),
            List.of(List.of(1, "Liên đoàn Lao động tỉnh Thanh Hóa", new BigDecimal("95.50")), Arrays.asList(2, "Hội Nông dân", null)));

    @Test
    void xlsxHasTitlesThenHeadersThenRowsNumbersAsNumbers() throws IOException {
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(table.xlsx("Danh sách")))) {
            Sheet sheet = workbook.getSheet("Danh sách");
            assertEquals("DANH SÁCH", sheet.getRow(0).getCell(0).getStringCellValue());
            assertEquals(1, sheet.getMergedRegions().stream().filter(r -> r.getFirstRow() == 0 && r.getLastColumn() == 2).count());
            assertEquals("Tên tập thể", sheet.getRow(3).getCell(1).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(4).getCell(2).getCellType());
            assertEquals(95.5, sheet.getRow(4).getCell(2).getNumericCellValue());
            assertEquals("", sheet.getRow(5).getCell(2).getStringCellValue());
            assertTrue(sheet.getPrintSetup().getLandscape());
        }
    }

    @Test
    void csvIsUtf8WithAByteOrderMarkAndNoTitles() {
        String csv = new String(table.csv(), StandardCharsets.UTF_8);
        assertEquals("\uFEFFTT,Tên tập thể,Điểm\r\n1,Liên đoàn Lao động tỉnh Thanh Hóa,95.5\r\n2,Hội Nông dân,\r\n", csv);
    }

    @Test
    void downloadsAreNamedAttachments() {
        Response xlsx = table.xlsxDownload("Danh sách", "danh-sach.xlsx");
        assertEquals(Table.XLSX, xlsx.getMediaType().toString());
        assertEquals("attachment; filename=\"danh-sach.xlsx\"; filename*=UTF-8''danh-sach.xlsx", xlsx.getHeaderString("Content-Disposition"));
        Response csv = table.csvDownload("danh-sach.csv");
        assertEquals(MediaType.valueOf(Table.CSV), csv.getMediaType());
        assertEquals("attachment; filename=\"danh-sach.csv\"; filename*=UTF-8''danh-sach.csv", csv.getHeaderString("Content-Disposition"));
        assertArrayEquals(table.csv(), (byte[]) csv.getEntity());
    }

    @ParameterizedTest
    @ValueSource(strings = {"=HYPERLINK(\"http://x\",\"y\")", "+1+1", "-2+3", "@SUM(A1:A2)", "\tcmd", "\r=1+1"})
    void csvNeutralisesTextThatAFormulaWouldStartWith(String text) {
        String csv = csvOf(List.of(Arrays.asList(1, text)));
        String expected = "'" + text.replace("\"", "\"\"");
        assertEquals("1,\"" + expected + "\"\r\n", csv);
    }

    @Test
    void csvWritesNumbersNegativeOnesIncludedAsNumbersButNeutralisesTheSameAsText() {
        assertEquals("-1.5,-2,-3.25,\"'-1.5 điểm\"\r\n",
                csvOf(List.of(Arrays.asList(new BigDecimal("-1.50"), -2, -3.25, "-1.5 điểm"))));
    }

    @Test
    void csvLeavesVietnameseAndHarmlessTextAsItIs() {
        assertEquals("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh,Đạt 5/5 chỉ tiêu; vượt 10%,\"Cụm 7, khối Đảng\",,1-2\r\n",
                csvOf(List.of(Arrays.asList("Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh", "Đạt 5/5 chỉ tiêu; vượt 10%", "Cụm 7, khối Đảng", "", "1-2"))));
    }

    @Test
    void xlsxWritesFormulaLikeTextAsAStringCellUnchanged() throws IOException {
        String formula = "=HYPERLINK(\"http://x\",\"y\")";
        Table hostile = new Table(List.of(), List.of("Tên", "Điểm"), List.of(Arrays.asList(formula, new BigDecimal("-1.5")), Arrays.asList("+1+1", null)));
        try (XSSFWorkbook workbook = new XSSFWorkbook(new ByteArrayInputStream(hostile.xlsx("Danh sách")))) {
            Sheet sheet = workbook.getSheet("Danh sách");
            assertEquals(CellType.STRING, sheet.getRow(1).getCell(0).getCellType());
            assertEquals(formula, sheet.getRow(1).getCell(0).getStringCellValue());
            assertEquals(CellType.NUMERIC, sheet.getRow(1).getCell(1).getCellType());
            assertEquals(-1.5, sheet.getRow(1).getCell(1).getNumericCellValue());
            assertEquals(CellType.STRING, sheet.getRow(2).getCell(0).getCellType());
            assertEquals("+1+1", sheet.getRow(2).getCell(0).getStringCellValue());
        }
    }

    /** The data rows of a one-column-per-value table's CSV, without the byte-order mark and header. */
    private static String csvOf(List<List<Object>> rows) {
        List<String> headers = rows.get(0).stream().map(v -> "c").toList();
        String csv = new String(new Table(List.of(), headers, rows).csv(), StandardCharsets.UTF_8);
        return csv.substring(csv.indexOf("\r\n") + 2);
    }
}
