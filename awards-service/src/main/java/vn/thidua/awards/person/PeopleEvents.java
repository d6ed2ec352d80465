package vn.thidua.awards.person;

/** What the readings of units-service's people events share: how a text field is held to the contract. */
final class PeopleEvents {
    private PeopleEvents() {
    }

    static boolean blankOrLonger(String text, int most) {
        return text == null || text.isBlank() || text.length() > most;
    }

    /** An optional text the contract does not bound, kept to the column's width rather than refused for it. */
    static String cut(String text, int most) {
        return text == null || text.length() <= most ? text : text.substring(0, most);
    }
}
