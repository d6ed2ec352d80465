package vn.thidua.units.cluster;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import vn.thidua.platform.domain.Refusal;
import vn.thidua.units.unit.UnitCode;

/**
 * What the Board may record as a cluster-year's emulation leaders (PUT /emulation-leaders): 1 to
 * {@value #MAX_UNITS} current members, each once, with the reference of the paper minutes; an
 * empty list clears them. A cluster names one leading unit as a rule; a big block may name a few.
 */
final class EmulationLeaderRules {
    static final int MAX_UNITS = 10;

    private EmulationLeaderRules() {
    }

    /** The leaders as recorded, in the order given; refuses (400/422 problem) anything the rules do not allow. */
    static List<EmulationLeader> recorded(List<String> rawUnitCodes, String rawReference, Set<String> members) {
        if (rawUnitCodes == null) {
            throw Refusal.invalid("cluster-emulation-leaders-required", "cluster.emulation-leaders.required");
        }
        if (rawUnitCodes.isEmpty()) {
            return List.of();
        }
        if (rawUnitCodes.size() > MAX_UNITS) {
            throw Refusal.unprocessable("cluster-emulation-leaders-too-many", "cluster.emulation-leaders.too-many",
                    rawUnitCodes.size(), MAX_UNITS);
        }
        String reference = reference(rawReference);
        Set<String> seen = new HashSet<>();
        List<EmulationLeader> leaders = new ArrayList<>();
        for (String raw : rawUnitCodes) {
            String code = UnitCode.parse(raw).value();
            if (!seen.add(code)) {
                throw Refusal.unprocessable("cluster-emulation-leaders-duplicate", "cluster.emulation-leaders.duplicate", code);
            }
            if (!members.contains(code)) {
                throw Refusal.unprocessable("cluster-emulation-leader-not-member", "cluster.emulation-leaders.not-member", code);
            }
            leaders.add(EmulationLeader.recorded(code, reference));
        }
        return List.copyOf(leaders);
    }

    /** The minutes' reference in NFC with white space folded: required, at most {@value EmulationLeader#MAX_REFERENCE_LENGTH} characters. */
    static String reference(String raw) {
        if (raw == null || raw.isBlank()) {
            throw Refusal.invalid("cluster-emulation-leaders-reference", "cluster.emulation-leaders.reference-required");
        }
        if (raw.codePoints().anyMatch(ClusterName::isForbidden)) {
            throw Refusal.invalid("cluster-emulation-leaders-reference", "cluster.emulation-leaders.reference-control-characters");
        }
        String folded = Normalizer.normalize(raw, Normalizer.Form.NFC).strip().replaceAll("\\s+", " ");
        if (folded.length() > EmulationLeader.MAX_REFERENCE_LENGTH) {
            throw Refusal.invalid("cluster-emulation-leaders-reference", "cluster.emulation-leaders.reference-too-long",
                    EmulationLeader.MAX_REFERENCE_LENGTH);
        }
        return folded;
    }
}
