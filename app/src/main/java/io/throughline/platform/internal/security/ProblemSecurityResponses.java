package io.throughline.platform.internal.security;

import io.throughline.platform.Problems;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;
import tools.jackson.databind.json.JsonMapper;

/** 401 and 403 for API callers as problem documents, like every other API error. */
final class ProblemSecurityResponses {

    private final JsonMapper json;

    ProblemSecurityResponses(JsonMapper json) {
        this.json = json;
    }

    AuthenticationEntryPoint unauthorized() {
        return (request, response, exception) -> {
            response.setHeader("WWW-Authenticate", "Bearer realm=\"throughline\"");
            write(response, Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                    "A valid API token is required: send it as 'Authorization: Bearer <token>'"));
        };
    }

    AccessDeniedHandler forbidden() {
        return (request, response, exception) -> write(response, Problems.of(HttpStatus.FORBIDDEN, "forbidden",
                "Forbidden", "Your role does not allow this operation"));
    }

    private void write(HttpServletResponse response, ProblemDetail problem) throws IOException {
        response.setStatus(problem.getStatus());
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        json.writeValue(response.getOutputStream(), problem);
    }
}
