package vn.thidua.platform.web;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.math.BigDecimal;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DateUtil;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.jboss.logging.Logger;

/**
 * An uploaded spreadsheet read into rows of named values: CSV (UTF-8, a byte-order mark allowed,
 * unless the Content-Type names another charset) or the first sheet of an XLSX workbook. The first
 * row names the columns; a header is matched to a column without regard to case, spaces, hyphens
 * or underscores ({@code unit_code}, {@code Unit Code} and {@code unitCode} are one column), and
 * unknown headers are ignored. Values come back as text, blanks as {@code null}; an XLSX date cell
 * as an ISO date ({@code 2017-01-20}) and a number as plain digits ({@code 2016}, never {@code 2,016};
 * {@code 01} where the cell's format pads it with zeros).
 *
 * <p>Problems: {@code unsupported-file-type} (415), {@code unreadable-file}, {@code missing-columns}
 * and {@code too-many-rows} (400), texts {@code sheet.*} of the platform's messages. A service using
 * this declares {@code poi-ooxml} and {@code commons-csv} itself (they are optional here).
 */
public final class SheetFile {
    public static final String CSV = "text/csv";
    public static final String XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    private static final Pattern ZERO_PADDED = Pattern.compile("0{2,}");
    /**
     * The most an XLSX may unpack to, all its parts together: a sheet of some 50 000 rows of ten
     * columns; POI's in-memory model of that takes several times as much heap, which a service's 192 MB bear.
     */
    public static final long MAX_UNPACKED_BYTES = 16L * 1024 * 1024;
    /** The largest spreadsheet file taken (its bytes as sent), and held once received ({@link Uploads}). */
    public static final long MAX_FILE_BYTES = 10L * 1024 * 1024;

    /** The 413 of a spreadsheet file over {@link #MAX_FILE_BYTES}. */
    public static ProblemException fileTooLarge() {
        return new ProblemException(413, "body-too-large", "problem.body-too-large", MAX_FILE_BYTES / (1024 * 1024));
    }

    /** The most parts (files inside the ZIP) an XLSX may have; a workbook of one sheet has about a dozen. */
    public static final int MAX_PARTS = 200;

    static {
        // POI's own bounds behind ours: no single part larger than all parts may be together
        ZipSecureFile.setMaxEntrySize(MAX_UNPACKED_BYTES);
    }

    /** One data row: its number as a spreadsheet program shows it (the header is row 1) and its values by column. */
    public record Row(int number, Map<String, String> values) {
        public Row {
            values = Collections.unmodifiableMap(new HashMap<>(values));
        }

        /** The value of that column (as the caller named it), or {@code null} when blank or absent. */
        public String get(String column) {
            return values.get(column);
        }
    }

    /** The columns a file may have (as the caller names them), those it must have, and how many data rows at most. */
    public record Layout(List<String> columns, Set<String> required, int maxRows) {
        public Layout {
            columns = List.copyOf(columns);
            required = Set.copyOf(required);
            if (!columns.containsAll(required) || maxRows < 1) {
                throw new IllegalArgumentException("required columns must be columns, and at least one row allowed");
            }
        }
    }

    private static final Logger LOG = Logger.getLogger(SheetFile.class);

    private SheetFile() {
    }

    public static List<Row> read(byte[] content, String contentType, Layout layout) {
        String type = contentType == null ? "" : contentType.toLowerCase(Locale.ROOT).strip();
        byte[] bytes = content == null ? new byte[0] : content;
        try {
            if (type.startsWith(CSV)) {
                return readCsv(bytes, charset(type), layout);
            }
            if (type.startsWith(XLSX)) {
                return readXlsx(bytes, layout);
            }
        } catch (ProblemException problem) {
            throw problem;
        } catch (IOException | RuntimeException unreadable) {
            // the library's words (its class names, its limits) are for the log; the caller gets ours
            LOG.infof("Uploaded %s file refused as unreadable: %s", type, unreadable);
            throw ProblemException.badRequest("unreadable-file", type.startsWith(CSV) ? "sheet.unreadable-csv" : "sheet.unreadable-xlsx");
        }
        throw new ProblemException(415, "unsupported-file-type", "sheet.unsupported-type", String.valueOf(contentType));
    }

    /** UTF-8 unless the Content-Type names another charset (e.g. windows-1258 from an old Excel). */
    private static Charset charset(String contentType) {
        Matcher parameter = Pattern.compile("charset=\"?([A-Za-z0-9_.:-]+)").matcher(contentType);
        if (!parameter.find()) {
            return StandardCharsets.UTF_8;
        }
        try {
            return Charset.forName(parameter.group(1));
        } catch (IllegalArgumentException unknown) {
            throw new ProblemException(415, "unsupported-file-type", "sheet.unsupported-type", contentType);
        }
    }

    private static List<Row> readCsv(byte[] content, Charset charset, Layout layout) throws IOException {
        int start = charset.equals(StandardCharsets.UTF_8) && hasUtf8Bom(content) ? 3 : 0;
        // bytes that are not text in the charset (overlong UTF-8 among them) make the file unreadable, never U+FFFD or a lenient guess
        CharsetDecoder strict = charset.newDecoder().onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        try (Reader reader = new InputStreamReader(new ByteArrayInputStream(content, start, content.length - start), strict);
             CSVParser parser = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(true)
                     .setIgnoreEmptyLines(true).setAllowMissingColumnNames(true).get().parse(reader)) {
            Map<String, String> columnOfHeader = columns(parser.getHeaderNames(), layout);
            List<Row> rows = new ArrayList<>();
            for (CSVRecord record : parser) {
                Map<String, String> values = new HashMap<>();
                columnOfHeader.forEach((header, column) -> values.put(column, record.isSet(header) ? blankToNull(record.get(header)) : null));
                if (values.values().stream().allMatch(v -> v == null)) {
                    continue;
                }
                add(rows, new Row((int) record.getRecordNumber() + 1, values), layout);
            }
            return rows;
        }
    }

    /**
     * An XLSX is a ZIP of XML parts, read whole into memory by POI: before POI sees it, every part is
     * unpacked once (counted, not kept) and the workbook refused with 413 when they come to more
     * than {@link #MAX_UNPACKED_BYTES} together or number more than {@link #MAX_PARTS}, however
     * small the ZIP (a "zip bomb"). POI's own ratio and entry-size checks stay on behind it.
     */
    private static List<Row> readXlsx(byte[] content, Layout layout) throws IOException {
        requireUnpackedWithinBounds(content);
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            org.apache.poi.ss.usermodel.Row header = sheet.getRow(sheet.getFirstRowNum());
            List<String> headers = new ArrayList<>();
            Map<Integer, String> headerAt = new LinkedHashMap<>();
            if (header != null) {
                for (Cell cell : header) {
                    String text = text(cell);
                    headers.add(text);
                    headerAt.put(cell.getColumnIndex(), text);
                }
            }
            Map<String, String> columnOfHeader = columns(headers, layout);
            List<Row> rows = new ArrayList<>();
            int first = header == null ? 0 : header.getRowNum() + 1;
            for (int r = first; r <= sheet.getLastRowNum(); r++) {
                org.apache.poi.ss.usermodel.Row row = sheet.getRow(r);
                if (row == null) {
                    continue;
                }
                Map<String, String> values = new HashMap<>();
                headerAt.forEach((index, text) -> {
                    String column = columnOfHeader.get(text);
                    if (column != null) {
                        values.put(column, text(row.getCell(index)));
                    }
                });
                if (values.values().stream().allMatch(v -> v == null)) {
                    continue;
                }
                add(rows, new Row(r + 1, values), layout);
            }
            return rows;
        }
    }

    private static void requireUnpackedWithinBounds(byte[] content) throws IOException {
        long unpacked = 0;
        int parts = 0;
        byte[] buffer = new byte[16 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(content))) {
            for (ZipEntry entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
                if (++parts > MAX_PARTS) {
                    throw tooLarge();
                }
                for (int n = zip.read(buffer); n >= 0; n = zip.read(buffer)) {
                    unpacked += n;
                    if (unpacked > MAX_UNPACKED_BYTES) {
                        throw tooLarge();
                    }
                }
            }
        }
    }

    private static ProblemException tooLarge() {
        return new ProblemException(413, "sheet-too-large", "sheet.too-large", MAX_UNPACKED_BYTES / (1024 * 1024));
    }

    private static void add(List<Row> rows, Row row, Layout layout) {
        if (rows.size() == layout.maxRows()) {
            throw ProblemException.badRequest("too-many-rows", "sheet.too-many-rows", layout.maxRows());
        }
        rows.add(row);
    }

    /** The column each header names (headers naming no column are left out); 400 when a required column is missing. */
    private static Map<String, String> columns(List<String> headers, Layout layout) {
        Map<String, String> byKey = new HashMap<>();
        layout.columns().forEach(column -> byKey.put(key(column), column));
        Map<String, String> columnOfHeader = new LinkedHashMap<>();
        for (String header : headers) {
            String column = header == null ? null : byKey.get(key(header));
            if (column != null && !columnOfHeader.containsValue(column)) {
                columnOfHeader.put(header, column);
            }
        }
        Set<String> missing = new TreeSet<>(layout.required());
        missing.removeAll(columnOfHeader.values());
        if (!missing.isEmpty()) {
            throw ProblemException.badRequest("missing-columns", "sheet.missing-columns", String.join(", ", missing));
        }
        return columnOfHeader;
    }

    private static String key(String header) {
        return header.replace("\uFEFF", "").replaceAll("[\\s_\\-]", "").toLowerCase(Locale.ROOT);
    }

    /** A cell as text: dates as ISO, numbers as plain digits, formulas by their last computed value. */
    private static String text(Cell cell) {
        if (cell == null) {
            return null;
        }
        CellType type = cell.getCellType() == CellType.FORMULA ? cell.getCachedFormulaResultType() : cell.getCellType();
        return switch (type) {
            case STRING -> blankToNull(cell.getStringCellValue());
            case BOOLEAN -> Boolean.toString(cell.getBooleanCellValue()).toUpperCase(Locale.ROOT);
            case NUMERIC -> {
                if (DateUtil.isCellDateFormatted(cell)) {
                    LocalDateTime at = cell.getLocalDateTimeCellValue();
                    yield at.toLocalTime().toSecondOfDay() == 0 ? at.toLocalDate().toString() : at.toString();
                }
                yield digits(BigDecimal.valueOf(cell.getNumericCellValue()).stripTrailingZeros(), cell.getCellStyle().getDataFormatString());
            }
            default -> null;
        };
    }

    /**
     * A number as plain digits; a whole number whose cell is formatted with leading zeros (as {@code 00}
     * or {@code 0000000000}, the way a province code {@code 01} or a phone number is kept) as it is shown.
     */
    private static String digits(BigDecimal number, String format) {
        String plain = number.toPlainString();
        if (format != null && ZERO_PADDED.matcher(format).matches() && number.signum() >= 0 && number.scale() <= 0
                && plain.length() < format.length()) {
            return "0".repeat(format.length() - plain.length()) + plain;
        }
        return plain;
    }

    private static boolean hasUtf8Bom(byte[] content) {
        return content.length >= 3 && (content[0] & 0xFF) == 0xEF && (content[1] & 0xFF) == 0xBB && (content[2] & 0xFF) == 0xBF;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
