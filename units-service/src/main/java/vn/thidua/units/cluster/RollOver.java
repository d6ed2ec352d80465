package vn.thidua.units.cluster;

import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * What next year's cluster-year looks like when the Board rolls a cluster over: same code, name,
 * kind and members (those still active), and a leadership that is
 * <ol>
 *   <li>the result the members elected for that year, when awards-service already announced one
 *       whose leader and deputy are among the carried members; otherwise</li>
 *   <li>this year's deputy as proposed leader (the usual rotation), with no deputy yet; otherwise none.</li>
 * </ol>
 */
public final class RollOver {

    /** What to create; {@code election} tells whether an announced election was used, refused or absent. */
    public record Plan(EmulationYear year, Set<String> members, Leadership leadership, LeadershipBasis basis,
                       ElectionUse election) {
    }

    public enum ElectionUse { NONE, USED, NOT_APPLICABLE }

    private RollOver() {
    }

    public static Plan plan(EmulationYear current, Roster roster, Predicate<String> stillActive, Optional<Leadership> elected) {
        EmulationYear next = current.next();
        Set<String> members = new LinkedHashSet<>();
        roster.members().stream().filter(stillActive).forEach(members::add);

        ElectionUse use = ElectionUse.NONE;
        if (elected.isPresent()) {
            Leadership result = elected.get();
            if (fits(result, members)) {
                return new Plan(next, members, result, LeadershipBasis.ELECTED, ElectionUse.USED);
            }
            use = ElectionUse.NOT_APPLICABLE;
        }
        String deputy = roster.leadership().deputyUnitCode();
        if (deputy != null && members.contains(deputy)) {
            return new Plan(next, members, new Leadership(deputy, null), LeadershipBasis.ROTATION, use);
        }
        return new Plan(next, members, Leadership.NONE, null, use);
    }

    private static boolean fits(Leadership leadership, Set<String> members) {
        String leader = leadership.leaderUnitCode();
        String deputy = leadership.deputyUnitCode();
        return leader != null && members.contains(leader)
                && (deputy == null || (members.contains(deputy) && !deputy.equals(leader)));
    }
}
