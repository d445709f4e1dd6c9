package io.throughline.platform;

import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/**
 * Builds RFC 9457 problem documents with Throughline's stable problem types. The type URIs are relative
 * references resolved against the platform's own address, and each is documented in docs/API.md.
 */
public final class Problems {

    /** One offending input: which field (a JSON path such as {@code items[2].email}) and why. */
    public record FieldError(String field, String reason) {}

    private Problems() {}

    public static URI type(String slug) {
        return URI.create("/problems/" + slug);
    }

    public static ProblemDetail of(HttpStatus status, String slug, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(type(slug));
        problem.setTitle(title);
        return problem;
    }

    public static ProblemDetail withErrors(ProblemDetail problem, List<FieldError> errors) {
        problem.setProperty("errors", errors.stream()
                .map(error -> Map.of("field", error.field(), "reason", error.reason()))
                .toList());
        return problem;
    }
}
