package vn.thidua.platform.web;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.core.io.InputDecorator;
import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.DeserializationConfig;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.KeyDeserializer;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.deser.BeanDeserializerBase;
import com.fasterxml.jackson.databind.deser.BeanDeserializerModifier;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.deser.std.DelegatingDeserializer;
import com.fasterxml.jackson.databind.deser.std.NumberDeserializers;
import com.fasterxml.jackson.databind.deser.std.StdScalarDeserializer;
import com.fasterxml.jackson.databind.deser.std.StringDeserializer;
import com.fasterxml.jackson.databind.module.SimpleModule;
import jakarta.ws.rs.ConstrainedTo;
import jakarta.ws.rs.RuntimeType;
import jakarta.ws.rs.ext.ContextResolver;
import jakarta.ws.rs.ext.Provider;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The object mapper for request bodies: the application's own, plus the input policy, so that a
 * hostile value is refused while the body is read, before any service logic or database sees it,
 * with a 400 problem naming the field ({@link ProblemMappers}).
 * <ul>
 * <li>every string, wherever it sits (a record field, a list item, a map key or value), must pass
 *     {@link TextPolicy} and arrives in NFC;</li>
 * <li>the body is well-formed UTF-8 ({@link StrictUtf8InputStream}), never decoded leniently;</li>
 * <li>the body is one JSON value and nothing after it;</li>
 * <li>every property of an object is one its type has: a misspelt or unknown property ({@code "parent"}
 *     for {@code "parentCode"}) would otherwise be dropped without a word and the rest saved, so it
 *     is refused with all the unknown names and the known ones listed ({@link UnknownProperties});</li>
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
        ObjectMapper strict = applicationMapper.copy().registerModule(UnknownProperties.module())
                .addHandler(new UnknownProperties.Collector());
        strict.getFactory().setInputDecorator(new StrictUtf8());
        if (!enabled) {
            this.mapper = strict;
            return;
        }
        // trailing tokens: "{...}}garbage" is not a JSON body, however good its start; and a fraction is not
        // a whole number (Jackson would cut 2.7 to 2, and 1e-400 to 0, without a word)
        this.mapper = strict.registerModule(module())
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

    /** Every JSON body is read through {@link StrictUtf8InputStream} (RFC 8259: JSON exchanged between systems is UTF-8). */
    private static final class StrictUtf8 extends InputDecorator {
        @Override
        public InputStream decorate(IOContext context, InputStream in) {
            return new StrictUtf8InputStream(in);
        }

        @Override
        public InputStream decorate(IOContext context, byte[] source, int offset, int length) {
            return new StrictUtf8InputStream(new ByteArrayInputStream(source, offset, length));
        }

        @Override
        public Reader decorate(IOContext context, Reader reader) {
            return reader; // already characters: whoever decoded them chose how
        }
    }

    /**
     * Properties a body's object has that its type does not. Jackson reports them one at a time and
     * moves on ({@link Collector}); each object's deserializer is wrapped ({@link Refusing}) to
     * gather those of its own object and refuse them together once the object is read, so the
     * client learns every misspelt name at once, with the names it could have used.
     */
    public static final class UnknownProperties extends JsonMappingException {
        private static final String ATTRIBUTE = UnknownProperties.class.getName();
        private final transient List<String> names;
        private final transient List<String> known;

        UnknownProperties(JsonParser parser, List<String> names, List<String> known) {
            super(parser, "unknown properties " + names);
            this.names = List.copyOf(names);
            this.known = List.copyOf(known);
        }

        /** The unknown names, in the order sent. */
        public List<String> names() {
            return names;
        }

        /** The names the object takes, sorted. */
        public List<String> known() {
            return known;
        }

        static SimpleModule module() {
            SimpleModule module = new SimpleModule("thidua-unknown-properties");
            module.setDeserializerModifier(new BeanDeserializerModifier() {
                @Override
                public JsonDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription description,
                        JsonDeserializer<?> deserializer) {
                    return deserializer instanceof BeanDeserializerBase ? new Refusing(deserializer) : deserializer;
                }
            });
            return module;
        }

        /** Notes each unknown property in the list of the object being read, and skips its value. */
        static final class Collector extends DeserializationProblemHandler {
            @Override
            @SuppressWarnings("unchecked")
            public boolean handleUnknownProperty(DeserializationContext context, JsonParser parser, JsonDeserializer<?> deserializer,
                    Object beanOrClass, String propertyName) throws IOException {
                Object pending = context.getAttribute(ATTRIBUTE);
                if (!(pending instanceof List<?>)) {
                    return false; // not inside an object this module reads: Jackson's own rule applies
                }
                ((List<String>) pending).add(propertyName);
                parser.skipChildren();
                return true;
            }
        }

        private static final class Refusing extends DelegatingDeserializer {
            Refusing(JsonDeserializer<?> delegate) {
                super(delegate);
            }

            @Override
            protected JsonDeserializer<?> newDelegatingInstance(JsonDeserializer<?> newDelegatee) {
                return newDelegatee instanceof BeanDeserializerBase ? new Refusing(newDelegatee) : newDelegatee;
            }

            @Override
            public Object deserialize(JsonParser parser, DeserializationContext context) throws IOException {
                Object outer = context.getAttribute(ATTRIBUTE);
                List<String> unknown = new ArrayList<>();
                context.setAttribute(ATTRIBUTE, unknown);
                Object value;
                try {
                    value = _delegatee.deserialize(parser, context);
                } finally {
                    context.setAttribute(ATTRIBUTE, outer);
                }
                if (!unknown.isEmpty()) {
                    throw new UnknownProperties(parser, unknown, knownNames());
                }
                return value;
            }

            private List<String> knownNames() {
                TreeSet<String> names = new TreeSet<>();
                if (_delegatee instanceof BeanDeserializerBase bean) {
                    bean.getKnownPropertyNames().forEach(name -> names.add(String.valueOf(name)));
                }
                return List.copyOf(names);
            }
        }
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
