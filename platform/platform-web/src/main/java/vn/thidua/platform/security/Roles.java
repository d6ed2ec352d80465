package vn.thidua.platform.security;

import java.util.Set;

/** The roles carried in the JWT {@code groups} claim (architecture.md, "Security"). */
public final class Roles {
    public static final String ADMIN = "admin";
    /** An officer of the Emulation & Commendation Board (Ban Thi đua – Khen thưởng). */
    public static final String BOARD = "board";
    public static final String CLUSTER_LEADER = "cluster-leader";
    /** Acts for exactly one unit, named by the {@code unit} claim. */
    public static final String UNIT_REP = "unit-rep";
    /** The Department of Home Affairs portal, a service account. */
    public static final String PORTAL = "portal";
    public static final String VIEWER = "viewer";
    /**
     * A member of the provincial Emulation &amp; Commendation Council (Hội đồng Thi đua – Khen thưởng tỉnh) for
     * its term, named by the {@code member} claim: takes part in the Council's sessions and casts its ballot.
     */
    public static final String COUNCIL_MEMBER = "council-member";

    /** Every role a token may carry; anything else is unknown. */
    public static final Set<String> ALL = Set.of(ADMIN, BOARD, CLUSTER_LEADER, UNIT_REP, PORTAL, VIEWER, COUNCIL_MEMBER);

    /** The claim that names the unit a {@link #UNIT_REP} acts for. */
    public static final String UNIT_CLAIM = "unit";

    /** The claim that names the Council member (awards-service's member id) a {@link #COUNCIL_MEMBER} is. */
    public static final String MEMBER_CLAIM = "member";

    private Roles() {
    }
}
