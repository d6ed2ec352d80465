package vn.thidua.scoring.export;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A titled table a Board officer prints: title lines, a header row, data rows. Written as XLSX
 * (bold centred title, bordered cells, numbers as numbers, landscape A4, header row repeated on
 * every printed page) or as CSV (UTF-8 with a byte-order mark, so Excel shows Vietnamese right).
 */
public record Table(List<String> titleLines, List<String> headers, List<List<Object>> rows) {
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final String CSV = "text/csv; charset=UTF-8";

    public byte[] xlsx(String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle title = style(workbook, true, HorizontalAlignment.CENTER, false);
            CellStyle header = style(workbook, true, HorizontalAlignment.CENTER, true);
            CellStyle text = style(workbook, false, HorizontalAlignment.LEFT, true);
            CellStyle number = style(workbook, false, HorizontalAlignment.RIGHT, true);
            number.setDataFormat(workbook.createDataFormat().getFormat("0.##"));
            int r = 0;
            for (String line : titleLines) {
                Row row = sheet.createRow(r);
                Cell cell = row.createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(title);
                if (headers.size() > 1) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, headers.size() - 1));
                }
                r++;
            }
            r++;
            int headerRow = r;
            Row head = sheet.createRow(r++);
            for (int c = 0; c < headers.size(); c++) {
                Cell cell = head.createCell(c);
                cell.setCellValue(headers.get(c));
                cell.setCellStyle(header);
            }
            for (List<Object> values : rows) {
                Row row = sheet.createRow(r++);
                for (int c = 0; c < values.size(); c++) {
                    Cell cell = row.createCell(c);
                    Object value = values.get(c);
                    if (value instanceof Number n) {
                        cell.setCellValue(n instanceof BigDecimal d ? d.doubleValue() : n.doubleValue());
                        cell.setCellStyle(number);
                    } else {
                        cell.setCellValue(value == null ? "" : value.toString());
                        cell.setCellStyle(text);
                    }
                }
            }
            // widths from the text, not autoSizeColumn: that needs fonts a server may not have
            for (int c = 0; c < headers.size(); c++) {
                int widest = headers.get(c).length();
                for (List<Object> values : rows) {
                    Object value = c < values.size() ? values.get(c) : null;
                    widest = Math.max(widest, value == null ? 0 : Math.min(60, value.toString().length()));
                }
                sheet.setColumnWidth(c, (widest + 3) * 256);
            }
            sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, headers.size() - 1));
            sheet.getPrintSetup().setLandscape(true);
            sheet.getPrintSetup().setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            sheet.getPrintSetup().setFitWidth((short) 1);
            sheet.getPrintSetup().setFitHeight((short) 0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
             CSVPrinter printer = new CSVPrinter(writer, CSVFormat.DEFAULT)) {
            printer.printRecord(headers);
            for (List<Object> row : rows) {
                printer.printRecord(row.stream().map(v -> v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : v).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean bold, HorizontalAlignment alignment, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setFontName("Times New Roman");
        font.setFontHeightInPoints((short) 12);
        font.setBold(bold);
        style.setFont(font);
        style.setAlignment(alignment);
        style.setWrapText(true);
        if (bordered) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }
}
