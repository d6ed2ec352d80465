package vn.thidua.scoring.sheet;

import jakarta.enterprise.context.ApplicationScoped;
import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import vn.thidua.platform.domain.Refusal;

/**
 * What counts as evidence (minh chứng) of a score, a target's result or an exemplary model: a
 * reference of one of two forms, never free text, so that "evidence required" cannot be met by any
 * string and no {@code javascript:} or look-alike link reaches the Board's screens:
 * <ul>
 * <li>an evidence file uploaded to this service ({@code /api/scoring/evidence/{id}}, as the upload
 *     answers), which must exist and have been uploaded for a sheet of the same unit: one unit cannot
 *     cite another's file;</li>
 * <li>an {@code https} address on a host of the allowed list ({@code thidua.evidence-links.allowed-hosts}:
 *     a host or any of its subdomains, e.g. {@code gov.vn}), without user information or a port
 *     other than 443.</li>
 * </ul>
 */
@ApplicationScoped
public class EvidenceLinks {
    static final int MAX_LENGTH = 2000;
    private static final Pattern UPLOADED = Pattern.compile("/api/scoring/evidence/([0-9a-fA-F-]{36})");

    private final List<String> allowedHosts;

    public EvidenceLinks(@ConfigProperty(name = "thidua.evidence-links.allowed-hosts") List<String> allowedHosts) {
        this.allowedHosts = allowedHosts.stream().map(host -> host.strip().toLowerCase(Locale.ROOT)).filter(host -> !host.isEmpty()).toList();
    }

    /** The references, each checked; a refusal names the field and the position of the first that is not of an allowed form. */
    public List<String> check(List<String> references, String unitCode, String field) {
        checkAll(Map.of(field, references), unitCode);
        return List.copyOf(references);
    }

    /**
     * The references of several fields of one unit (a report's results), checked together: their
     * uploaded files are looked up in one query, not one per field.
     */
    public void checkAll(Map<String, List<String>> referencesByField, String unitCode) {
        Map<UUID, String> uploaded = new LinkedHashMap<>();
        referencesByField.forEach((field, references) -> {
            for (int i = 0; i < references.size(); i++) {
                String reference = references.get(i);
                String at = field + "[" + i + "]";
                Matcher file = UPLOADED.matcher(reference);
                if (file.matches()) {
                    uploaded.put(uuid(file.group(1), at), at);
                } else if (!isAllowedAddress(reference)) {
                    throw Refusal.unprocessable("evidence-not-allowed", "evidence.link.not-allowed", at,
                            String.join(", ", allowedHosts));
                }
            }
        });
        requireUploadedFor(uploaded, unitCode);
    }

    boolean isAllowedAddress(String reference) {
        if (reference.length() > MAX_LENGTH) {
            return false;
        }
        URI uri;
        try {
            uri = new URI(reference);
        } catch (URISyntaxException malformed) {
            return false;
        }
        if (!"https".equalsIgnoreCase(uri.getScheme()) || uri.getRawUserInfo() != null || uri.getHost() == null
                || (uri.getPort() != -1 && uri.getPort() != 443)) {
            return false;
        }
        String host;
        try {
            host = IDN.toASCII(uri.getHost(), IDN.USE_STD3_ASCII_RULES).toLowerCase(Locale.ROOT);
        } catch (IllegalArgumentException notAHostName) {
            return false;
        }
        return allowedHosts.stream().anyMatch(allowed -> host.equals(allowed) || host.endsWith("." + allowed));
    }

    private static UUID uuid(String text, String at) {
        try {
            return UUID.fromString(text);
        } catch (IllegalArgumentException malformed) {
            throw Refusal.unprocessable("evidence-not-found", "evidence.link.not-found", at);
        }
    }

    private static void requireUploadedFor(Map<UUID, String> files, String unitCode) {
        if (files.isEmpty()) {
            return;
        }
        Set<UUID> ofTheUnit = EvidenceFile.getEntityManager().createQuery("""
                        SELECT f.id FROM EvidenceFile f, ScoreSheet s WHERE f.id IN :ids AND s.id = f.sheetId AND s.unitCode = :unit""", UUID.class)
                .setParameter("ids", files.keySet()).setParameter("unit", unitCode).getResultStream().collect(Collectors.toSet());
        files.forEach((file, at) -> {
            if (!ofTheUnit.contains(file)) {
                // absent or another unit's: the same answer, so the refusal tells nothing of other units' files
                throw Refusal.unprocessable("evidence-not-found", "evidence.link.not-found", at);
            }
        });
    }
}
