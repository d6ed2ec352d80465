package vn.thidua.platform.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.thidua.platform.domain.Refusal;

/**
 * Turns every failure of a REST call into an {@code application/problem+json} answer in the
 * caller's language. Nothing here ever sends a stack trace; unexpected failures are logged
 * with an id that the answer repeats, so support can find them.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    @ServerExceptionMapper
    public Response problem(ProblemException e, HttpHeaders headers, UriInfo uri) {
        Response response = answer(e.status(), e, headers, uri);
        return e.retryAfterSeconds() > 0
                ? Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds()).build()
                : response;
    }

    /** A refusal of domain or service code: its nature chooses the status (a state that does not allow the step 409, a broken rule 422, ...). */
    @ServerExceptionMapper
    public Response refused(Refusal e, HttpHeaders headers, UriInfo uri) {
        return answer(ProblemException.statusOf(e.nature()), e, headers, uri);
    }

    private Response answer(int status, Refusal e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.FieldError> errors = e.reasons().stream()
                .map(reason -> new Problem.FieldError(reason.field(), Messages.text(locale, reason.messageKey(), reason.args())))
                .toList();
        return respond(status, e.type(), locale, Messages.text(locale, e.messageKey(), e.args()), uri, errors);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        List<Problem.FieldError> errors = e.getConstraintViolations().stream()
                .map(v -> new Problem.FieldError(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.FieldError::field))
                .toList();
        return respond(400, "validation", locale, Messages.text(locale, "problem.validation"), uri, errors);
    }

    /** Also named on its own: Quarkus has a built-in mapper for this subtype that answers in plain JSON. */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadableJson(JsonProcessingException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        if (e instanceof JsonInputPolicy.RefusedValue refused) {
            String field = jsonPath(refused);
            String detail = Messages.text(locale, refused.messageKey(), field, refused.limit());
            return respond(400, "invalid-field", locale, detail, uri, List.of(new Problem.FieldError(field, detail)));
        }
        if (e instanceof JsonInputPolicy.UnknownProperties unknown) {
            String at = jsonPath(unknown);
            String prefix = at.equals("body") ? "" : at + ".";
            List<Problem.FieldError> errors = unknown.names().stream()
                    .map(name -> new Problem.FieldError(prefix + name, Messages.text(locale, "problem.field.unknown", prefix + name))).toList();
            String detail = Messages.text(locale, "problem.unknown-properties",
                    String.join(", ", unknown.names().stream().map(name -> prefix + name).toList()), String.join(", ", unknown.known()));
            return respond(400, "unknown-properties", locale, detail, uri, errors);
        }
        if (e instanceof StrictUtf8InputStream.Malformed malformed) {
            return respond(400, "malformed-encoding", locale, Messages.text(locale, "problem.malformed-encoding", String.valueOf(malformed.offset())), uri,
                    List.of());
        }
        String detail = Messages.text(locale, "problem.malformed-body");
        // a value of the wrong type: name its field, so the client knows which one
        List<Problem.FieldError> errors = e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()
                ? List.of(new Problem.FieldError(jsonPath(mapping), Messages.text(locale, "problem.field.wrong-type", jsonPath(mapping))))
                : List.of();
        return respond(400, "malformed-body", locale, detail, uri, errors);
    }

    /** {@code targets[0].name}: where in the body the refused value was. */
    private static String jsonPath(JsonMappingException e) {
        StringBuilder path = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.isEmpty() ? "body" : path.toString();
    }

    @ServerExceptionMapper({AuthenticationFailedException.class, UnauthorizedException.class})
    public Response unauthenticated(RuntimeException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        Response response = respond(401, "unauthenticated", locale, Messages.text(locale, "problem.unauthenticated"), uri, List.of());
        return Response.fromResponse(response).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        return respond(403, "forbidden", locale, Messages.text(locale, "problem.forbidden"), uri, List.of());
    }

    @ServerExceptionMapper
    public Response http(WebApplicationException e, HttpHeaders headers, UriInfo uri) {
        Locale locale = locale(headers);
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, headers, uri);
        }
        if (e.getCause() instanceof JsonProcessingException) {
            return unreadableJson((JsonProcessingException) e.getCause(), headers, uri);
        }
        String slug = "http-" + status;
        Response response = respond(status, slug, locale, Messages.text(locale, "problem." + slug), uri, List.of());
        Response.ResponseBuilder builder = Response.fromResponse(response);
        // keep what the standard responses carry, e.g. Allow on 405
        e.getResponse().getHeaders().forEach((name, values) -> {
            if (!HttpHeaders.CONTENT_TYPE.equalsIgnoreCase(name)) {
                values.forEach(value -> builder.header(name, value));
            }
        });
        return builder.build();
    }

    @ServerExceptionMapper(priority = Priorities.USER + 1000)
    public Response unexpected(Throwable e, HttpHeaders headers, UriInfo uri) {
        if (isConcurrentChange(e)) {
            // two writers of one row, the loser found out at commit: nothing was written, the caller may retry
            LOG.infof("Concurrent change refused on %s: %s", uri.getPath(), e.toString());
            Locale locale = locale(headers);
            return respond(409, "concurrent-change", locale, Messages.text(locale, "problem.concurrent-change"), uri, List.of());
        }
        if (DatabaseUnavailable.causedBy(e)) {
            return databaseUnavailable(e, headers, uri);
        }
        if (isUndecodableForm(e)) {
            Locale locale = locale(headers);
            return respond(400, "malformed-form", locale, Messages.text(locale, "problem.malformed-form"), uri, List.of());
        }
        String incident = UUID.randomUUID().toString();
        LOG.errorf(e, "Unexpected failure %s on %s", incident, uri.getPath());
        Locale locale = locale(headers);
        return respond(500, "internal", locale, Messages.text(locale, "problem.internal", incident), uri, List.of());
    }

    /**
     * A form body ({@code application/x-www-form-urlencoded}) whose percent-encoding does not decode,
     * {@code password=%zz}: RESTEasy Reactive's form reader lets {@link java.net.URLDecoder}'s
     * IllegalArgumentException out, which is the client's fault, not the server's.
     */
    static boolean isUndecodableForm(Throwable e) {
        if (!(e instanceof IllegalArgumentException)) {
            return false;
        }
        for (StackTraceElement frame : e.getStackTrace()) {
            if (frame.getClassName().equals("java.net.URLDecoder")) {
                return true;
            }
            if (!frame.getClassName().startsWith("java.")) {
                return false;
            }
        }
        return false;
    }

    /**
     * Whether an optimistic lock failed somewhere in the chain (JPA's exception, or Hibernate's when
     * it surfaces at commit, wrapped by the transaction and CDI). Matched by name: this library
     * serves services with and without persistence, and does not depend on Hibernate.
     */
    static boolean isConcurrentChange(Throwable e) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>(List.of(e));
        while (!pending.isEmpty()) {
            Throwable next = pending.pop();
            if (!seen.add(next)) {
                continue;
            }
            for (Class<?> type = next.getClass(); type != null; type = type.getSuperclass()) {
                if (CONCURRENT_CHANGE.contains(type.getName())) {
                    return true;
                }
            }
            if (next.getCause() != null) {
                pending.push(next.getCause());
            }
            Arrays.stream(next.getSuppressed()).forEach(pending::push);
        }
        return false;
    }

    private static final Set<String> CONCURRENT_CHANGE = Set.of(
            "jakarta.persistence.OptimisticLockException", "org.hibernate.StaleStateException");

    /**
     * The database is out of reach (restart, failover, network): nothing was changed, since the
     * transaction could not commit, and the same request will work once it is back. A 503 with
     * {@code Retry-After} says so to clients and to the gateway; a 500 would page someone for an
     * outage that is not a bug, and a stack trace per request would flood the log.
     */
    private Response databaseUnavailable(Throwable e, HttpHeaders headers, UriInfo uri) {
        LOG.warnf("Database unavailable on %s: %s", uri.getPath(), rootCause(e));
        Locale locale = locale(headers);
        Response response = respond(503, "database-unavailable", locale, Messages.text(locale, "problem.database-unavailable"), uri,
                List.of());
        return Response.fromResponse(response).header(HttpHeaders.RETRY_AFTER, DatabaseUnavailable.RETRY_AFTER_SECONDS).build();
    }

    private static String rootCause(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.toString();
    }

    static Locale locale(HttpHeaders headers) {
        return Messages.negotiate(headers.getHeaderString(HttpHeaders.ACCEPT_LANGUAGE));
    }

    private static Response respond(int status, String slug, Locale locale, String detail, UriInfo uri, List<Problem.FieldError> errors) {
        String title = Messages.text(locale, "problem.title." + slug);
        if (title.equals("problem.title." + slug)) {
            title = Response.Status.fromStatusCode(status) == null ? detail : Response.Status.fromStatusCode(status).getReasonPhrase();
        }
        Problem problem = new Problem(Problem.typeOf(slug), title, status, detail, uri.getPath(), errors);
        return Response.status(status)
                .type(Problem.MEDIA_TYPE)
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .entity(problem)
                .build();
    }

    private static String fieldName(ConstraintViolation<?> violation) {
        // "create.arg0.name" -> "name": the client knows its JSON fields, not our method names
        String path = violation.getPropertyPath().toString();
        int lastDot = path.lastIndexOf('.');
        return lastDot < 0 ? path : path.substring(lastDot + 1);
    }
}
