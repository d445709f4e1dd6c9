package io.throughline.tracking.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import io.throughline.events.AppendOutcome;
import io.throughline.events.EventLog;
import io.throughline.events.LogOverloadedException;
import io.throughline.platform.Problems;
import io.throughline.tracking.Source;
import io.throughline.tracking.internal.SegmentRequestReader.Accepted;
import io.throughline.tracking.internal.SegmentRequestReader.Arrival;
import io.throughline.tracking.internal.SegmentRequestReader.MalformedRequest;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The Segment-compatible collection endpoints. A request is acknowledged (200) only once its events are
 * committed to the log; a retried event is stored once and acknowledged again. Authentication is the
 * source's write key, as HTTP Basic user name or as {@code writeKey} in the body.
 */
@RestController
@Tag(name = "Collection", description = "Segment-compatible event collection, authenticated by write key")
class CollectionController {

    private static final Logger log = LoggerFactory.getLogger(CollectionController.class);
    private static final Set<String> KINDS = Set.of("identify", "track", "page", "screen", "group", "alias",
            "batch", "import");
    private static final long COMMIT_TIMEOUT_SECONDS = 30;
    /**
     * Requests being read and parsed at once. Queued events are bounded by the log's byte budget; this bounds
     * the bodies still being read, each up to 500 KB, so that a flood is refused rather than run out of memory.
     */
    private static final int MAX_REQUESTS_IN_FLIGHT = 256;
    /**
     * Requests whose write key is in the body, being read before it can be checked. They have a pool of their own,
     * so that clients holding connections open with slow bodies, with no key or a false one, can fill only this
     * pool and never keep a source with a valid key out.
     */
    private static final int MAX_UNCHECKED_IN_FLIGHT = 32;

    private final Semaphore inFlight = new Semaphore(MAX_REQUESTS_IN_FLIGHT);
    private final Semaphore uncheckedInFlight = new Semaphore(MAX_UNCHECKED_IN_FLIGHT);

    private final JdbcSources sources;
    private final SourceRateLimits rateLimits;
    private final EventLog eventLog;
    private final SegmentRequestReader reader;
    private final Clock clock;

    CollectionController(JdbcSources sources, SourceRateLimits rateLimits, EventLog eventLog, JsonMapper json,
            Clock clock) {
        this.sources = sources;
        this.rateLimits = rateLimits;
        this.eventLog = eventLog;
        this.reader = new SegmentRequestReader(json);
        this.clock = clock;
    }

    @PostMapping({"/v1/{kind}", "/v1/{kind}/"})
    @Operation(summary = "Collect events: identify, track, page, screen, group, alias, batch or import")
    ResponseEntity<?> collect(@PathVariable String kind, HttpServletRequest request) {
        if (!KINDS.contains(kind)) {
            return problem(HttpStatus.NOT_FOUND, "not-found", "Not found", "There is no /v1/" + kind + " endpoint");
        }
        // A key in the Authorization header is checked before a byte of the body is read.
        String headerKey = basicUser(request);
        Optional<JdbcSources.AuthenticatedSource> byHeader = Optional.empty();
        if (headerKey != null) {
            byHeader = sources.authenticate(headerKey);
            if (byHeader.isEmpty()) {
                return unauthorized();
            }
        }
        Semaphore pool = byHeader.isPresent() ? inFlight : uncheckedInFlight;
        if (!pool.tryAcquire()) {
            return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Busy",
                    "Too many requests are being read at once; retry shortly", 1);
        }
        try {
            return collectAdmitted(kind, request, byHeader);
        } finally {
            pool.release();
        }
    }

    private static ResponseEntity<ProblemDetail> unauthorized() {
        return problem(HttpStatus.UNAUTHORIZED, "unauthorized", "Unauthorized",
                "A valid write key is required, as the HTTP Basic user name or as writeKey in the body");
    }

    private ResponseEntity<?> collectAdmitted(String kind, HttpServletRequest request,
            Optional<JdbcSources.AuthenticatedSource> byHeader) {
        var receivedAt = clock.instant();
        JsonNode body;
        try {
            body = reader.parse(body(request));
        } catch (MalformedRequest malformed) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-events", "Invalid events", malformed.getMessage());
        }
        String bodyKey = reader.writeKey(body);
        Optional<JdbcSources.AuthenticatedSource> admitted = byHeader.isPresent() ? byHeader
                : bodyKey == null ? Optional.empty() : sources.authenticate(bodyKey);
        if (admitted.isEmpty()) {
            return unauthorized();
        }
        Optional<Source> source = admitted.map(JdbcSources.AuthenticatedSource::source);
        SegmentRequestReader.Request read;
        try {
            read = reader.read(kind, body, new Arrival(source.get().id(), source.get().channel(), receivedAt,
                    source.get().trust(), admitted.get().userIdSecret()));
        } catch (MalformedRequest malformed) {
            return problem(HttpStatus.BAD_REQUEST, "invalid-events", "Invalid events", malformed.getMessage());
        }
        if (read.accepted().isEmpty()) {
            ProblemDetail problem = Problems.of(HttpStatus.BAD_REQUEST, "invalid-events", "Invalid events",
                    "No event in the request is valid");
            problem.setProperty("rejected", rejections(read));
            return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
        }
        var wait = rateLimits.admit(source.get(), read.accepted().size());
        if (wait.isPresent()) {
            return retryLater(HttpStatus.TOO_MANY_REQUESTS, "rate-limited", "Too many events",
                    "Source " + source.get().channel() + " may send " + source.get().eventsPerSecond()
                            + " events per second", wait.getAsLong());
        }
        List<AppendOutcome> outcomes;
        try {
            outcomes = eventLog.append(read.accepted().stream().map(Accepted::event).toList())
                    .get(COMMIT_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (LogOverloadedException overloaded) {
            return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Busy", overloaded.getMessage(), 1);
        } catch (ExecutionException | TimeoutException notCommitted) {
            log.warn("Events of source {} were not committed: {}", source.get().channel(), notCommitted.toString());
            return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Not stored",
                    "The events could not be stored; retry them", 1);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            return retryLater(HttpStatus.SERVICE_UNAVAILABLE, "overloaded", "Not stored", "Retry", 1);
        }
        long duplicates = outcomes.stream().filter(AppendOutcome.Duplicate.class::isInstance).count();
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("success", true);
        response.put("accepted", outcomes.size() - duplicates);
        response.put("duplicates", duplicates);
        if (!read.rejected().isEmpty()) {
            response.put("rejected", rejections(read));
        }
        return ResponseEntity.ok(response);
    }

    /** The body, decompressed when gzipped, read no further than the request limit. */
    private static byte[] body(HttpServletRequest request) {
        if (request.getContentLengthLong() > SegmentRequestReader.MAX_REQUEST_BYTES) {
            throw new MalformedRequest("the request is larger than "
                    + SegmentRequestReader.MAX_REQUEST_BYTES / 1024 + " KB");
        }
        try {
            InputStream in = request.getInputStream();
            if ("gzip".equalsIgnoreCase(request.getHeader("Content-Encoding"))) {
                in = new GZIPInputStream(in);
            }
            return in.readNBytes(SegmentRequestReader.MAX_REQUEST_BYTES + 1);
        } catch (IOException unreadable) {
            throw new MalformedRequest("the body could not be read: " + unreadable.getMessage());
        }
    }

    static @Nullable String basicUser(HttpServletRequest request) {
        String header = request.getHeader("Authorization");
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return null;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).strip()),
                    StandardCharsets.UTF_8);
            int colon = decoded.indexOf(':');
            return colon < 0 ? decoded : decoded.substring(0, colon);
        } catch (IllegalArgumentException notBase64) {
            return null;
        }
    }

    private static List<Map<String, Object>> rejections(SegmentRequestReader.Request read) {
        return read.rejected().stream()
                .map(rejected -> Map.<String, Object>of("index", rejected.index(), "reason", rejected.reason()))
                .toList();
    }

    private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String type, String title, String detail) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(Problems.of(status, type, title, detail));
    }

    private static ResponseEntity<ProblemDetail> retryLater(HttpStatus status, String type, String title,
            String detail, long seconds) {
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .header("Retry-After", Long.toString(seconds))
                .body(Problems.of(status, type, title, detail));
    }
}
