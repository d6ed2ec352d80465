package vn.thidua.units.person;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import vn.thidua.platform.time.VietnamTime;

/**
 * Counts a unit's member statistics from its people and announces them when they change, in the
 * transaction of the change that moved them, so scoring-service never holds figures the people no
 * longer give. Counting is a few queries per unit and year; a change marks the years it can touch.
 */
@ApplicationScoped
public class MemberStatisticsService {
    /** How many years back a membership change recounts: older years' reviews are long closed. */
    static final int YEARS_BACK = 5;

    private final PersonAnnouncements announce;
    private final Clock clock;

    public MemberStatisticsService(PersonAnnouncements announce, Clock clock) {
        this.announce = announce;
        this.clock = clock;
    }

    public record UnitYear(String unitCode, int year) implements Comparable<UnitYear> {
        @Override
        public int compareTo(UnitYear other) {
            int byUnit = unitCode.compareTo(other.unitCode);
            return byUnit != 0 ? byUnit : Integer.compare(year, other.year);
        }
    }

    LocalDate today() {
        return LocalDate.now(clock.withZone(VietnamTime.ZONE));
    }

    /** The unit-years a membership period can change: the years it touches, from at most {@value #YEARS_BACK} years back. */
    Set<UnitYear> touchedBy(PersonMembership membership) {
        Set<UnitYear> touched = new TreeSet<>();
        int now = today().getYear();
        int from = Math.max(membership.joinedOn.getYear(), now - YEARS_BACK);
        int to = membership.leftOn == null ? now : Math.min(now, membership.leftOn.getYear() + 1);
        for (int year = from; year <= to; year++) {
            touched.add(new UnitYear(membership.unitCode, year));
        }
        return touched;
    }

    /** The statistics as the people give them now. */
    public MemberStatistics count(String unitCode, int year) {
        LocalDate on = MemberStatistics.countedOn(year, today());
        List<PersonMembership> memberships = PersonMembership.list(
                "unitCode = ?1 and joinedOn <= ?2 and (leftOn is null or leftOn >= ?2)", unitCode, on);
        if (memberships.isEmpty()) {
            return MemberStatistics.NONE;
        }
        List<UUID> ids = memberships.stream().map(m -> m.personId).distinct().toList();
        Map<UUID, Gender> genders = new HashMap<>();
        Map<UUID, PersonYear> results = new HashMap<>();
        for (int from = 0; from < ids.size(); from += 1000) {
            List<UUID> chunk = ids.subList(from, Math.min(ids.size(), from + 1000));
            Person.<Person>list("id in ?1", chunk).forEach(p -> genders.put(p.id, p.gender));
            PersonYear.<PersonYear>list("personId in ?1 and year = ?2", chunk, year).forEach(r -> results.put(r.personId, r));
        }
        List<MemberStatistics.Member> members = new ArrayList<>();
        for (UUID id : ids) {
            members.add(new MemberStatistics.Member(genders.get(id), results.get(id)));
        }
        return MemberStatistics.count(members);
    }

    /** Recounts each unit-year and announces those whose figures changed. */
    public void recount(Collection<UnitYear> unitYears) {
        for (UnitYear unitYear : new TreeSet<>(unitYears)) {
            MemberStatistics now = count(unitYear.unitCode(), unitYear.year());
            CountedStatistics last = CountedStatistics.findById(new CountedStatistics.Key(unitYear.unitCode(), unitYear.year()));
            if (last == null) {
                if (now.members() == 0) {
                    continue;
                }
                last = new CountedStatistics();
                last.unitCode = unitYear.unitCode();
                last.year = unitYear.year();
                last.version = -1;
                last.take(now);
                last.persist();
            } else if (last.statistics().equals(now)) {
                continue;
            }
            last.take(now);
            last.version++;
            announce.statistics(new PersonEvents.MemberStatisticsState(unitYear.unitCode(), unitYear.year(),
                            now.members(), now.completingTasks(), now.advancedLabour(), now.grassrootsFighters(),
                            now.disciplinedWarningOrAbove(), now.women(), now.withoutResult(), last.version));
        }
    }
}
