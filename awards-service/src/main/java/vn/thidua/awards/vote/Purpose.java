package vn.thidua.awards.vote;

import java.util.List;

/** What a voting session decides. */
public enum Purpose {
    /** Which unit leads the cluster this year and is proposed for the session's award (suy tôn dẫn đầu cụm). */
    LEAD_AND_PROPOSE(List.of(Contest.LEAD)),
    /** Who leads the cluster next year and who is deputy (bầu cụm trưởng, cụm phó). */
    ELECT_LEADERSHIP(List.of(Contest.LEADER, Contest.DEPUTY));

    private final List<Contest> contests;

    Purpose(List<Contest> contests) {
        this.contests = contests;
    }

    /** The contests on a ballot of this purpose, in the order they are decided. */
    public List<Contest> contests() {
        return contests;
    }
}
