package vn.thidua.awards.council;

import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;
import vn.thidua.platform.web.ProblemMappers;

/** Answers the Council's refusals as every other problem of the service: problem+json in the caller's language. */
public class CouncilRefusalMapper {
    private final ProblemMappers problems = new ProblemMappers();

    @ServerExceptionMapper
    public Response refused(CouncilRefusal refusal, HttpHeaders headers, UriInfo uri) {
        return problems.problem(CouncilProblems.toProblem(refusal), headers, uri);
    }
}
