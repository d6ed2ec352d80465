package vn.thidua.awards.condition;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * What conditions look at, for one unit, award and achievement year, gathered by the service so
 * that every kind is evaluated in plain Java. {@code proposalsCounted} is the number of this award's
 * proposals of the year that count against the quota, this one included; {@code clusterLeaders} the
 * cluster-years of the year with a recorded emulation leader, and {@code leadersOutside} the leaders of
 * clusters/blocks run outside the system as the Board counted them: together the denominator of the leaders' quota. {@code yearEnd} is null when the unit's year-end report has not
 * reached this service. {@code otherAwards}: for each award a {@code MEETS_CONDITIONS_OF} condition names, the verdicts of
 * its own rule set on the same unit and year, judged by the service on the same day (absent when none is in force).
 * {@code person}: the person proposed, for a person award; null when the recipient is the unit.
 */
public record Facts(String unitCode, int year, String clusterName, boolean ledTheCluster, Integer rank, BigDecimal total,
                    Set<String> registeredTitles, String awardTypeCode, int proposalsCounted, int clusterLeaders, int leadersOutside,
                    List<HeldAward> awards, YearEnd yearEnd, Map<Integer, String> ratings, List<OpenProceeding> openProceedings,
                    Map<String, Attestation> attestations, Map<String, List<Verdict>> otherAwards, Person person) {

    /** The facts of a unit's proposal: no person. */
    public Facts(String unitCode, int year, String clusterName, boolean ledTheCluster, Integer rank, BigDecimal total,
                 Set<String> registeredTitles, String awardTypeCode, int proposalsCounted, int clusterLeaders, int leadersOutside,
                 List<HeldAward> awards, YearEnd yearEnd, Map<Integer, String> ratings, List<OpenProceeding> openProceedings,
                 Map<String, Attestation> attestations, Map<String, List<Verdict>> otherAwards) {
        this(unitCode, year, clusterName, ledTheCluster, rank, total, registeredTitles, awardTypeCode, proposalsCounted, clusterLeaders,
                leadersOutside, awards, yearEnd, ratings, openProceedings, attestations, otherAwards, null);
    }

    public Facts {
        registeredTitles = Set.copyOf(registeredTitles);
        awards = List.copyOf(awards);
        ratings = Map.copyOf(ratings);
        openProceedings = List.copyOf(openProceedings);
        attestations = Map.copyOf(attestations);
        otherAwards = Map.copyOf(otherAwards);
    }

    /** An award the unit holds (revoked ones are left out), with the kind of its award type. */
    public record HeldAward(String awardTypeCode, int year, AwardKind kind) {
    }

    /** The unit's year-end report: each registered target's attainment (null: not reported) and its member statistics (null: none). */
    public record YearEnd(List<BigDecimal> attainments, MemberStatistics statistics) {
        public YearEnd {
            attainments = Collections.unmodifiableList(new ArrayList<>(attainments));
        }
    }

    public record MemberStatistics(int members, int completingTasks, int advancedLabour, int grassrootsFighters,
                                   int disciplinedWarningOrAbove, int women, boolean confirmed) {
    }

    public record OpenProceeding(long id, String kind, LocalDate openedOn, String source) {
    }

    /** The Board's finding on a condition that only people can judge ({@code ATTESTED}). */
    public record Attestation(boolean holds, String basis, String by) {
    }

    /**
     * The person proposed: their results by year as their units recorded them, every recognition of the initiatives they
     * (co-)authored, and the person awards the ledger says they hold (revoked ones left out).
     */
    public record Person(UUID id, String fullName, String unitCode, Map<Integer, PersonYear> years, List<InitiativeRecognition> initiatives,
                         List<HeldAward> awards) {
        public Person {
            years = Map.copyOf(years);
            initiatives = List.copyOf(initiatives);
            awards = List.copyOf(awards);
        }
    }

    /** A person's result of one year: task rating (null: not rated), the titles the unit conferred, the heaviest discipline. */
    public record PersonYear(TaskCompletion taskRating, Set<String> titles, Discipline discipline) {
        public PersonYear {
            titles = Set.copyOf(titles);
        }
    }

    /** One recognition of an initiative: who recognised it, the scope of effect it found, and when. */
    public record InitiativeRecognition(UUID initiativeId, String title, RecognitionLevel level, InitiativeScope scope, LocalDate decidedOn) {
    }

    /** The same facts judged for another award: its code and its count against the quota; no further awards. */
    public Facts forAward(String otherAwardTypeCode, int otherProposalsCounted) {
        return new Facts(unitCode, year, clusterName, ledTheCluster, rank, total, registeredTitles, otherAwardTypeCode, otherProposalsCounted,
                clusterLeaders, leadersOutside, awards, yearEnd, ratings, openProceedings, attestations, Map.of(), person);
    }

    /** The same facts with the verdicts of the awards a {@code MEETS_CONDITIONS_OF} names. */
    public Facts withOtherAwards(Map<String, List<Verdict>> verdicts) {
        return new Facts(unitCode, year, clusterName, ledTheCluster, rank, total, registeredTitles, awardTypeCode, proposalsCounted,
                clusterLeaders, leadersOutside, awards, yearEnd, ratings, openProceedings, attestations, verdicts, person);
    }
}
