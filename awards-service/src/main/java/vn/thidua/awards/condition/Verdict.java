package vn.thidua.awards.condition;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;

/**
 * A condition's outcome and why: {@code messageKey} and {@code args} explain it in either
 * language; a group's verdict has its members' verdicts as {@code children}. {@code kind} is the
 * condition's kind, or {@code all} / {@code any} for a group.
 */
public record Verdict(String kind, Map<String, JsonNode> params, String citation, String tag, Outcome outcome, String messageKey,
                      List<Object> args, List<Verdict> children) {

    public Verdict {
        params = params == null ? Map.of() : params;
        args = List.copyOf(args);
        children = List.copyOf(children);
    }

    public boolean passed() {
        return outcome == Outcome.PASS;
    }

    /** The conditions that keep this one from holding: itself when it is a kind, its failing or unknown members when a group. */
    public List<Verdict> blocking() {
        if (passed()) {
            return List.of();
        }
        if (children.isEmpty()) {
            return List.of(this);
        }
        if (kind.equals(Vocabulary.ANY)) {
            return List.of(this);
        }
        return children.stream().flatMap(child -> child.blocking().stream()).toList();
    }
}
