package vn.thidua.units.initiative;

/** Who recognised an initiative: the Initiative Council of the unit (cơ sở), of the province, or a national one; lowest first. */
public enum RecognitionLevel { GRASSROOTS, PROVINCE, NATIONAL }
