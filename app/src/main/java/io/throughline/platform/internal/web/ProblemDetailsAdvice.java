package io.throughline.platform.internal.web;

import io.throughline.platform.CheckoutRefused;
import io.throughline.platform.ConflictException;
import io.throughline.platform.InvalidRequestException;
import io.throughline.platform.NotFoundException;
import io.throughline.platform.ThroughlineException;
import io.throughline.platform.TooManyAttempts;
import io.throughline.platform.Problems;
import io.throughline.platform.Problems.FieldError;
import jakarta.validation.ConstraintViolationException;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import org.springframework.web.util.DisconnectedClientHelper;
import tools.jackson.databind.DatabindException;

/**
 * Turns every failure of an API request into {@code application/problem+json}: Spring MVC's own errors
 * (405, 415, 404 for unknown paths, …) through the base class, and the platform's exceptions, bad JSON and
 * validation failures here, each naming what was wrong. Anything unexpected is a 500 without internals.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ProblemDetailsAdvice extends ResponseEntityExceptionHandler {

    private static final Logger log = LoggerFactory.getLogger(ProblemDetailsAdvice.class);

    @ExceptionHandler(ThroughlineException.class)
    ResponseEntity<ProblemDetail> rejected(ThroughlineException exception) {
        if (exception instanceof TooManyAttempts tooMany) {
            return ResponseEntity.status(HttpStatus.TOO_MANY_REQUESTS)
                    .header("Retry-After", Long.toString(tooMany.retryAfterSeconds()))
                    .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                    .body(Problems.withErrors(Problems.of(HttpStatus.TOO_MANY_REQUESTS, tooMany.problemType(),
                            "Too many attempts", tooMany.getMessage()),
                            List.of(new FieldError(tooMany.field(), tooMany.getMessage()))));
        }
        ProblemDetail problem = switch (exception) {
            case NotFoundException notFound ->
                    Problems.of(HttpStatus.NOT_FOUND, notFound.problemType(), "Not found", notFound.getMessage());
            case ConflictException conflict -> Problems.withErrors(
                    Problems.of(HttpStatus.CONFLICT, conflict.problemType(), "Conflict", conflict.getMessage()),
                    List.of(new FieldError(conflict.field(), conflict.getMessage())));
            case InvalidRequestException invalid -> Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, invalid.problemType(), "Invalid request", invalid.getMessage()),
                    List.of(new FieldError(invalid.field(), invalid.reason())));
            case TooManyAttempts tooMany -> throw new IllegalStateException("answered above", tooMany);
            case CheckoutRefused refused -> {
                HttpStatus status = status(refused.reason());
                yield Problems.withErrors(
                        Problems.of(status, refused.problemType(), status.getReasonPhrase(), refused.getMessage()),
                        List.of(new FieldError(refused.field(), refused.getMessage())));
            }
        };
        return problem(problem);
    }

    /** A payment the processor would not take is 402, as card APIs answer; a key reused for another request 422. */
    private static HttpStatus status(CheckoutRefused.Reason reason) {
        return switch (reason) {
            case PAYMENT_DECLINED, PAYMENT_FAILED -> HttpStatus.PAYMENT_REQUIRED;
            case KEY_REUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CONFLICT, INTERRUPTED -> HttpStatus.CONFLICT;
            case INVALID -> HttpStatus.BAD_REQUEST;
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case FAILED -> HttpStatus.INTERNAL_SERVER_ERROR;
        };
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ResponseEntity<ProblemDetail> constraintViolated(ConstraintViolationException exception) {
        List<FieldError> errors = exception.getConstraintViolations().stream()
                .map(violation -> new FieldError(lastNode(violation.getPropertyPath().toString()), violation.getMessage()))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return problem(invalid(errors));
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ResponseEntity<ProblemDetail> parameterMismatch(MethodArgumentTypeMismatchException exception) {
        return problem(invalid(List.of(new FieldError(exception.getName(), "is not a valid value"))));
    }

    @ExceptionHandler(AccessDeniedException.class)
    ResponseEntity<ProblemDetail> accessDenied(AccessDeniedException exception) {
        return problem(Problems.of(HttpStatus.FORBIDDEN, "forbidden", "Forbidden",
                "Your role does not allow this operation"));
    }

    @ExceptionHandler(AuthenticationException.class)
    ResponseEntity<ProblemDetail> unauthenticated(AuthenticationException exception) {
        return problem(Problems.of(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid API token is required"));
    }

    /**
     * The net under the NUL checks: a value holding U+0000 that reached PostgreSQL by a way they do not see (a JSON
     * tree kept as it came) is still the caller's mistake, not the platform's.
     */
    @ExceptionHandler(org.springframework.dao.DataAccessException.class)
    ResponseEntity<ProblemDetail> database(org.springframework.dao.DataAccessException exception) {
        String cause = String.valueOf(exception.getMostSpecificCause().getMessage());
        if (cause.contains("0x00") || cause.contains("\\u0000")) {
            return problem(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                    "Text " + NulCharacters.REASON));
        }
        return unexpected(exception);
    }

    @ExceptionHandler(Exception.class)
    @Nullable ResponseEntity<ProblemDetail> unexpected(Exception exception) {
        if (DisconnectedClientHelper.isClientDisconnectedException(exception)) {
            // A browser that went away (closed tab, broken pipe) is routine and there is no one to answer.
            log.debug("Client went away before the response was written: {}", exception.toString());
            return null;
        }
        log.error("Request failed unexpectedly", exception);
        return problem(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal-error", "Internal error",
                "The request could not be completed; the request id identifies it in the platform's logs"));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHttpMessageNotReadable(
            HttpMessageNotReadableException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        return asObject(problem(unreadableBody(exception)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleMethodArgumentNotValid(
            MethodArgumentNotValidException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getBindingResult().getFieldErrors().stream()
                .map(error -> new FieldError(error.getField(), String.valueOf(error.getDefaultMessage())))
                .sorted(Comparator.comparing(FieldError::field))
                .toList();
        return asObject(problem(invalid(errors)));
    }

    @Override
    protected @Nullable ResponseEntity<Object> handleHandlerMethodValidationException(
            HandlerMethodValidationException exception, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
        List<FieldError> errors = exception.getParameterValidationResults().stream()
                .flatMap(result -> result.getResolvableErrors().stream().map(error -> new FieldError(
                        String.valueOf(result.getMethodParameter().getParameterName()),
                        String.valueOf(error.getDefaultMessage()))))
                .toList();
        return asObject(problem(invalid(errors)));
    }

    @Override
    protected ResponseEntity<Object> createResponseEntity(
            @Nullable Object body, HttpHeaders headers, HttpStatusCode statusCode, WebRequest request) {
        if (body instanceof ProblemDetail problem
                && (problem.getType() == null || "about:blank".equals(problem.getType().toString()))) {
            problem.setType(Problems.type(slugOf(statusCode)));
        }
        return super.createResponseEntity(body, headers, statusCode, request);
    }

    private static ProblemDetail unreadableBody(HttpMessageNotReadableException exception) {
        JacksonException jackson = causeOfType(exception, JacksonException.class);
        if (jackson == null) {
            return Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                    "The request body is missing or is not valid JSON");
        }
        TokenStreamLocation location = jackson.getLocation();
        String where = location == null ? ""
                : " at line " + location.getLineNr() + ", column " + location.getColumnNr();
        if (jackson instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(reference -> reference.getPropertyName() != null
                            ? reference.getPropertyName() : "[" + reference.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            if (jackson instanceof NulCharacters.Found) {
                return Problems.withErrors(Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                        field + " " + NulCharacters.REASON), List.of(new FieldError(field, NulCharacters.REASON)));
            }
            return Problems.withErrors(
                    Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                            "The value of " + field + where + " has the wrong type"),
                    List.of(new FieldError(field, "has the wrong type")));
        }
        ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "malformed-json", "Malformed JSON",
                "The request body is not valid JSON" + where + ": " + jackson.getOriginalMessage());
        if (location != null) {
            problem.setProperty("line", location.getLineNr());
            problem.setProperty("column", location.getColumnNr());
        }
        return problem;
    }

    private static ProblemDetail invalid(List<FieldError> errors) {
        String fields = errors.stream().map(FieldError::field).distinct().collect(Collectors.joining(", "));
        return Problems.withErrors(
                Problems.of(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
                        "These fields are invalid: " + fields),
                errors);
    }

    private static ResponseEntity<ProblemDetail> problem(ProblemDetail problem) {
        return ResponseEntity.status(problem.getStatus())
                .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static ResponseEntity<Object> asObject(ResponseEntity<ProblemDetail> entity) {
        return (ResponseEntity) entity;
    }

    private static @Nullable <T extends Throwable> T causeOfType(Throwable throwable, Class<T> type) {
        for (Throwable cause = throwable; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return type.cast(cause);
            }
        }
        return null;
    }

    private static String lastNode(String propertyPath) {
        int dot = propertyPath.lastIndexOf('.');
        return dot < 0 ? propertyPath : propertyPath.substring(dot + 1);
    }

    private static String slugOf(HttpStatusCode status) {
        HttpStatus known = HttpStatus.resolve(status.value());
        return known == null ? "http-" + status.value() : known.name().toLowerCase().replace('_', '-');
    }
}
