package vn.thidua.units.unit;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import vn.thidua.platform.web.ProblemException;

/**
 * Reads a units file (CSV, UTF-8 unless the Content-Type says otherwise, or the first sheet of an XLSX workbook) into rows of named
 * values. The first row names the columns; {@code code} and {@code name} are required. Column
 * names are matched without regard to case, spaces or underscores ({@code parent_code},
 * {@code Parent Code} and {@code parentCode} are one column).
 */
public final class UnitSheet {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public static final int MAX_ROWS = 50_000;
    static final List<String> COLUMNS = List.of("code", "name", "shortname", "kind", "parentcode",
            "administrativeareacode", "contactperson", "contactphone", "contactemail");

    /** One data row: its number as a spreadsheet shows it (the header is row 1) and its values by column. */
    public record SheetRow(int number, Map<String, String> values) {
        public String get(String column) {
            return values.get(column);
        }
    }

    private UnitSheet() {
    }

    public static List<SheetRow> read(byte[] content, String contentType) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT);
        try {
            if (type.startsWith(CSV)) {
                return readCsv(content, charset(type));
            }
            if (type.startsWith(XLSX)) {
                return readXlsx(content);
            }
        } catch (IOException | RuntimeException e) {
            if (e instanceof ProblemException problem) {
                throw problem;
            }
            throw ProblemException.badRequest("unreadable-file", "unit.import.unreadable", String.valueOf(e.getMessage()));
        }
        throw new ProblemException(415, "unsupported-file-type", "unit.import.unsupported-type", String.valueOf(contentType));
    }

    /** UTF-8 unless the Content-Type names another charset (e.g. windows-1258 from an old Excel export). */
    private static Charset charset(String contentType) {
        Matcher parameter = Pattern.compile("charset=\"?([A-Za-z0-9_.:-]+)").matcher(contentType);
        if (!parameter.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(parameter.group(1));
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(415, "unsupported-file-type", "unit.import.unsupported-type", contentType);
        }
    }

    private static List<SheetRow> readCsv(byte[] content, Charset charset) throws IOException {
        int start = charset.equals(StandardCharsets.UTF_8) && hasUtf8Bom(content) ? 3 : 0;
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), charset);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).get().parse(reader)) {
            Map<String, String> columns = columns(parser.getHeaderNames());
            List<SheetRow> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.badRequest("too-many-rows", "unit.import.too-many-rows", MAX_ROWS);
                }
                Map<String, String> values = new HashMap<>();
                columns.forEach((header, column) -> values.put(column, record.isSet(header) ? blankToNull(record.get(header)) : null));
                rows.add(new SheetRow((int) record.getRecordNumber() + 1, values));
            }
            return rows;
        }
    }

    private static List<SheetRow> readXlsx(byte[] content) throws IOException {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter formatter = new DataFormatter(Locale.ROOT);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            if (header == null) {
                throw ProblemException.badRequest("missing-columns", "unit.import.missing-columns", String.join(", ", COLUMNS.subList(0, 2)));
            }
            Map<Integer, String> byIndex = new LinkedHashMap<>();
            List<String> headers = new ArrayList<>();
            for (Cell cell : header) {
                headers.add(formatter.formatCellValue(cell));
            }
            Map<String, String> columns = columns(headers);
            for (Cell cell : header) {
                String column = columns.get(formatter.formatCellValue(cell));
                if (column != null) {
                    byIndex.put(cell.getColumnIndex(), column);
                }
            }
            List<SheetRow> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                byIndex.forEach((index, column) -> values.put(column, blankToNull(formatter.formatCellValue(row.getCell(index)))));
                if (values.values().stream().allMatch(v -> v == null)) {
                    continue;
                }
                if (rows.size() == MAX_ROWS) {
                    throw ProblemException.badRequest("too-many-rows", "unit.import.too-many-rows", MAX_ROWS);
                }
                rows.add(new SheetRow(r + 1, values));
            }
            return rows;
        }
    }

    /** Maps each header as written to the column it names; fails when a required column is missing. */
    private static Map<String, String> columns(List<String> headers) {
        Map<String, String> columns = new LinkedHashMap<>();
        for (String header : headers) {
            String key = header == null ? "" : header.replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
            if (COLUMNS.contains(key)) {
                columns.put(header, key);
            }
        }
        Set<String> missing = new TreeSet<>(List.of("code", "name"));
        missing.removeAll(columns.values());
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("missing-columns", "unit.import.missing-columns", String.join(", ", missing));
        }
        return columns;
    }

    private static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
