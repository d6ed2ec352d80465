package vn.thidua.scoring.export;

import jakarta.ws.rs.core.Response;
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

    /** The file as a download named {@code baseName} with this format's extension. */
    public Response download(Table table, String sheetName, String baseName) {
        return this == XLSX ? table.xlsxDownload(sheetName, baseName + ".xlsx") : table.csvDownload(baseName + ".csv");
    }
}
