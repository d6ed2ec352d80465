package vn.thidua.awards.condition;

/** Who recognised an initiative: the unit's Initiative Council (cơ sở), the province, or a national body. */
public enum RecognitionLevel {
    GRASSROOTS, PROVINCE, NATIONAL
}
