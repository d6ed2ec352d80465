package vn.thidua.units.cluster;

import java.time.LocalDate;
import java.util.Collection;
import vn.thidua.platform.domain.Refusal;

/**
 * The emulation agreement (giao ước thi đua) of a cluster-year: signed by member units, on a date
 * in that year or at the previous year's review conference (Thanh Hóa cluster 7 signs next year's
 * agreement at its year-end conference), and never in the future.
 */
public final class AgreementRules {

    private AgreementRules() {
    }

    public static void requireValid(LocalDate signedOn, Collection<String> signatories, Roster roster,
                                    EmulationYear year, LocalDate today) {
        if (signedOn == null) {
            throw Refusal.invalid("invalid-cluster-agreement", "cluster.agreement.signed-on-required");
        }
        if (signatories == null || signatories.isEmpty()) {
            throw Refusal.invalid("invalid-cluster-agreement", "cluster.agreement.signatories-required");
        }
        if (signedOn.isAfter(today)) {
            throw Refusal.unprocessable("cluster-agreement-date", "cluster.agreement.signed-on-future", signedOn.toString());
        }
        if (signedOn.getYear() < year.value() - 1 || signedOn.getYear() > year.value()) {
            throw Refusal.unprocessable("cluster-agreement-date", "cluster.agreement.signed-on-out-of-year",
                    signedOn.toString(), String.valueOf(year.value()));
        }
        for (String signatory : signatories) {
            if (!roster.contains(signatory)) {
                throw Refusal.unprocessable("cluster-agreement-signatory-not-member",
                        "cluster.agreement.signatory-not-member", signatory, String.valueOf(year.value()));
            }
        }
    }
}
