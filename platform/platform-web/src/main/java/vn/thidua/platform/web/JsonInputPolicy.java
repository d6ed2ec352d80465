package vn.thidua.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.IOException;
import java.math.BigDecimal;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The object mapper for request bodies: the application's own, plus the input policy, so that a
 * hostile value is refused while the body is read, before any service logic or database sees it,
 * with a 400 problem naming the field ({@link ProblemMappers}).
 * <ul>
 * <li>every string, wherever it sits (a record field, a list item, a map key or value), must pass
 *     {@link TextPolicy} and arrives in NFC;</li>
 * <li>the body is one JSON value and nothing after it;</li>
 * <li>a whole-number field takes whole numbers only, never a fraction or an exponent Jackson would truncate;</li>
 * <li>every decimal must be below {@link #MAX_DECIMAL} in magnitude and carry at most
 *     {@link #MAX_DECIMAL_PLACES} decimal places: the widest column (NUMERIC(14, 2)) stays below a
 *     trillion, and a value like {@code 1e309} or {@code 1e-100000} would otherwise reach
 *     PostgreSQL and fail there as an internal error.</li>
 * </ul>
 * Only the REST server reads with it: events between the services keep the plain mapper, so a
 * stored value is never refused on its way to another service. A service turns it on with
 * {@value #ENABLED}{@code =true}, which also turns on {@link BodyLimit}; it is off by default
 * because not every user of this library takes only names and reasons (the gateway takes
 * passwords, in which any character must be allowed).
 */
@Provider
@ConstrainedTo(RuntimeType.SERVER)
public class JsonInputPolicy implements ContextResolver<ObjectMapper> {
    public static final String ENABLED = "thidua.input-policy.enabled";
    public static final BigDecimal MAX_DECIMAL = new BigDecimal("1e12");
    public static final int MAX_DECIMAL_PLACES = 10;
    /** As {@link BodyLimit}'s default for JSON, counted in characters rather than bytes. */
    static final long MAX_DOCUMENT_CHARS = 1024L * 1024;

    private final ObjectMapper mapper;

    public JsonInputPolicy(ObjectMapper applicationMapper, @ConfigProperty(name = ENABLED, defaultValue = "false") boolean enabled) {
        if (!enabled) {
            this.mapper = applicationMapper;
            return;
        }
        // trailing tokens: "{...}}garbage" is not a JSON body, however good its start; and a fraction is not
        // a whole number (Jackson would cut 2.7 to 2, and 1e-400 to 0, without a word)
        this.mapper = applicationMapper.copy().registerModule(module())
                .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        // a body sent in chunks has no length for BodyLimit to check; the parser counts it instead
        mapper.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxDocumentLength(MAX_DOCUMENT_CHARS).build());
    }

    @Override
    public ObjectMapper getContext(Class<?> type) {
        return mapper;
    }

    static SimpleModule module() {
        SimpleModule module = new SimpleModule("thidua-input-policy");
        module.addDeserializer(String.class, new PolicedString());
        module.addDeserializer(BigDecimal.class, new BoundedDecimal());
        module.addKeyDeserializer(String.class, new PolicedKey());
        return module;
    }

    /** A value the policy refuses: a mapping failure, so Jackson adds the path of the field to it. */
    public static final class RefusedValue extends JsonMappingException {
        private final transient String messageKey;
        private final transient Object limit;

        RefusedValue(JsonParser parser, String messageKey, Object limit) {
            super(parser, messageKey);
            this.messageKey = messageKey;
            this.limit = limit;
        }

        public String messageKey() {
            return messageKey;
        }

        /** The limit the message names as its second argument, or {@code null}. */
        public Object limit() {
            return limit;
        }
    }

    private static final class PolicedString extends StdScalarDeserializer<String> {
        PolicedString() {
            super(String.class);
        }

        @Override
        public String deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            if (!parser.hasToken(JsonToken.VALUE_STRING)) {
                // numbers and booleans become text as Jackson always made them; objects and arrays are refused there
                String coerced = StringDeserializer.instance.deserialize(parser, context);
                return coerced == null ? null : police(parser, coerced);
            }
            return police(parser, parser.getText());
        }

        private static String police(JsonParser parser, String text) throws RefusedValue {
            TextPolicy.Violation violation = TextPolicy.violation(text);
            if (violation != null) {
                throw new RefusedValue(parser, violation.messageKey(),
                        violation == TextPolicy.Violation.TOO_LONG ? TextPolicy.MAX_LENGTH : null);
            }
            return TextPolicy.normalize(text);
        }
    }

    /** A map's keys are text the client chose too (a ballot's unit codes, for one). */
    private static final class PolicedKey extends KeyDeserializer {
        @Override
        public Object deserializeKey(String key, DeserializationContext context) throws IOException {
            return PolicedString.police(context.getParser(), key);
        }
    }

    private static final class BoundedDecimal extends StdScalarDeserializer<BigDecimal> {
        BoundedDecimal() {
            super(BigDecimal.class);
        }

        @Override
        public BigDecimal deserialize(JsonParser parser, DeserializationContext context) throws IOException {
            BigDecimal value = NumberDeserializers.BigDecimalDeserializer.instance.deserialize(parser, context);
            if (value == null) {
                return null;
            }
            if (value.abs().compareTo(MAX_DECIMAL) >= 0) {
                throw new RefusedValue(parser, "problem.field.number-too-large", MAX_DECIMAL.toPlainString());
            }
            if (value.stripTrailingZeros().scale() > MAX_DECIMAL_PLACES) {
                throw new RefusedValue(parser, "problem.field.too-many-decimals", MAX_DECIMAL_PLACES);
            }
            return value;
        }
    }
}
