package vn.thidua.units.cluster;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import vn.thidua.platform.web.openapi.ApiDocs;

/** What clients send to change cluster-years: the bodies of {@link ClusterResource}'s writes. */
public final class ClusterRequests {
    private ClusterRequests() {
    }

    /** What a client sends to open a cluster-year; {@code members} (unit codes) may be left out. */
    public record NewCluster(@Schema(required = true, maxLength = ClusterCode.MAX_LENGTH, pattern = "^[0-9A-Za-z]+([-.][0-9A-Za-z]+)*$",
                                     description = "The same code year after year, such as CUM-07; case forgiven.") String code,
                             @Schema(required = true, maxLength = ClusterName.MAX_LENGTH) String name,
                             @Schema(required = true, enumeration = {"CLUSTER", "BLOCK"}, description = "Case forgiven.") String kind,
                             @Schema(required = true, minimum = "2000", maximum = "2100") Integer year,
                             @Schema(description = "The member units' codes (each counted once); may be left out.")
                             List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> members) {
    }

    public record NewMember(@Schema(required = true, pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH) String unitCode) {
    }

    public record LeadershipChange(@Schema(required = true, pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH,
                                           description = "A member of the cluster that year.") String leaderUnitCode,
                                   @Schema(pattern = ApiDocs.UNIT_CODE_PATTERN, maxLength = ApiDocs.UNIT_CODE_MAX_LENGTH,
                                           description = "Another member; left out: no deputy.") String deputyUnitCode) {
    }

    public record AgreementChange(@Schema(required = true, description = "In the cluster's year or the year before; not in the future.") LocalDate signedOn,
                                  @Schema(required = true, minItems = 1, description = "The signing member units' codes (each counted once).")
                                  List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> signatories) {
    }

    /** The units a cluster that voted on paper recognised as leading its emulation, and the minutes' reference. */
    public record EmulationLeadersChange(@Schema(required = true, maxItems = 10, uniqueItems = true,
                                                 description = "Current members, in order; an empty list clears them.")
                                         List<@Size(max = ApiDocs.UNIT_CODE_MAX_LENGTH) @Pattern(regexp = ApiDocs.UNIT_CODE_PATTERN) String> unitCodes,
                                         @Schema(maxLength = EmulationLeader.MAX_REFERENCE_LENGTH,
                                                 description = "The paper minutes' reference: required unless the list is empty.") String reference) {
    }
}
