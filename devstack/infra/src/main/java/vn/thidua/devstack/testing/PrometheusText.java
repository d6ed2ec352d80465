package vn.thidua.devstack.testing;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a series out of a service's {@code /q/metrics}: the Prometheus text format, or OpenMetrics
 * with exemplars after the value ({@code 2.0 # {trace_id="..."} 1.0}), as a service that traces writes.
 */
public final class PrometheusText {
    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(?:\\{([^}]*)})? (\\S+)(?: # .*)?$", Pattern.MULTILINE);
    private static final Pattern LABEL = Pattern.compile("([a-zA-Z_][a-zA-Z0-9_]*)=\"((?:[^\"\\\\]|\\\\.)*)\"");

    private PrometheusText() {
    }

    /** The sum over every sample of {@code metric} whose labels include all of {@code labels}; 0 when there is none. */
    public static double sum(String exposition, String metric, Map<String, String> labels) {
        Matcher sample = SAMPLE.matcher(exposition);
        double sum = 0;
        while (sample.find()) {
            if (sample.group(1).equals(metric) && hasAll(sample.group(2), labels)) {
                sum += Double.parseDouble(sample.group(3));
            }
        }
        return sum;
    }

    private static boolean hasAll(String labelText, Map<String, String> wanted) {
        if (wanted.isEmpty()) {
            return true;
        }
        if (labelText == null) {
            return false;
        }
        Map<String, String> found = new HashMap<>();
        Matcher label = LABEL.matcher(labelText);
        while (label.find()) {
            found.put(label.group(1), label.group(2));
        }
        return wanted.entrySet().stream().allMatch(entry -> entry.getValue().equals(found.get(entry.getKey())));
    }
}
