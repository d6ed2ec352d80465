package vn.thidua.units.unit;

import java.util.List;
import java.util.Set;
import vn.thidua.platform.web.SheetFile;

/**
 * The units file as {@link SheetFile} reads it (CSV or the first sheet of an XLSX workbook): its
 * columns, of which {@code code} and {@code name} are required, and at most {@value #MAX_ROWS} rows.
 * Column names are matched without regard to case, spaces, hyphens or underscores
 * ({@code parent_code}, {@code Parent Code} and {@code parentCode} are one column).
 */
public final class UnitSheet {
    public static final String CSV = SheetFile.CSV;
    public static final String XLSX = SheetFile.XLSX;
    public static final int MAX_ROWS = 50_000;
    static final List<String> COLUMNS = List.of("code", "name", "shortname", "kind", "parentcode",
            "administrativeareacode", "contactperson", "contactphone", "contactemail");
    static final SheetFile.Layout LAYOUT = new SheetFile.Layout(COLUMNS, Set.of("code", "name"), MAX_ROWS);

    private UnitSheet() {
    }

    public static List<SheetFile.Row> read(byte[] content, String contentType) {
        return SheetFile.read(content, contentType, LAYOUT);
    }
}
