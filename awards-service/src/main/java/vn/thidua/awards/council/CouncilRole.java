package vn.thidua.awards.council;

/** A member's place on the Council; the chair, the vice-chairs and the standing members are its standing members. */
public enum CouncilRole {
    CHAIR,
    VICE_CHAIR,
    STANDING_MEMBER,
    SECRETARY,
    MEMBER;

    public boolean standing() {
        return this == CHAIR || this == VICE_CHAIR || this == STANDING_MEMBER;
    }
}
