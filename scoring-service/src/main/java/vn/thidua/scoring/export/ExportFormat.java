package vn.thidua.scoring.export;

import java.util.Locale;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.platform.web.Table;

/** The formats a table is exported in, as the {@code format} query parameter names them. */
public enum ExportFormat {
    XLSX, CSV;

    public static ExportFormat parse(String raw) {
        if (raw == null || raw.isBlank()) {
            return XLSX;
        }
        try {
            return valueOf(raw.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw Refusal.invalid("invalid-field", "export.format.invalid", raw);
        }
    }

    /** The table as a file in this format, named {@code baseName} with this format's extension. */
    public ExportFile file(Table table, String sheetName, String baseName) {
        return this == XLSX
                ? new ExportFile(table.xlsx(sheetName), Table.XLSX, baseName + ".xlsx")
                : new ExportFile(table.csv(), Table.CSV, baseName + ".csv");
    }
}
