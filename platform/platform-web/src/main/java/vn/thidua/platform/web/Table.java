package vn.thidua.platform.web;

import jakarta.ws.rs.core.Response;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.QuoteMode;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * A list as a Board officer prints and files it: title lines, one header row, data rows. As XLSX:
 * titles bold and centred across the table, cells bordered, numbers stored as numbers, Times New
 * Roman 12 (the font of administrative documents), A4 landscape one page wide with the header
 * repeated on every page. As CSV: UTF-8 with a byte-order mark (so Excel shows Vietnamese right),
 * the header row and the data only. A service using this declares {@code poi-ooxml} and
 * {@code commons-csv} itself (they are optional here).
 *
 * <p>Exports carry text that others typed (unit names, score comments), so no cell may become a
 * formula when the file is opened: in the XLSX every text is a string cell (POI writes
 * {@code setCellValue(String)} as a string, never a formula); in the CSV a text cell that starts
 * with {@code = + - @}, tab or carriage return is neutralised as OWASP describes ("CSV
 * injection"): prefixed with a single quote and quoted. Numbers (a {@link Number} value, e.g. a
 * penalty of -1.5) stay numbers.
 */
public record Table(List<String> titleLines, List<String> headers, List<List<Object>> rows) {
    public static final String XLSX = SheetFile.XLSX;
    public static final String CSV = "text/csv; charset=UTF-8";
    private static final int WIDEST_COLUMN = 60;

    public Table {
        titleLines = List.copyOf(titleLines);
        headers = List.copyOf(headers);
        List<List<Object>> copied = new ArrayList<>();
        for (List<Object> row : rows) {
            copied.add(Collections.unmodifiableList(new ArrayList<>(row)));
        }
        rows = Collections.unmodifiableList(copied);
    }

    /** The XLSX as a download named {@code fileName}. */
    public Response xlsxDownload(String sheetName, String fileName) {
        return download(xlsx(sheetName), XLSX, fileName);
    }

    /** The CSV as a download named {@code fileName}. */
    public Response csvDownload(String fileName) {
        return download(csv(), CSV, fileName);
    }

    private static Response download(byte[] content, String type, String fileName) {
        return Response.ok(content, type).header("Content-Disposition", ContentDisposition.attachment(fileName)).build();
    }

    public byte[] xlsx(String sheetName) {
        try (XSSFWorkbook workbook = new XSSFWorkbook(); ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            Sheet sheet = workbook.createSheet(sheetName);
            CellStyle title = style(workbook, true, HorizontalAlignment.CENTER, false);
            CellStyle header = style(workbook, true, HorizontalAlignment.CENTER, true);
            CellStyle text = style(workbook, false, HorizontalAlignment.LEFT, true);
            CellStyle number = style(workbook, false, HorizontalAlignment.RIGHT, true);
            number.setDataFormat(workbook.createDataFormat().getFormat("0.##"));
            int lastColumn = Math.max(0, headers.size() - 1);
            int r = 0;
            for (String line : titleLines) {
                Cell cell = sheet.createRow(r).createCell(0);
                cell.setCellValue(line);
                cell.setCellStyle(title);
                if (lastColumn > 0) {
                    sheet.addMergedRegion(new CellRangeAddress(r, r, 0, lastColumn));
                }
                r++;
            }
            if (!titleLines.isEmpty()) {
                r++;
            }
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
            // widths from the text rather than autoSizeColumn, which needs fonts a server may not have
            for (int c = 0; c < headers.size(); c++) {
                int widest = headers.get(c).length();
                for (List<Object> values : rows) {
                    Object value = c < values.size() ? values.get(c) : null;
                    widest = Math.max(widest, value == null ? 0 : Math.min(WIDEST_COLUMN, value.toString().length()));
                }
                sheet.setColumnWidth(c, (widest + 3) * 256);
            }
            if (!headers.isEmpty()) {
                sheet.setRepeatingRows(new CellRangeAddress(headerRow, headerRow, 0, lastColumn));
            }
            PrintSetup print = sheet.getPrintSetup();
            print.setLandscape(true);
            print.setPaperSize(PrintSetup.A4_PAPERSIZE);
            sheet.setFitToPage(true);
            print.setFitWidth((short) 1);
            print.setFitHeight((short) 0);
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public byte[] csv() {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(new byte[] {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF});
        try (Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
            writeCsvRecord(writer, new ArrayList<>(headers));
            for (List<Object> row : rows) {
                writeCsvRecord(writer, row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static final CSVFormat CSV_FORMAT = CSVFormat.DEFAULT;
    private static final CSVFormat CSV_FORMAT_QUOTED = CSVFormat.DEFAULT.builder().setQuoteMode(QuoteMode.ALL).build();

    private static void writeCsvRecord(Writer writer, List<Object> values) throws IOException {
        boolean first = true;
        for (Object value : values) {
            CsvCell cell = CsvCell.of(value);
            (cell.neutralised() ? CSV_FORMAT_QUOTED : CSV_FORMAT).print(cell.value(), writer, first);
            first = false;
        }
        CSV_FORMAT.println(writer);
    }

    /**
     * A value as a CSV cell: a number as written; text as written unless a spreadsheet would read
     * it as a formula, then neutralised (a leading single quote, and quoted).
     */
    record CsvCell(Object value, boolean neutralised) {
        /** The first characters OWASP lists as starting a formula (or, tab and CR, hiding one). */
        private static final String FORMULA_STARTS = "=+-@\t\r";

        static CsvCell of(Object value) {
            if (value instanceof BigDecimal decimal) {
                return new CsvCell(decimal.stripTrailingZeros().toPlainString(), false);
            }
            if (value == null || value instanceof Number) {
                return new CsvCell(value, false);
            }
            String text = value.toString();
            boolean formulaLike = !text.isEmpty() && FORMULA_STARTS.indexOf(text.charAt(0)) >= 0;
            return formulaLike ? new CsvCell("'" + text, true) : new CsvCell(text, false);
        }
    }

    private static CellStyle style(XSSFWorkbook workbook, boolean bold, HorizontalAlignment alignment, boolean bordered) {
        CellStyle style = workbook.createCellStyle();
        Font font = workbook.createFont();
        font.setFontName("Times New Roman");
        font.setFontHeightInPoints((short) 12);
        font.setBold(bold);
        style.setFont(font);
        style.setAlignment(alignment);
        style.setVerticalAlignment(VerticalAlignment.TOP);
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
