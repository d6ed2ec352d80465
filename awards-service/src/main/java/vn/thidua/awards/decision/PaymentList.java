package vn.thidua.awards.decision;

import java.text.Normalizer;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import vn.thidua.platform.web.Table;

/**
 * The payment list of a decision (danh sách chi trả tiền thưởng kèm theo quyết định), as the finance
 * office pays from it: Vietnamese headers, one numbered line per unit the decision names, and the
 * total of the awards that stand; for an award to persons one line per person, named first. Made from the decision as the API shows it, so the file and the
 * screen cannot differ.
 */
final class PaymentList {
    static final List<String> HEADERS = List.of("STT", "Mã đơn vị", "Tên đơn vị", "Hình thức khen thưởng", "Năm", "Số quyết định",
            "Ngày quyết định", "Cơ quan quyết định", "Mức lương cơ sở (đồng)", "Hệ số", "Số tiền (đồng)", "Ghi chú");
    /** For an award to persons: the person's name first, then the unit that proposed them, as the finance office pays people. */
    static final List<String> PERSON_HEADERS = List.of("STT", "Họ và tên", "Mã đơn vị", "Tên đơn vị", "Hình thức khen thưởng", "Năm",
            "Số quyết định", "Ngày quyết định", "Cơ quan quyết định", "Mức lương cơ sở (đồng)", "Hệ số", "Số tiền (đồng)", "Ghi chú");
    static final String SHEET = "Danh sách chi trả";
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private PaymentList() {
    }

    /** @param decision read in Vietnamese, the language of the list */
    static Table of(DecisionView decision) {
        String award = decision.awardName() == null ? decision.awardTypeCode() : decision.awardName();
        String day = DAY.format(decision.date());
        List<String> titles = List.of("DANH SÁCH CHI TRẢ TIỀN THƯỞNG",
                "(Kèm theo Quyết định số " + decision.number() + " ngày " + day + " của " + decision.authority() + ")",
                "Hình thức khen thưởng: " + award + " năm " + decision.year());
        boolean persons = decision.units().stream().anyMatch(unit -> unit.personId() != null);
        List<String> headers = persons ? PERSON_HEADERS : HEADERS;
        List<List<Object>> rows = new ArrayList<>();
        int number = 1;
        int unpaid = 0;
        for (DecisionView.UnitView unit : decision.units()) {
            List<Object> row = new ArrayList<>();
            row.add(number++);
            if (persons) {
                row.add(unit.personName() == null ? "" : unit.personName());
            }
            row.add(unit.unitCode());
            row.add(unit.unitName() == null ? "" : unit.unitName());
            row.add(award);
            row.add(decision.year());
            row.add(decision.number());
            row.add(day);
            row.add(decision.authority());
            row.add(blankIfNull(unit.baseSalary()));
            row.add(blankIfNull(unit.cashMultiple()));
            row.add(blankIfNull(unit.cashAmount()));
            row.add(unit.cashNote() == null ? "" : unit.cashNote());
            rows.add(row);
            if (!unit.revoked() && unit.cashAmount() == null) {
                unpaid++;
            }
        }
        List<Object> total = new ArrayList<>();
        for (int c = 0; c < headers.size(); c++) {
            total.add("");
        }
        total.set(1, "Tổng cộng");
        total.set(headers.indexOf("Số tiền (đồng)"), blankIfNull(decision.totalCash()));
        total.set(headers.size() - 1, unpaid == 0 ? "" : "Chưa tính được tổng: " + unpaid + (persons ? " cá nhân" : " đơn vị")
                + " chưa có số tiền thưởng");
        rows.add(total);
        return new Table(titles, headers, rows);
    }

    /**
     * {@code danh-sach-chi-tra-101-qd-ubnd.xlsx}: the decision's number in plain ASCII, so no browser
     * or mail client mangles the name and nothing of it can break out of the header.
     */
    static String fileName(DecisionView decision, String extension) {
        String ascii = Normalizer.normalize(decision.number().replace('Đ', 'D').replace('đ', 'd'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (ascii.length() > 80) {
            ascii = ascii.substring(0, 80).replaceAll("-+$", "");
        }
        return "danh-sach-chi-tra-" + (ascii.isEmpty() ? String.valueOf(decision.id()) : ascii) + "." + extension;
    }

    private static Object blankIfNull(Object value) {
        return value == null ? "" : value;
    }
}
