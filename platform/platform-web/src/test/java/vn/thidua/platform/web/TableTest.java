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
        assertEquals("attachment; filename=\"danh-sach.xlsx\"", xlsx.getHeaderString("Content-Disposition"));
        Response csv = table.csvDownload("danh-sach.csv");
        assertEquals(MediaType.valueOf(Table.CSV), csv.getMediaType());
        assertEquals("attachment; filename=\"danh-sach.csv\"", csv.getHeaderString("Content-Disposition"));
        assertArrayEquals(table.csv(), (byte[]) csv.getEntity());
    }
}
