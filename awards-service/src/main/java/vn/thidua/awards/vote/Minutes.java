package vn.thidua.awards.vote;

import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Map;

/**
 * What the minutes (biên bản) of a session say: everything the Board files in the dossier, with
 * names resolved. {@code unitNames} maps unit codes to names; an unknown code prints as itself.
 */
public record Minutes(String clusterName, String clusterCode, int year, Purpose purpose, String awardName, Integer leadsYear,
                      boolean runoff, ZonedDateTime openedAt, ZonedDateTime closedAt, boolean published, String legalBasis,
                      LocalDate legalBasisDate, boolean secret, List<String> roll, List<String> present, VoteResult result,
                      Map<String, String> unitNames, java.time.LocalDate heldOn, String place, String ruleSetChosenBecause) {

    public Minutes {
        roll = List.copyOf(roll);
        present = List.copyOf(present);
        unitNames = Map.copyOf(unitNames);
    }

    String nameOf(String unitCode) {
        return unitNames.getOrDefault(unitCode, unitCode);
    }
}
