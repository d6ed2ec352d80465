package vn.thidua.platform.web;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.PathSegment;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;
import java.util.Map;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

/**
 * The one place every service (and the gateway's own endpoints) refuses a URL or header no client
 * of ours sends: a control character (NUL, the other C0 controls, DEL, C1) in a path segment, a
 * query parameter's name or its value, once percent-decoded ({@code /api/units?q=a%00b}), or in a
 * header's value (a tab aside, which HTTP allows between words; {@code X-File-Name} is one that
 * reaches storage). The answer
 * is 400 {@code problem+json} of type {@code invalid-request}, before any resource, database or
 * log sees the text (PostgreSQL refuses NUL in a string, which used to surface as a 500). Percent
 * encoding that does not decode ({@code %zz}) never gets this far: Quarkus's HTTP layer refuses any URL
 * {@link java.net.URI} does not parse with a bare 400, before any route or filter (docs/security.md, known gaps).
 */
public class UrlInputPolicy {

    @ServerRequestFilter(preMatching = true)
    public void refuseControlCharacters(ContainerRequestContext request) {
        UriInfo uri = request.getUriInfo();
        List<String> pathSegments = uri.getPathSegments(true).stream().map(PathSegment::getPath).toList();
        ProblemException refusal = refusalOf(pathSegments, uri.getQueryParameters(true));
        if (refusal == null) {
            refusal = headerRefusalOf(request.getHeaders());
        }
        if (refusal != null) {
            throw refusal;
        }
    }

    /** Why a request with these headers is refused, or null when it is not. */
    static ProblemException headerRefusalOf(Map<String, List<String>> headers) {
        for (Map.Entry<String, List<String>> header : headers.entrySet()) {
            if (header.getValue().stream().anyMatch(UrlInputPolicy::hasControlOtherThanTab)) {
                return ProblemException.badRequest("invalid-request", "problem.invalid-request.header-control", printable(header.getKey()));
            }
        }
        return null;
    }

    private static boolean hasControlOtherThanTab(String value) {
        return value != null && value.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
    }

    /** Why a URL with these decoded path segments and query parameters is refused, or null when it is not. */
    static ProblemException refusalOf(List<String> pathSegments, Map<String, List<String>> queryParameters) {
        if (pathSegments.stream().anyMatch(Text::hasControlCharacter)) {
            return ProblemException.badRequest("invalid-request", "problem.invalid-request.path-control");
        }
        for (Map.Entry<String, List<String>> parameter : queryParameters.entrySet()) {
            if (Text.hasControlCharacter(parameter.getKey()) || parameter.getValue().stream().anyMatch(Text::hasControlCharacter)) {
                return ProblemException.badRequest("invalid-request", "problem.invalid-request.query-control", printable(parameter.getKey()));
            }
        }
        return null;
    }

    /** The text with each control character shown as U+FFFD, so a refusal can name what was sent without repeating it. */
    private static String printable(String text) {
        return text.codePoints().map(c -> Character.isISOControl(c) ? '\uFFFD' : c)
                .collect(StringBuilder::new, StringBuilder::appendCodePoint, StringBuilder::append).toString();
    }
}
