package vn.thidua.platform.web;

import java.util.Locale;

/** Small checks every resource makes on what a client sent, with the same problems everywhere. */
public final class Requests {
    private Requests() {
    }

    /** 400 when a call that needs a JSON body came without one. */
    public static <T> T requireBody(T body) {
        if (body == null) {
            throw ProblemException.badRequest("missing-body", "problem.body-missing");
        }
        return body;
    }

    /** An optional positive id from a query parameter: null when absent, 400 naming the parameter when malformed. */
    public static Long optionalId(String raw, String parameter) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            long id = Long.parseLong(raw.strip());
            if (id > 0) {
                return id;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-" + kebab(parameter), "problem.parameter.invalid-id", parameter, raw);
    }

    /** An optional year from a query parameter: null when absent, 400 when it is not a year from {@code min} to {@code max}. */
    public static Integer optionalYear(String raw, int min, int max) {
        if (raw == null || raw.isBlank()) {
            return null;
        }
        try {
            int year = Integer.parseInt(raw.strip());
            if (year >= min && year <= max) {
                return year;
            }
        } catch (NumberFormatException malformed) {
            // answered below
        }
        throw ProblemException.badRequest("invalid-year", "problem.parameter.invalid-year", raw, min, max);
    }

    /** The same, required: 400 when absent. */
    public static int requiredYear(String raw, int min, int max) {
        Integer year = optionalYear(raw, min, max);
        if (year == null) {
            throw ProblemException.badRequest("invalid-field", "problem.field.required", "year");
        }
        return year;
    }

    private static String kebab(String camel) {
        return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
    }
}
