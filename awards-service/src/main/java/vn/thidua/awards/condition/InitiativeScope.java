package vn.thidua.awards.condition;

/**
 * The scope of an initiative's effect as a recognition found it, narrowest first: cơ sở, cấp tỉnh (or ministry),
 * toàn quốc. The individual titles ask for a scope (Law 06/2022 Arts 21–23), so "at least" compares the declaration order.
 */
public enum InitiativeScope {
    UNIT, PROVINCE, NATIONAL;

    public boolean atLeast(InitiativeScope other) {
        return ordinal() >= other.ordinal();
    }
}
