package vn.thidua.awards.condition;

import java.util.Objects;
import java.util.Optional;
import vn.thidua.platform.web.openapi.ApiDocs;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One condition of a rule set as the Board writes it: either a kind of the {@link Vocabulary} with
 * its parameters, or a group of conditions of which {@code all} or {@code any} must hold. Each
 * carries its legal citation and the confidence tag of that citation (V, V2, M, ?).
 * <p>
 * {@code value} and {@code awardTypeCode} are the form rule sets had before kinds took named
 * parameters; they are read into {@code params} (see {@link Vocabulary#legacyValueParam}) and never written.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(@Schema(description = "A kind of condition (docs/rules.md); leave it out for a group (`all` or `any`).") String kind,
                        @Schema(description = "The kind's named parameters.") Map<String, JsonNode> params,
                        @Schema(maxLength = 300) String citation,
                        @Schema(enumeration = {"V", "V2", "M", "?"}, description = ApiDocs.TAG_DESCRIPTION) String tag,
                        @Schema(description = "A group: every one of these must hold.") List<Condition> all,
                        @Schema(description = "A group: at least one of these must hold.") List<Condition> any,
                        @Schema(deprecated = true, description = "Read into `params` (the form before kinds took named parameters); never written.") BigDecimal value,
                        @Schema(deprecated = true, description = "Read into `params` (the form before kinds took named parameters); never written.") String awardTypeCode) {

    public Condition {
        Map<String, JsonNode> named = params == null ? new LinkedHashMap<>() : new LinkedHashMap<>(params);
        if (kind != null) {
            String valueParam = Vocabulary.legacyValueParam(kind);
            if (value != null && valueParam != null) {
                named.putIfAbsent(valueParam, JsonNodeFactory.instance.numberNode(value));
                value = null;
            }
            if (awardTypeCode != null) {
                named.putIfAbsent("awardTypeCode", JsonNodeFactory.instance.textNode(awardTypeCode));
                awardTypeCode = null;
            }
        }
        params = named.isEmpty() ? null : Collections.unmodifiableMap(named);
        all = all == null ? null : Collections.unmodifiableList(new ArrayList<>(all));
        any = any == null ? null : Collections.unmodifiableList(new ArrayList<>(any));
    }

    public static Condition of(String kind, Map<String, JsonNode> params, String citation, String tag) {
        return new Condition(kind, params, citation, tag, null, null, null, null);
    }

    public static Condition allOf(List<Condition> conditions, String citation, String tag) {
        return new Condition(null, null, citation, tag, conditions, null, null, null);
    }

    public static Condition anyOf(List<Condition> conditions, String citation, String tag) {
        return new Condition(null, null, citation, tag, null, conditions, null, null);
    }

    /** The parameters, never null. */
    public Map<String, JsonNode> parameters() {
        return params == null ? Map.of() : params;
    }

    boolean isGroup() {
        return kind == null && (all != null || any != null);
    }

    /** This condition and every one inside it of that kind, in order. */
    public List<Condition> findAll(String someKind) {
        List<Condition> found = new ArrayList<>();
        if (someKind.equals(kind)) {
            found.add(this);
        }
        for (Condition c : all != null ? all : any != null ? any : List.<Condition>of()) {
            if (c != null) {
                found.addAll(c.findAll(someKind));
            }
        }
        return found;
    }

    /** This condition, or the first one inside it, of that kind. */
    public Optional<Condition> find(String someKind) {
        if (someKind.equals(kind)) {
            return Optional.of(this);
        }
        List<Condition> inside = all != null ? all : any != null ? any : List.of();
        return inside.stream().filter(Objects::nonNull).map(c -> c.find(someKind)).flatMap(Optional::stream).findFirst();
    }
}
