package vn.thidua.awards.vote;

/** A voter's answer on one candidate: đồng ý, không đồng ý, or no answer. */
public enum Choice {
    FOR,
    AGAINST,
    ABSTAIN
}
